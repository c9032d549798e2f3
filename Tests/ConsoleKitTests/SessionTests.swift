import TestSupport
@testable import ConsoleKit
import Foundation
@testable import SettingsKit
import Testing

/// Whole console sessions on a fake terminal and the real store in a temp folder: the
/// flows that used to be reachable only through tmux (save, merge with a second writer,
/// reload, recovery, suspend), in milliseconds.
@Suite struct SessionTests {
    let folder = TemporaryFolder("session")
    var path: String { folder.file("acme.json") }

    func write(_ json: String = Fixture.halfDone) throws {
        try SettingsStore.create(Fixture.settings(json), at: path, via: "test")
    }

    /// Runs a session on the file as it is now; returns the exit code and the session.
    func run(
        _ script: [FakeTerminal.Step], files: some SettingsFiles = StoreFiles(via: "console"), stop: @escaping () -> StopReason? = { nil }
    )
        -> (code: Int32, terminal: FakeTerminal, session: ConsoleSession<ConsoleState, FakeTerminal, some SettingsFiles>)
    {
        let opened = try! EditSession.open(path, readOnly: false, files: files).get()
        let terminal = FakeTerminal(script)
        var session = ConsoleSession(
            state: ConsoleState(opened.session, notice: opened.notice), backend: terminal, files: files, diskCheckInterval: .zero,
            stopRequest: stop)
        let code = session.run()
        return (code, terminal, session)
    }

    func onDisk(_ key: String) throws -> String? { try SettingsStore.load(path).settings.text(key) }

    /// Another process's `set`, as the store does it (locked, merged into the file as it is).
    func otherWriter(_ key: String, _ value: String) -> FakeTerminal.Step {
        .run { try! SettingsStore.update(path, via: "other") { $0.setText(key, value) } }
    }

    @Test func aSaveWritesTheEditAndSaysSo() throws {
        try write()
        let run = run(FakeTerminal.typing("-2") + [.key(.ctrl("s")), .tick, .key(.ctrl("q"))])
        #expect(run.code == 0)
        #expect(try onDisk("instance.name") == "acme-staging-2")
        #expect(run.terminal.frames.contains { $0.text.contains("Saved acme.json") })
        let history = try String(contentsOfFile: path + ".history.jsonl", encoding: .utf8)
        #expect(history.contains("\"console\"") && history.contains("acme-staging-2"), "\(history)")
    }

    /// The lost update: a colleague sets the logo while the name is edited here.
    /// The save keeps the logo, applies the name, and opens no dialog.
    @Test func aSecondWritersChangeToAnotherKeyIsMergedNotReverted() throws {
        try write()
        let run = run(
            FakeTerminal.typing("-mine") + [
                otherWriter("atlassianApp.logo", "https://acme.com/logo.png"),
                .tick, .tick, .key(.ctrl("s")), .tick, .key(.ctrl("q")),
            ])
        #expect(run.code == 0, "nothing left unsaved: the quit did not ask")
        #expect(try onDisk("atlassianApp.logo") == "https://acme.com/logo.png")
        #expect(try onDisk("instance.name") == "acme-staging-mine")
        #expect(run.terminal.frames.contains { $0.text.contains("! changed on disk") }, "the title said so before the save")
        #expect(run.terminal.frames.contains { $0.text.contains("merged with changes made on disk to atlassianApp.logo") })
        #expect(!run.terminal.frames.contains { $0.text.contains("Changed on disk") }, "no dialog for a key only they changed")
        let last = try String(contentsOfFile: path + ".history.jsonl", encoding: .utf8).split(separator: "\n").last ?? ""
        #expect(last.contains("instance.name") && !last.contains("logo"), "the console's save changed only its own key: \(last)")
    }

    @Test func aKeyBothChangedIsListedAndWaitsForASide() throws {
        try write()
        let before = run(FakeTerminal.typing("-mine") + [otherWriter("instance.name", "theirs"), .key(.ctrl("s"))])
        #expect(before.code == 129, "the script ended with the dialog open: the terminal hung up")
        #expect(before.terminal.screen.contains("instance.name   ? choose t or y"), "\(before.terminal.screen)")
        #expect(before.terminal.screen.contains("old \"acme-staging\"  theirs \"theirs\"  yours \"acme-staging-mine\""))
        #expect(try onDisk("instance.name") == "theirs", "nothing written while the dialog waits")
        // The hangup kept the edits for next time; this test does not want them.
        try RecoveryFile.discard(for: path)

        try FileManager.default.removeItem(atPath: path)
        try write(Fixture.halfDone.replacingOccurrences(of: "acme-staging", with: "acme-base"))
        let yours = run(
            FakeTerminal.typing("-mine") + [
                otherWriter("instance.name", "theirs"), otherWriter("atlassianApp.logo", "https://l.example/x.png"),
                .key(.ctrl("s")), .key(.char("y")), .key(.enter), .key(.ctrl("q")),
            ])
        #expect(yours.code == 0)
        #expect(try onDisk("instance.name") == "acme-base-mine", "yours, as chosen")
        #expect(try onDisk("atlassianApp.logo") == "https://l.example/x.png", "their other change kept")
    }

