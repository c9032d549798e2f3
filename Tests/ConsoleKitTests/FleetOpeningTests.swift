import Foundation
import TestSupport
import Testing
@testable import ConsoleKit
@testable import LiveKit
@testable import SettingsKit

/// Enter on a row opens that file's walkthrough in the same console, every screen, key and
/// dialog as `edit FILE` has them; leaving it (Esc where nothing is typed, ^Q, the quit
/// dialog) comes back to the list on the same row and judges the file again.
@Suite struct FleetOpeningTests {
    /// Ready for production but for the app's name.
    static let nameless = Fixture.ready.replacingOccurrences(of: #""name": "Acme sign-in", "#, with: "")

    static func judgedRow(_ folder: TemporaryFolder, _ path: String) -> FleetRow {
        guard case .row(let row, _) = FleetJudging.judge(path, in: folder.path, now: { .infinity }) else { fatalError("not judged") }
        return row
    }

    /// The list on a real folder, its rows judged as the watch would.
    static func state(_ folder: TemporaryFolder, _ paths: [String], readOnly: Bool = false) -> FleetState {
        var s = FleetState(folder: folder.path, readOnly: readOnly)
        _ = s.handle(.resized(width: 80, height: 24))
        _ = s.handle(.fleet(.judged(paths.map { judgedRow(folder, $0) })))
        _ = s.handle(.fleet(.loaded))
        return s
    }

    @Test func enterOpensTheWalkthroughAndEscBringsTheListBackOnTheSameRowJudgedAgain() throws {
        let folder = try FleetFixture.folder(["a/ready.json": Fixture.ready, "b/nameless.json": Self.nameless, "c/half.json": Fixture.halfDone])
        var s = Self.state(folder, ["a/ready.json", "b/nameless.json", "c/half.json"])
        s.press(.down)
        #expect(s.list.selected?.path == "b/nameless.json")
        let open = s.press(.enter)
        #expect(open == .openFile(path: folder.path + "/b/nameless.json", readOnly: false))
        _ = s.openAsTheRunnerDoes(open)
        #expect(s.opened != nil)
        let screen = s.rendered()
        #expect(screen.contains("social-console · nameless.json") && screen.contains("▸ Name"), "\(screen)")
        #expect(screen.contains("^Q List"), "quitting goes back to the list")
        s.press(.function(1))
        #expect(s.rendered().contains("^Q List"), "in help too: \(s.rendered())")
        s.press(.escape)
        // Every key is the walkthrough's: PgDn goes to App, where the name is missing.
        s.press(.pageDown)
        #expect(s.opened?.screen == .step(.app))
        s.press(typing("Acme sign-in") + [.enter])
        #expect(s.opened?.report.blockers.isEmpty == true)
        // Saved by the effect runner on the real store, as the session does.
        var effects: [Effect] = []
        _ = EffectRunner(files: StoreFiles(via: "console")).send(.key(.ctrl("s")), to: &s) { effects.append($0) }
        if case .save? = effects.first {} else { Issue.record("^S saves: \(effects)") }
        #expect(s.rendered().contains("Saved"))
        // Esc on a field where nothing is typed: back to the list, the file judged again.
        let back = s.press(.escape)
        #expect(s.opened == nil)
        #expect(back == .start(Job(id: Job.ID(FleetState.watchJob.value + 2), work: FleetJudge(folder: folder.path, paths: ["b/nameless.json"]))))
        #expect(s.list.selected?.path == "b/nameless.json" && s.rendered().contains("Back from nameless.json"))
        // The job's answer: the row is ready now, and still the one selected.
        _ = s.handle(.fleet(.judged([Self.judgedRow(folder, "b/nameless.json")])))
        #expect(s.list.selected?.path == "b/nameless.json" && s.list.selected?.ready == true)
    }

    @Test func escWhileTypingCancelsTheTypingFirst() throws {
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var s = Self.state(folder, ["x.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        s.press(typing("-typed"))
        #expect(s.press(.escape) == nil && s.opened != nil, "the text field's Esc: the edit is cancelled")
        #expect(s.opened?.isDirty == false)
        #expect(s.press(.escape) != nil && s.opened == nil, "then Esc leaves")
    }

    @Test func unsavedChangesAreAskedAboutBeforeGoingBack() throws {
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var s = Self.state(folder, ["x.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        s.press(typing("-changed") + [.enter])
        #expect(s.press(.ctrl("q")) == nil && s.opened?.overlay == .quitConfirm, "the walkthrough's own quit dialog")
        #expect(s.rendered().contains("Unsaved changes"))
        s.press(.escape)
        #expect(s.opened?.overlay == nil && s.opened != nil)
        s.press(.escape)
        #expect(s.opened?.overlay == .quitConfirm, "Esc where nothing is typed asks as ^Q does")
        if case .start? = s.press(.char("n")) {} else { Issue.record("n: back to the list, judging the file again") }
        #expect(s.opened == nil)
        #expect(try String(contentsOfFile: folder.file("x.json"), encoding: .utf8) == Fixture.halfDone, "nothing written")
    }

    @Test func readOnlyOpensEveryFileReadOnly() throws {
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var s = Self.state(folder, ["x.json"], readOnly: true)
        let open = s.press(.enter)
        #expect(open == .openFile(path: folder.path + "/x.json", readOnly: true))
        _ = s.openAsTheRunnerDoes(open)
        #expect(s.opened?.readOnly == true && s.rendered().contains("READ-ONLY"))
        s.press(.char("x"))
        #expect(s.opened?.isDirty == false)
        s.press(.ctrl("q"))
        #expect(s.opened == nil)
    }

    @Test func aFileThatCannotBeOpenedSaysWhyAndTheListStays() throws {
        let folder = try FleetFixture.folder(["bad.json": "{\"schemaVersion\": 1,"])
        var s = Self.state(folder, ["bad.json"])
        #expect(s.list.selected?.isError == true)
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        #expect(s.opened == nil)
        let screen = s.rendered()
        #expect(screen.contains("Cannot open bad.json") && screen.contains("file/invalid-json"), "\(screen)")
    }

    @Test func ctrlCAndSignalsInAWalkthroughEndTheConsoleNotJustTheFile() throws {
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var s = Self.state(folder, ["x.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        #expect(s.press(.ctrl("c")) == .quit(130))
        #expect(s.handle(.stopRequested(.terminate)) == .quit(143), "nothing unsaved: leave")
        s.press(typing("-x"))
        if case .keepRecovery(let request)? = s.handle(.stopRequested(.hangUp)) {
            #expect(request.path == folder.file("x.json"), "the open file's unsaved edits are kept")
        } else {
            Issue.record("a hangup keeps the open file's edits")
        }
    }

    @Test func theListsJobsNewsReachTheListWhileAFileIsOpen() throws {
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var s = Self.state(folder, ["x.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        _ = s.handle(.fleet(.judged([FleetRow(path: "new.json", environment: "production", ready: true)])))
        #expect(s.opened != nil && s.list.counts.files == 2)
        #expect(s.watchedFile?.path == folder.file("x.json"), "the session looks at the open file on disk")
        s.press(.ctrl("q"))
        #expect(s.watchedFile == nil)
    }

    static func job(_ effect: Effect?) -> Job? {
        guard case .start(let job)? = effect else { return nil }
        return job
    }

    @Test func aLiveJobLeftRunningInOneFileNeverAnswersForTheNext() throws {
        let folder = try FleetFixture.folder(["a.json": Fixture.ready, "b.json": Fixture.ready])
        var s = Self.state(folder, ["a.json", "b.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        s.opened?.visit(.review)
        let first = try #require(Self.job(s.press(.char("t"))), "t tests a.json")
        guard case .all(let effects)? = s.press(.ctrl("q")) else {
            Issue.record("leaving while the test is at work stops it and judges the file again")
            return
        }
        #expect(effects.first == .cancel(first.id) && effects.count == 2, "\(effects)")
        #expect(s.opened == nil, "left while the test is at work")
        s.press(.down)
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        s.opened?.visit(.review)
        let second = try #require(Self.job(s.press(.char("t"))), "t tests b.json")
        #expect(second.id != first.id, "the runner would not start a job whose id is still at work")
        // a.json's test comes back: b.json's walkthrough does not take it for its own.
        let verdict = LiveVerdict(findings: [], checks: [], time: "2026-12-01T10:04:05Z")
        _ = s.handle(.live(.finished(first.id, .verified(verdict), historyError: nil)))
        #expect(s.opened?.live.running?.id == second.id && s.opened?.live.results == nil)
    }

    /// Leaving a walkthrough whose push is being written lets the write finish, as Esc
    /// does there; with nothing running, leaving only has the file judged again.
    @Test func aPushBeingWrittenIsLetFinishWhenTheWalkthroughIsLeft() throws {
        let folder = try FleetFixture.folder(["a.json": Fixture.ready])
        var s = Self.state(folder, ["a.json"])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        s.opened?.live.running = .init(id: Job.ID(77), stage: .pushing, settings: Settings())
        guard case .start(let judge)? = s.press(.ctrl("q")) else {
            Issue.record("the file is judged again, the push left alone")
            return
        }
        #expect(judge.work is FleetJudge)
    }

    @Test func aFileNamedAfterItsOwnSecretIsMaskedWhenTheListComesBack() throws {
        let name = TestSecret.value + ".json"
        let folder = try FleetFixture.folder([name: Fixture.ready])
        var s = Self.state(folder, [name])
        _ = s.openAsTheRunnerDoes(s.press(.enter))
        #expect(s.opened != nil)
        s.press(.ctrl("q"))
        let screen = s.rendered()
        #expect(s.opened == nil && screen.contains("Back from"), "\(screen)")
        #expect(!TestSecret.isIn(Array(screen.utf8)), "\(screen)")
    }

    @Test func openingARowByClicksWhileTheFilterIsTypedEndsTypingIt() throws {
        let folder = try FleetFixture.folder(["a.json": Fixture.ready, "b.json": Fixture.halfDone])
        var s = Self.state(folder, ["a.json", "b.json"])
        s.press([.char("/")] + typing("b.j"))
        #expect(s.filterEditor != nil && s.list.shown.count == 1)
        _ = s.handle(.clicked(.fleet(.row(0))))
        _ = s.openAsTheRunnerDoes(s.handle(.clicked(.fleet(.row(0)))))
        #expect(s.opened != nil)
        s.press(.escape)
        #expect(s.opened == nil && s.filterEditor == nil, "back in the list, keys are the list's again")
        #expect(s.list.query.text == "b.j", "the filter stays")
        #expect(s.press(.char("q")) == .quit(0))
    }
}
