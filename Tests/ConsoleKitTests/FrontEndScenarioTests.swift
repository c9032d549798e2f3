import TestSupport
import Foundation
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// One save flow serves both front ends: the same scenarios (keys both changed, a file on
/// disk that can no longer be read, a file that appeared while it was new, edits kept by
/// a hangup and restored after someone else's save) run through the console (its real
/// session on a fake terminal) and through plain mode (its session and the same effect
/// runner, as its run loop drives them), on the real store, and end the same on disk.
@Suite(.serialized) struct FrontEndScenarioTests {
    enum FrontEnd: String, CaseIterable { case console, plain }

    let folder = TemporaryFolder("front-ends")
    var path: String { folder.file("acme.json") }

    func write(_ json: String = Fixture.halfDone) throws {
        try? FileManager.default.removeItem(atPath: path)
        try SettingsStore.create(Fixture.settings(json), at: path, via: "test")
    }

    func onDisk(_ key: String) throws -> String? { try SettingsStore.load(path).settings.text(key) }

    /// Another process's `set`, as the store does it.
    func otherWriter(_ key: String, _ value: String) {
        try! SettingsStore.update(path, via: "other") { $0.setText(key, value) }
    }

    // MARK: The two front ends

    /// The console: edits the name (typed at its end), `meanwhile` runs, then `keys`.
    func console(typing: String, meanwhile: @escaping () -> Void = {}, then keys: [Key]) throws -> (code: Int32, screens: [String]) {
        let files = StoreFiles(via: "console")
        let opened = try EditSession.open(path, readOnly: false, files: files).get()
        let script = FakeTerminal.typing(typing) + [.run(meanwhile), .tick] + keys.flatMap { [FakeTerminal.Step.key($0), .tick] }
        let terminal = FakeTerminal(script)
        var session = ConsoleSession(state: ConsoleState(opened.session), backend: terminal, files: files, diskCheckInterval: .seconds(60))
        let code = session.run()
        return (code, terminal.frames.map(\.text))
    }

    /// Plain mode, as its run loop drives it: each answer in turn, `meanwhile` before the
    /// first answer after `before` ones, the effects through the one runner; when the
    /// answers run out, a hangup.
    func plain(_ answers: [String], meanwhile: @escaping () -> Void = {}, before: Int = 0) throws -> (code: Int32, transcript: String) {
        let files = StoreFiles(via: "plain")
        let runner = EffectRunner(files: files)
        let opened = try EditSession.open(path, readOnly: false, files: files).get()
        var session = PlainSession(opened.session, notice: opened.notice)
        var transcript = session.start()
        var answers = answers[...]
        var given = 0
        while true {
            switch session.next {
            case .end(let code): return (code, transcript)
            case .perform(let effect):
                let code = runner.perform(effect, for: &session)
                transcript += session.takeOutput()
                if let code { return (code, transcript) }
            case .ask(let prompt):
                if given == before { meanwhile() }
                guard let answer = answers.popFirst() else {
                    let code = runner.send(.stopRequested(.hangUp), to: &session) ?? 129
                    return (code, transcript + session.takeOutput())
                }
                given += 1
                transcript += prompt.text + session.answer(answer)
            }
        }
    }

    // MARK: Scenarios

    @Test(arguments: FrontEnd.allCases)
    func aKeyBothChangedIsAskedAndTheirOtherChangeIsKept(_ frontEnd: FrontEnd) throws {
        try write()
        let meanwhile = {
            otherWriter("instance.name", "theirs")
            otherWriter("atlassianApp.logo", "https://acme.com/logo.png")
        }
        switch frontEnd {
        case .console:
            let run = try console(typing: "-mine", meanwhile: meanwhile, then: [.ctrl("s"), .char("y"), .enter, .ctrl("q")])
            #expect(run.code == 0)
            #expect(run.screens.contains { $0.contains("instance.name   ? choose t or y") })
        case .plain:
            let run = try plain(["acme-staging-mine", "q", "y", "y"], meanwhile: meanwhile, before: 2)
            #expect(run.code == 0, "\(run.transcript)")
            #expect(run.transcript.contains("Conflict › instance.name (t theirs, y yours): "))
        }
        #expect(try onDisk("instance.name") == "acme-staging-mine", "ours, as chosen")
        #expect(try onDisk("atlassianApp.logo") == "https://acme.com/logo.png", "their other change kept")
    }