    @Test func theirsForAllKeepsTheirValueAndStillAppliesYourOtherEdits() throws {
        try write()
        let run = run(
            FakeTerminal.typing("-mine") + [.key(.tab), .key(.tab)] + FakeTerminal.typing("/x")
                + [otherWriter("instance.name", "theirs"), .key(.ctrl("s")), .key(.char("T")), .key(.enter), .key(.ctrl("q"))])
        #expect(run.code == 0)
        #expect(try onDisk("instance.name") == "theirs")
        #expect(try onDisk("instance.redirectUri") == "https://clerk.staging.acme.com/v1/oauth_callback/x")
    }

    /// Two writers, many rounds: whatever the other one changes is either still on disk
    /// after the console's save or was listed in the dialog before anything was written.
    @Test func noKeyIsEverRevertedWithoutBeingListed() throws {
        try write()
        let keys = ["atlassianApp.name", "atlassianApp.description", "atlassianApp.logo", "instance.name", "atlassianApp.distribution.vendorName"]
        var random = SplitMix64(seed: 11)
        for round in 0..<12 {
            let theirKey = keys[Int(random.next() % UInt64(keys.count))]
            let theirValue = "theirs-\(round)"
            // The console edits the Instance name (the first field) every round.
            let bothChanged = theirKey == "instance.name"
            let answer: [FakeTerminal.Step] = bothChanged ? [.key(.char("Y")), .key(.enter)] : []
            let run = run(
                FakeTerminal.typing("-\(round)") + [otherWriter(theirKey, theirValue), .key(.ctrl("s")), .tick] + answer + [.key(.ctrl("q"))])
            let listed = run.terminal.frames.contains { $0.text.contains("Changed on disk") && $0.text.contains(theirKey) }
            let kept = try onDisk(theirKey) == theirValue
            #expect(kept || listed, "round \(round): \(theirKey) reverted without being listed")
            #expect(listed == bothChanged, "round \(round): only a key both changed is listed")
            #expect(run.code == 0)
        }
    }

    @Test func withNothingUnsavedAChangeOnDiskIsShownAtOnce() throws {
        try write()
        let run = run([.tick, otherWriter("instance.name", "renamed-elsewhere"), .tick, .tick, .key(.ctrl("q"))])
        #expect(run.code == 0)
        #expect(
            run.terminal.frames.contains { $0.text.contains("renamed-elsewhere") && $0.text.contains("Reloaded acme.json: it was changed on disk") })
    }

    @Test func aFailedSaveSaysWhyAndKeepsTheEdits() throws {
        try write()
        let run = run(FakeTerminal.typing("-2") + [.key(.ctrl("s")), .tick], files: FullDisk())
        #expect(run.terminal.screen.contains("Not saved: no space left on device"))
        #expect(run.code == 129 && run.session.state.isDirty)
        #expect(try onDisk("instance.name") == "acme-staging")
    }

    @Test func aHangupKeepsTheEditsAndTheNextSessionRestoresAndSavesThem() throws {
        try write()
        let first = run(FakeTerminal.typing("-kept"))
        #expect(first.code == 129)
        #expect(first.session.farewell.first?.hasPrefix("unsaved edits kept in") == true)
        #expect(FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)))
        #expect(try onDisk("instance.name") == "acme-staging", "the file itself is untouched")

        let second = run([.key(.char("r")), .key(.ctrl("s")), .key(.ctrl("q"))])
        #expect(second.terminal.frames.first?.text.contains("Recovered edits") == true)
        #expect(second.code == 0)
        #expect(try onDisk("instance.name") == "acme-staging-kept")
        #expect(!FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)), "saving removed the recovery file")
    }

    @Test func quittingWithRestoredEditsUnsavedDropsTheRecoveryFile() throws {
        try write()
        _ = run(FakeTerminal.typing("-kept"))
        let second = run([.key(.char("r")), .key(.ctrl("q")), .key(.char("n"))])
        #expect(second.code == 0)
        #expect(!FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)))
        #expect(try onDisk("instance.name") == "acme-staging")
    }

    @Test func sigtermKeepsTheEditsAndSigintKeepsNothing() throws {
        try write()
        var asked = false
        let term = run(
            FakeTerminal.typing("-x") + [.tick, .tick],
            stop: {
                defer { asked = true }; return asked ? .terminate : nil
            })
        #expect(term.code == 143)
        #expect(FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)))
        try RecoveryFile.discard(for: path)
        asked = false
        let interrupted = run(
            FakeTerminal.typing("-x") + [.tick, .tick],
            stop: {
                defer { asked = true }; return asked ? .interrupt : nil
            })
        #expect(interrupted.code == 130)
        #expect(!FileManager.default.fileExists(atPath: RecoveryFile.path(for: path)))
    }

    @Test func ctrlZSuspendsAndCtrlLRepaintsWithoutChangingAnything() throws {
        try write()
        let run = run(FakeTerminal.typing("ab") + [.key(.ctrl("z")), .key(.ctrl("l")), .tick, .key(.ctrl("c"))])
        #expect(run.code == 130)
        #expect(run.terminal.suspends == 1 && run.terminal.repaints == 1)
        #expect(run.terminal.screen.contains("acme-stagingab"), "the text being typed stays")
    }

    @Test func aClickOnAStepOpensItsScreen() throws {
        try write()
        // The step list's "App" row, from the frame drawn: row 3 (1-based 4) in the full layout.
        let run = run([.key(.mouse(MouseEvent(.press(button: 0), x: 4, y: 3))), .key(.ctrl("q"))])
        #expect(run.code == 0)
        #expect(run.terminal.screen.contains("▸✓ App") || run.terminal.frames.last?.text.contains("App") == true)
        #expect(run.session.state.screen == .app)
    }
}

