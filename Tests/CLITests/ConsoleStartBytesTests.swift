import TestSupport
import Foundation
import Testing

/// The console's start on a pty, for the exact bytes: the first frame is the last thing
/// written until a key arrives. ncurses sent keypad mode again at its first key read, a
/// write of its own after the frame (the console's enter sequence had already sent it):
/// the frame was complete on the terminal only when that write went out too.
@Suite struct ConsoleStartBytesTests {
    static let keypadOn = "\u{1B}[?1h\u{1B}="

    @Test func nothingFollowsTheFirstFrameUntilAKeyAndKeysStillWork() throws {
        let ws = try Workspace()
        _ = try ws.write(
            "acme.json",
            """
            {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production",
             "redirectUri": "https://clerk.acme.com/v1/oauth_callback"}}
            """)
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let child = try terminal.startConsole(["edit", ws.path + "/acme.json"])
        defer { child.killIfRunning() }
        #expect(terminal.wait(for: "Mouse off"))
        // The key bar's last words are the frame's last text. Quiet for a while: whatever the start still had to write is out.
        usleep(400_000)
        terminal.drain()
        let text = terminal.text
        let frameEnd = try #require(text.range(of: "Mouse off", options: .backwards))
        #expect(!text[frameEnd.upperBound...].contains(Self.keypadOn), "keypad mode sent after the frame: \(text.suffix(80).debugDescription)")
        #expect(text[..<frameEnd.lowerBound].contains(Self.keypadOn), "keypad mode is on before the frame")
        // Keypad mode as ncurses knows it: an arrow key in its keypad form still moves.
        let mark = terminal.output.count
        terminal.type("\u{1B}OB")  // Down, as a terminal in keypad mode sends it
        #expect(terminal.wait(for: "Environment", from: mark), "\(terminal.text.suffix(200).debugDescription)")
        terminal.type("\u{11}")  // Ctrl-Q
        #expect(child.ended())
        #expect(child.exitCode == 0)
    }
}