    @Test(arguments: FrontEnd.allCases)
    func aFileThatCanNoLongerBeReadIsReplacedOnlyWhenAsked(_ frontEnd: FrontEnd) throws {
        try write()
        let breakIt = { try! "{\"schemaVersion\": 1, \"instance\": {".write(toFile: path, atomically: false, encoding: .utf8) }
        switch frontEnd {
        case .console:
            let run = try console(typing: "-mine", meanwhile: breakIt, then: [.ctrl("s"), .enter, .ctrl("q")])
            #expect(run.code == 0)
            #expect(run.screens.contains { $0.contains("cannot be read now") })
        case .plain:
            let run = try plain(["acme-staging-mine", "q", "y", "y"], meanwhile: breakIt, before: 2)
            #expect(run.code == 0)
            #expect(run.transcript.contains("Overwrite it with yours? [y/n]: "))
        }
        #expect(try onDisk("instance.name") == "acme-staging-mine")
    }

    /// The file was new; someone created it meanwhile: it is theirs, never merged into or
    /// loaded without asking; replacing it is the operator's choice.
    @Test(arguments: FrontEnd.allCases)
    func aFileThatAppearedIsNotAdoptedAndReplacedOnlyWhenAsked(_ frontEnd: FrontEnd) throws {
        try? FileManager.default.removeItem(atPath: path)
        let appear = { try! SettingsStore.create(Fixture.settings(Fixture.ready), at: path, via: "other") }
        switch frontEnd {
        case .console:
            let declined = try console(typing: "mine", meanwhile: appear, then: [.ctrl("s"), .escape, .ctrl("c")])
            #expect(declined.screens.contains { $0.contains("Created on disk") && $0.contains("not yours") }, "\(declined.screens.last ?? "")")
            #expect(try onDisk("instance.name") == "acme-prod", "not written")
            try FileManager.default.removeItem(atPath: path)
            let replaced = try console(typing: "mine", meanwhile: appear, then: [.ctrl("s"), .enter, .ctrl("q")])
            #expect(replaced.code == 0)
        case .plain:
            let declined = try plain(["mine", "q", "y", "n"], meanwhile: appear, before: 2)
            #expect(declined.transcript.contains("was created on disk") && declined.transcript.contains("Replace it with yours? [y/n]: "))
            #expect(try onDisk("instance.name") == "acme-prod", "not written")
            try FileManager.default.removeItem(atPath: path)
            _ = try plain(["mine", "q", "y", "y"], meanwhile: appear, before: 2)
        }
        let written = try SettingsStore.load(path).settings
        #expect(written.text("instance.name") == "mine", "replaced with ours")
        #expect(written.text("instance.redirectUri") == nil, "none of theirs merged in")
    }

    /// Edits kept by a hangup, restored after someone else saved the file: their save is
    /// kept, ours applied, as a save merges.
    @Test(arguments: FrontEnd.allCases)
    func editsKeptByAHangupAreRestoredAndMergedWithALaterSave(_ frontEnd: FrontEnd) throws {
        try write()
        switch frontEnd {
        case .console:
            let first = try console(typing: "-kept", then: [])
            #expect(first.code == 129)
        case .plain:
            let first = try plain(["acme-staging-kept"])
            #expect(first.code == 129, "\(first.transcript)")
        }
        #expect(FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)))
        otherWriter("atlassianApp.logo", "https://acme.com/later.png")
        switch frontEnd {
        case .console:
            let second = try console(typing: "", then: [.char("r"), .ctrl("s"), .ctrl("q")])
            #expect(second.code == 0)
            #expect(second.screens.contains { $0.contains("was saved after that") })
        case .plain:
            let second = try plain(["r", "q", "y"])
            #expect(second.code == 0, "\(second.transcript)")
            #expect(second.transcript.contains("was saved after that") && second.transcript.contains("Restore them?"))
        }
        #expect(try onDisk("instance.name") == "acme-staging-kept", "the recovered edit")
        #expect(try onDisk("atlassianApp.logo") == "https://acme.com/later.png", "the later save is not reverted")
        #expect(!FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)), "saving removed the recovery file")
    }
}
