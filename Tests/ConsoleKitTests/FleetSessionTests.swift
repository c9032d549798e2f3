import Foundation
import Synchronization
import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet list in whole sessions on the fake terminal: the real run loop, effect runner
/// and frame diff, with the audit's rows coming in as jobs post them.
@Suite(.serialized) struct FleetSessionTests {
    /// The audit as a script: lists six files, then posts two rows each time the test
    /// gives it a turn (`step`), and says when it has posted them (`posted`).
    final class ScriptedAudit: JobPerformer, @unchecked Sendable {
        let rows = Array(FleetFixture.rows.prefix(6))
        private let turns = Mutex((given: 0, posted: 0))

        func perform(_ job: Job, _ context: JobContext) {
            guard job.work is FleetWatch else { return }
            context.post(.fleet(.listed(rows.count)))
            var batch = 0
            while batch * 2 < rows.count && !context.isCancelled {
                if turns.withLock({ $0.given }) > batch {
                    context.post(.fleet(.judged(Array(rows[(batch * 2)..<(batch * 2 + 2)]))))
                    batch += 1
                    if batch * 2 == rows.count { context.post(.fleet(.loaded)) }
                    turns.withLock { $0.posted = batch }
                } else {
                    usleep(1_000)
                }
            }
        }

        /// Lets the script post its next batch and waits until it has.
        func step() {
            let next = turns.withLock { state -> Int in
                state.given += 1
                return state.given
            }
            for _ in 0..<2000 where turns.withLock({ $0.posted }) < next { usleep(1_000) }
        }
    }

    /// The list shows before any file is judged, fills a batch at a time as the audit's
    /// clock ticks, and takes keys meanwhile.
    @Test func theListShowsAtOnceAndFillsAsFilesAreJudgedWhileKeysWork() {
        let audit = ScriptedAudit()
        let terminal = FakeTerminal(
            [.tick, .run { audit.step() }, .tick, .key(.down), .run { audit.step() }, .tick, .key(.char("s")), .run { audit.step() }, .tick, .tick],
            width: 80, height: 24)
        var session = ConsoleSession(
            state: FleetState(folder: FleetFixture.folder, readOnly: false), backend: terminal, files: StoreFiles(via: "console"),
            jobs: Jobs(performer: audit), diskCheckInterval: .seconds(60))
        #expect(session.run() == 129, "the script ends: the terminal hung up")
        let titles = terminal.frames.map { String($0.text.split(separator: "\n")[0]) }
        #expect(titles.first?.contains("listing files…") == true || titles.first?.contains("judged 0/6") == true, "\(titles[0])")
        #expect(terminal.frames[0].text.contains("Listing the settings files…") || terminal.frames[0].text.contains("Judging"))
        for n in [2, 4, 6] {
            #expect(titles.contains { $0.contains("judged \(n)/6") } || n == 6, "judged \(n)/6 shown")
        }
        #expect(titles.last?.contains("6 files") == true && titles.last?.contains("judged") == false, "\(titles.last ?? "")")
        #expect(session.state.list.sort == .path, "s worked while files were judged")
        #expect(session.state.list.chosen != nil, "Down worked while files were judged")
        #expect(session.state.list.counts.files == 6)
    }

    /// A real folder, the real job: open a file, fix it, save, come back: the row is ready.
    /// Meanwhile another writer (`set`) saves another file: its row follows.
    @Test func openFixSaveAndComeBackWhileAnotherFileChanges() throws {
        let folder = try FleetFixture.folder(["a/nameless.json": FleetOpeningTests.nameless, "b/half.json": Fixture.halfDone])
        let jobs = Jobs(performer: FleetJobs(timing: FleetWatchRun.quick))
        func settle(_ n: Int) -> [FakeTerminal.Step] { Array(repeating: [.run { usleep(20_000) }, .tick], count: n).flatMap { $0 } }
        var script: [FakeTerminal.Step] = settle(20)
        // Sorted by path; the first row is a/nameless.json: open it, name the app, save, Esc.
        script += [.key(.char("s")), .key(.char("s")), .key(.char("s")), .key(.char("s")), .key(.home), .key(.enter), .tick, .key(.pageDown)]
        script += FakeTerminal.typing("Acme sign-in") + [.key(.enter), .key(.ctrl("s")), .tick, .key(.escape)] + settle(30)
        // Someone else runs `set` on the other file while the list shows.
        script += [
            .run {
                let base = try! SettingsStore.load(folder.file("b/half.json"))
                var settings = base.settings
                settings.setText("instance.environment", "development")
                _ = try! SettingsStore.save(settings, to: folder.file("b/half.json"), via: "set", base: base)
            }
        ]
        script += settle(40)
        let terminal = FakeTerminal(script, width: 100, height: 30)
        var session = ConsoleSession(
            state: FleetState(folder: folder.path, readOnly: false), backend: terminal, files: StoreFiles(via: "console"), jobs: jobs,
            diskCheckInterval: .seconds(60))
        _ = session.run()
        jobs.cancel(FleetState.watchJob)
        let list = session.state.list
        #expect(session.state.opened == nil)
        #expect(list.row(path: "a/nameless.json")?.ready == true, "fixed, saved, judged again: ready")
        #expect(list.selected?.path == "a/nameless.json", "back on the same row")
        #expect(terminal.frames.contains { $0.text.contains("social-console · nameless.json") }, "the walkthrough was on screen")
        #expect(list.row(path: "b/half.json")?.environment == "development", "the other writer's save is shown")
        let saved = try String(contentsOfFile: folder.file("a/nameless.json"), encoding: .utf8)
        #expect(saved.contains("\"name\": \"Acme sign-in\""))
        #expect(!terminal.frames.contains { TestSecret.isIn(Array($0.text.utf8)) })
    }

    /// What a key costs in a long list: the frame diff sends two short runs of cells.
    @Test func aKeyInALongListSendsFewBytes() {
        let rows = (0..<5_000).map {
            FleetRow(
                path: String(format: "region-%02d/tenant-%05d.json", $0 % 20, $0), environment: "production", blockers: $0 % 4,
                first: "app/name-missing", codes: ["app/name-missing"])
        }
        let audit = PostAll(rows: rows)
        let downs = Array(repeating: [FakeTerminal.Step.key(.down), .tick], count: 10).flatMap { $0 }
        let terminal = FakeTerminal([.run { audit.wait() }, .tick, .tick] + downs, width: 100, height: 30)
        var session = ConsoleSession(
            state: FleetState(folder: "/srv/fleet", readOnly: false), backend: terminal, files: StoreFiles(via: "console"),
            jobs: Jobs(performer: audit), diskCheckInterval: .seconds(60))
        _ = session.run()
        let keys = terminal.bytesPerUpdate.suffix(10)
        #expect(keys.allSatisfy { $0 < 200 }, "bytes per Down: \(Array(keys))")
        #expect(session.state.list.cursor == 10)
    }

    /// Posts every row at once, then says it is done.
    final class PostAll: JobPerformer, @unchecked Sendable {
        let rows: [FleetRow]
        private let done = Mutex(false)
        init(rows: [FleetRow]) { self.rows = rows }
        func perform(_ job: Job, _ context: JobContext) {
            context.post(.fleet(.listed(rows.count)))
            context.post(.fleet(.judged(rows)))
            context.post(.fleet(.loaded))
            done.withLock { $0 = true }
        }
        func wait() { for _ in 0..<2000 where !done.withLock({ $0 }) { usleep(1_000) } }
    }
}
