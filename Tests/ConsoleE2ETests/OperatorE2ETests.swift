import TestSupport
import Foundation
import Testing

/// What a newcomer does in a real terminal: pastes a rotated secret, moves on at 80
/// columns, copies the redirect URI out, turns the mouse off to select text, and reads a
/// long list of changes at 120 columns.
extension ConsoleE2ETests {
    static let rotated = "ROTATED-secret-9876543210fedcbaQRST"

    @Test func aPastedRotatedSecretReplacesTheOldOne() throws {
        let folder = try Self.tempFolder()
        let file = folder + "/acme.json"
        try Self.acme.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.keys("C-n", "C-n", "C-n", "C-n")  // Credentials
        try t.wait(for: "Client Secret")
        try t.keys("Tab", "Tab")
        try t.wait(for: "Typing or pasting replaces the Client Secret")
        try t.paste(Self.rotated + "\n")
        try t.wait(for: "Enter takes the new Client Secret")
        try t.keys("Enter", "C-s")
        try t.wait(for: "Saved acme.json")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        #expect((try Self.json(file)["connection"] as? [String: Any])?["clientSecret"] as? String == Self.rotated)
        for screen in t.captures { #expect(!screen.contains("9876543210") && !screen.contains("0123456789abcdef")) }
    }

    /// At 80 columns, after the first edit: PgUp/PgDn stays on the bar; Enter on the last
    /// field goes on to the next screen.
    @Test func atEightyColumnsLeavingTheScreenStaysOnTheBar() throws {
        let folder = try Self.tempFolder()
        try Self.acme.write(toFile: folder + "/acme.json", atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder, width: 80, height: 24)
        try t.wait(for: "acme-prod")
        try t.type("-2")
        try t.keys("Enter")
        let edited = try t.wait("the bar after an edit") { $0.contains("^_ Undo") }
        #expect(edited.split(separator: "\n").last?.contains("PgUp/PgDn Screen") == true, "\(edited)")
        try t.keys("Down", "Down", "Down", "Enter")
        try t.wait(for: "│ App")
        try t.keys("C-c")
        try t.wait(for: "__EXIT=130")
    }

    /// `y` on Authorization's action sends the redirect URI by OSC 52: tmux (set-clipboard
    /// on) keeps it as a buffer. F4 turns mouse reporting off, across a suspend too.
    @Test func yCopiesTheRedirectURIAndF4LetsTheTerminalSelect() throws {
        let folder = try Self.tempFolder()
        try """
        {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production", "redirectUri": "\(Self.redirect)"}}
        """.write(toFile: folder + "/acme.json", atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder, jobControl: true)
        try t.run(["set-option", "-g", "set-clipboard", "on"])
        try t.wait(for: "acme-prod")
        try t.keys("PgDn", "PgDn", "PgDn", "Tab")
        try t.wait(for: "Enter Fill in")
        try t.keys("y")
        try t.wait(for: "Copied the redirect URI")
        #expect(try t.run(["show-buffer"], output: true) == Self.redirect)
        #expect(try t.modes()["mouse_sgr_flag"] == true)
        try t.keys("F4")
        try t.wait(for: "Mouse off: the terminal's own selection copies text")
        #expect(try t.modes()["mouse_sgr_flag"] == false && t.modes()["mouse_standard_flag"] == false)
        try t.keys("C-z")
        try t.wait(for: "__STOPPED")
        try t.keys("Enter")  // fg
        try t.wait(for: "│ Authorization")
        #expect(try t.modes()["mouse_sgr_flag"] == false, "still off after fg")
        try t.keys("F4")
        try t.wait(for: "Mouse on: clicks and the wheel work")
        #expect(try t.modes()["mouse_sgr_flag"] == true)
        try t.keys("q")
        try t.wait(for: "__EXIT=0")
    }

    /// A recovery offer of a whole setup at 120 columns: as wide as 100 columns, each
    /// `key: old → new` wrapped whole; at 20 rows the list scrolls and says what is below.
    @Test func aLongListOfChangesAtOneHundredTwentyColumns() throws {
        let folder = try Self.tempFolder()
        let file = folder + "/acme.json"
        let base = #"{"schemaVersion": 1, "instance": {"name": "acme-prod"}}"#
        try base.write(toFile: file, atomically: true, encoding: .utf8)
        let long = "https://clerk.acme-corporation-staging.example.com/v1/oauth_callback?tenant=platform-team-eu-west"
        let edits = """
            {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production", "redirectUri": "\(long)"},
             "connection": {"enabled": true, "signUpAndSignIn": true, "useCustomCredentials": true, "clientId": "\(Self.clientId)",
                            "clientSecret": "\(TestSecret.value)", "scopes": ["read:jira-work"]},
             "atlassianApp": {"name": "Acme sign-in", "description": "Sign in to Acme", "logo": "https://acme.com/logo.png",
                              "scopes": ["read:me", "read:jira-work"], "callbackUrls": ["\(long)"],
                              "distribution": {"status": "sharing", "vendorName": "Acme Inc.", "privacyPolicyUrl": "https://acme.com/privacy",
                                               "termsUrl": "https://acme.com/terms", "contactUrl": "https://acme.com/support",
                                               "storesPersonalData": true}}}
            """
        let recovered = file + ".recovered.json"
        try #"{"recoveredEdits": \#(edits), "base": \#(base)}"#.write(toFile: recovered, atomically: true, encoding: .utf8)
        chmod(recovered, 0o600)
        let t = try TmuxSession(["edit", "acme.json"], home: folder, width: 120, height: 40)
        let screen = try t.wait(for: "Restoring them makes the changes below")
        let rows = screen.split(separator: "\n").map { Array($0) }
        let top = try #require(rows.first { $0.contains("┌") })
        let left = top.firstIndex(of: "┌")!, right = top.firstIndex(of: "┐")!
        #expect(right - left + 1 == 100, "the box is 100 columns wide at 120:\n\(screen)")
        let inside = rows.filter { $0.count > right && $0[left] == "│" }.map { String($0[(left + 1)..<right]) }
        #expect(inside.joined().filter { $0 != " " }.contains("→\"\(long)\""), "wrapped whole:\n\(screen)")
        #expect(screen.contains("• connection.clientSecret: changed") && !screen.contains("0123456789abcdef"))
        try t.resize(width: 120, height: 20)
        try t.wait(for: "more lines below: ↓ PgDn")
        try t.keys("PgDn", "PgDn", "PgDn")
        try t.wait(for: "above: ↑ PgUp")
        try t.wait(for: "storesPersonalData: (not set) → true")
        try t.keys("l")  // later: the recovery file stays
        try t.wait(for: "stay in acme.json.recovered.json")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        #expect(FileManager.default.fileExists(atPath: recovered))
    }
}