/// A save waiting for another program's lock (a stuck `set`, a colleague's slow save)
/// no longer holds the operator for its 30 s: Esc stops the wait and keeps the edits,
/// Ctrl-C stops it and leaves as it always does. Keys typed meanwhile are not lost.
extension SessionTests {
    /// Takes FILE.lock as another program's save would; closing the descriptor lets go.
    func holdTheLock() -> Int32 {
        let holder = open(path + ".lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        return holder
    }

    @Test func escStopsASaveWaitingForAnotherProgramsLockAndKeepsTheEdits() throws {
        try write()
        let holder = holdTheLock()
        defer { close(holder) }
        let started = MonotonicInstant.now
        let run = run(FakeTerminal.typing("-2") + [.key(.ctrl("s")), .tick, .key(.char("x")), .key(.escape), .tick, .key(.ctrl("q"))])
        #expect(MonotonicInstant.now - started < .seconds(20), "the wait stopped, not its 30 s")
        let frames = run.terminal.frames.map(\.text)
        #expect(frames.contains { $0.contains("Esc stops waiting.") })
        #expect(frames.contains { $0.contains("the save was stopped") }, "\(run.terminal.screen)")
        #expect(try onDisk("instance.name") == "acme-staging", "nothing written")
        // The x typed while it waited is there; the quit then asks about the unsaved edits.
        #expect(run.session.state.isDirty)
        #expect(frames.contains { $0.contains("acme-staging-2x") }, "\(run.terminal.screen)")
        try? RecoveryFile.discard(for: path)
    }

    @Test func ctrlCStopsASaveWaitingForAnotherProgramsLockAndLeavesWritingNothing() throws {
        try write()
        let holder = holdTheLock()
        defer { close(holder) }
        let started = MonotonicInstant.now
        let run = run(FakeTerminal.typing("-2") + [.key(.ctrl("s")), .tick, .key(.ctrl("c"))])
        #expect(MonotonicInstant.now - started < .seconds(20), "the wait stopped, not its 30 s")
        #expect(run.code == 130)
        #expect(try onDisk("instance.name") == "acme-staging")
    }
}

/// An idle console wakes once a second (its look at the disk), not ten times; while a job
/// runs it looks every 100 ms, as its news cannot wake the read.
extension SessionTests {
    @Test func anIdleConsoleWaitsForKeysUntilItsNextLookAtTheDisk() throws {
        try write()
        let opened = try EditSession.open(path, readOnly: false, files: StoreFiles(via: "console")).get()
        let terminal = FakeTerminal([.tick, .tick, .tick])
        var session = ConsoleSession(
            state: ConsoleState(opened.session, notice: opened.notice), backend: terminal, files: StoreFiles(via: "console"),
            diskCheckInterval: .seconds(1))
        _ = session.run()
        #expect(terminal.waits.count >= 3)
        #expect(terminal.waits.allSatisfy { $0 >= 100 && $0 <= 1000 }, "\(terminal.waits)")
        #expect(terminal.waits.first.map { $0 > 900 } == true, "just after a look at the disk: \(terminal.waits)")
    }
}
