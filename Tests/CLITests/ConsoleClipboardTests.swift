import TestSupport
import Foundation
import Testing

/// The console on a pty, for the exact bytes: `y` sends the focused value as OSC 52 (the
/// redirect URI on Authorization's action, Base64), never the secret; F4 turns mouse
/// reporting off and on.
@Suite struct ConsoleClipboardTests {
    static let uri = "https://clerk.acme.com/v1/oauth_callback"

    @Test func yCopiesTheRedirectURIAndF4SwitchesTheMouse() throws {
        let ws = try Workspace()
        _ = try ws.write(
            "acme.json",
            """
            {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production", "redirectUri": "\(Self.uri)"},
             "connection": {"clientSecret": "\(TestSecret.value)"}}
            """)
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let child = try terminal.startConsole(["edit", ws.path + "/acme.json"])
        defer { child.killIfRunning() }
        #expect(terminal.wait(for: "acme-prod"))
        terminal.type("\u{0E}\u{0E}\u{0E}")  // Ctrl-N three times: Authorization
        #expect(terminal.wait(for: "Use the instance's redirect URI"))
        terminal.type("\t")
        usleep(200_000)
        var mark = terminal.output.count
        terminal.type("y")
        let osc52 = "\u{1B}]52;c;" + Data(Self.uri.utf8).base64EncodedString() + "\u{07}"
        #expect(terminal.wait(for: osc52, from: mark), "\(terminal.text.suffix(300))")
        #expect(terminal.wait(for: "Copied the redirect URI", from: mark))
        mark = terminal.output.count
        terminal.type("\u{1B}OS")  // F4
        #expect(terminal.wait(for: "\u{1B}[?1006l\u{1B}[?1000l", from: mark), "mouse reporting off")
        mark = terminal.output.count
        terminal.type("\u{1B}OS")
        #expect(terminal.wait(for: "\u{1B}[?1000h\u{1B}[?1006h", from: mark), "and on again")
        // The Client Secret: Ctrl-O in its field sends nothing.
        terminal.type("\u{0E}\u{09}\u{09}")  // Credentials, its third row
        usleep(300_000)
        mark = terminal.output.count
        terminal.type("\u{0F}")  // Ctrl-O
        #expect(terminal.wait(for: "The Client Secret is never copied", from: mark))
        terminal.type("\u{11}")  // Ctrl-Q
        #expect(child.ended())
        terminal.drain()
        #expect(child.exitCode == 0)
        #expect(terminal.text.components(separatedBy: "\u{1B}]52;").count == 2, "one copy only")
        #expect(!TestSecret.isIn(terminal.output))
        #expect(!terminal.text.contains(Data(TestSecret.value.utf8).base64EncodedString()), "not even in Base64")
    }
}
