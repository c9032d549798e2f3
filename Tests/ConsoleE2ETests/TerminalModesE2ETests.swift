import TestSupport
import Foundation
import Testing

/// Every mode the console turns on (mouse reporting, keypad mode, the alternate screen,
/// bracketed paste, raw input) is off again whenever the shell has the terminal: after a
/// crash, and while the console is stopped by any SIGTSTP, its own Ctrl-Z or a `kill`,
/// which ncurses' own handler used to take (leaving clicks to type escapes in the shell).
extension ConsoleE2ETests {
    static func allOff(_ modes: [String: Bool]) -> Bool { !modes.isEmpty && modes.values.allSatisfy { !$0 } }

    @Test func aCrashTurnsOffEveryModeTheConsoleSet() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        let on = try t.modes()
        #expect(on["mouse_sgr_flag"] == true && on["keypad_flag"] == true && on["alternate_on"] == true, "\(on)")
        kill(try t.consolePID(), SIGSEGV)
        try t.wait(for: "__EXIT=139")
        let off = try t.modes()
        #expect(Self.allOff(off), "left on after the crash: \(off)")
    }

    @Test func aStopFromOutsideGivesTheTerminalBackAndFgTakesItAgain() throws {
        let t = try TmuxSession(["edit", "new.json"], jobControl: true)
        try t.wait(for: "│ Instance")
        try t.type("typed")
        try t.wait(for: "● unsaved")
        kill(try t.consolePID(), SIGTSTP)
        let shell = try t.wait(for: "__STOPPED")
        #expect(!shell.contains("│ Instance"), "the console's screen is gone while it is stopped")
        let stopped = try t.modes()
        #expect(Self.allOff(stopped), "left on while stopped: \(stopped)")
        try t.keys("Enter")  // fg
        try t.wait(for: "│ Instance")
        try t.wait(for: "typed")
        let back = try t.modes()
        #expect(back["mouse_sgr_flag"] == true && back["keypad_flag"] == true && back["alternate_on"] == true, "\(back)")
        try t.type("-more")
        try t.wait(for: "typed-more")
        try t.keys("C-c")
        try t.wait(for: "__EXIT=130")
    }

    /// Another writer holds FILE.lock (a stuck `set`, a slow disk): a hangup still keeps
    /// the edits at once, not after the lock's 30 s, which then lost them; also while the
    /// console's own save is waiting for that lock.
    @Test(arguments: [false, true])
    func aHangupKeepsTheEditsWhileAnotherWriterHoldsTheLock(saving: Bool) throws {
        let (t, _, file, recovered) = try Self.editing("-kept")
        let holder = open(file + ".lock", O_RDWR | O_CREAT, 0o600)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        if saving {
            try t.keys("C-s")
            // The save is waiting for the lock, and says so rather than not answering.
            try t.wait(for: "Waiting for another program that is saving")
        }
        kill(try t.consolePID(), SIGHUP)
        try t.wait(for: "__EXIT=129", timeout: 5)
        #expect((try Self.recovered(recovered)["instance"] as? [String: Any])?["name"] as? String == "acme-prod-kept")
    }

    /// The save waiting for that lock, on the real terminal: Esc stops the wait at once and
    /// keeps the edits, and the save works once the lock is free (keys typed during the
    /// wait: SessionTests).
    @Test func escStopsASaveWaitingForTheLockAndTheNextSaveWorks() throws {
        let (t, _, file, _) = try Self.editing("-kept")
        var holder = open(file + ".lock", O_RDWR | O_CREAT, 0o600)
        defer { if holder >= 0 { close(holder) } }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        try t.keys("C-s")
        try t.wait(for: "Esc stops waiting.")
        try t.keys("Escape")
        try t.wait(for: "the save was stopped", timeout: 5)
        try t.type("2")
        try t.wait(for: "acme-prod-kept2")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme, "nothing written")
        close(holder)
        holder = -1
        try t.keys("C-s")
        try t.wait(for: "Saved acme.json")
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("acme-prod-kept2"))
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
    }
}
