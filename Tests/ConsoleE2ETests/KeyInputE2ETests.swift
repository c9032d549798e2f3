import TestSupport
import Foundation
import Testing

/// The keys as a real terminal sends them to the real binary: escape sequences ncurses
/// knows and ones it passes on byte by byte, Alt keys, the shell's editing keys, undo.
@Suite(.serialized, .enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the console's end-to-end tests need it"))
struct KeyInputE2ETests {
    /// Raw bytes to the pane, in one write: what a terminal sends for one key.
    static func send(_ t: TmuxSession, bytes text: String) throws {
        try t.run(["send-keys", "-H"] + text.utf8.map { String($0, radix: 16) })
    }

    static func start() throws -> (TmuxSession, String) {
        let folder = TemporaryFolder.make("e2e-keys")
        let made = try ConsoleE2ETests.run(
            [
                "init", "acme.json", "--environment", "production", "--redirect-uri",
                ConsoleE2ETests.redirect, "--name", "acme-prod",
            ], cwd: folder)
        #expect(made.code == 0, "init failed: \(made.err)")
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        return (t, folder)
    }

    @Test func unknownSequencesAndAltKeysChangeNothing() throws {
        let (t, folder) = try Self.start()
        defer { TemporaryFolder.remove(folder) }
        try t.keys("End")
        try t.type("-x")
        let before = try t.wait(for: "acme-prod-x")
        // Alt-x (Esc x); Ctrl-Right as xterm's terminfo knows it; the same, and Alt-Left, a
        // focus report, an SGR mouse click and rxvt's Ctrl-Home as bytes ncurses does not know.
        try t.keys("M-x")
        try t.keys("C-Right")
        for sequence in ["\u{1B}[1;5C", "\u{1B}\u{1B}[D", "\u{1B}[I", "\u{1B}[<0;30;5M", "\u{1B}[<0;30;5m", "\u{1B}[7^", "\u{1B}]11;rgb:0/0/0\u{07}"]
        {
            try Self.send(t, bytes: sequence)
        }
        // A typed character after them shows they were all read: none typed anything, none
        // cancelled the edit (the text would be "acme-prod!").
        try t.type("!")
        let after = try t.wait(for: "acme-prod-x!")
        #expect(
            after.replacingOccurrences(of: "acme-prod-x!", with: "acme-prod-x") == before,
            "nothing else on the screen changed:\n\(before)\n---\n\(after)")
        try t.keys("C-c")
        try t.wait(for: "__EXIT=130")
    }

    /// A paste whose text holds an end marker of its own: what follows it in the same
    /// write (a Ctrl-S, an Enter) is pasted text, never a command; nothing is saved.
    @Test func keysAfterAnEarlyPasteEndAreNotCommands() throws {
        let (t, folder) = try Self.start()
        defer { TemporaryFolder.remove(folder) }
        let before = try String(contentsOfFile: folder + "/acme.json", encoding: .utf8)
        try t.keys("End")
        try Self.send(t, bytes: "\u{1B}[200~-pasted\u{1B}[201~\u{13}\r-more\u{1B}[201~")
        try t.wait(for: "acme-prod-pasted -more")  // the line break, as in any paste, a space
        try t.wait(for: "● unsaved")
        try t.type("!")
        try t.wait(for: "acme-prod-pasted -more!")
        let screen = try t.screen()
        #expect(!screen.contains("Saved"), "the Ctrl-S in the paste saved:\n\(screen)")
        #expect(try String(contentsOfFile: folder + "/acme.json", encoding: .utf8) == before)
        try t.keys("C-c")
        try t.wait(for: "__EXIT=130")
    }

    @Test func shellEditingKeysAndUndo() throws {
        let (t, folder) = try Self.start()
        defer { TemporaryFolder.remove(folder) }
        try t.keys("End")
        try t.type("-two words")
        try t.wait(for: "acme-prod-two words")
        try t.keys("M-BSpace")
        try t.wait("Alt-Backspace deleting a word") { $0.contains("acme-prod-two") && !$0.contains("words") }
        try t.keys("C-w")
        try t.wait("Ctrl-W deleting back to the space") { $0.contains("▸ Name") && !$0.contains("acme-prod") }
        try t.keys("C-u")
        try t.type("renamed")
        try t.keys("C-a")
        try t.type(">")
        try t.keys("C-e")
        try t.type("<")
        try t.keys("Enter")
        try t.wait(for: ">renamed<")
        try t.wait(for: "● unsaved")
        try t.keys("C-_")
        try t.wait(for: "Undid the change to Name")
        try t.wait(for: "acme-prod")
        try t.keys("C-y")
        try t.wait(for: "Redid the change to Name")
        try t.wait(for: ">renamed<")
        try t.keys("C-_")
        try t.wait(for: "Undid the change to Name")
        // Undone to what the file holds: nothing is unsaved, so Ctrl-Q quits at once.
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        let file = try ConsoleE2ETests.json(folder + "/acme.json")
        #expect((file["instance"] as? [String: Any])?["name"] as? String == "acme-prod")
    }
}
