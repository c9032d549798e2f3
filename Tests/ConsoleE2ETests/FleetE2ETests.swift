import Foundation
import TestSupport
import Testing

/// The fleet list in a real terminal: `social-console DIR`, the by-code panel, a file's
/// walkthrough and back, another writer's `set`, the mouse.
extension ConsoleE2ETests {
    /// Ready for production but for the app's name (the walkthrough's App screen fixes it).
    static func fleetFile(name: String?, environment: String = "production") -> String {
        """
        {"schemaVersion": 1,
         "instance": {"name": "acme-prod", "environment": "\(environment)", "redirectUri": "\(redirect)"},
         "connection": {"enabled": true, "signUpAndSignIn": true, "useCustomCredentials": true,
                        "clientId": "\(clientId)", "clientSecret": "\(TestSecret.value)", "scopes": ["read:jira-work"]},
         "atlassianApp": {\(name.map { "\"name\": \"\($0)\", " } ?? "")"scopes": ["read:me", "read:jira-work"], "callbackUrls": ["\(redirect)"],
                          "distribution": {"status": "sharing", "vendorName": "Acme Inc.", "privacyPolicyUrl": "https://acme.com/privacy",
                                           "termsUrl": "https://acme.com/terms", "storesPersonalData": true}}}
        """
    }

    static func fleetFolder(_ files: [String: String]) throws -> String {
        let folder = try tempFolder()
        for (name, text) in files {
            let path = folder + "/fleet/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o600)
        }
        return folder
    }

    /// Presses Down until the screen shows `selected`, each press once the last one's frame
    /// is on screen: keys sent ahead of the frames went past it on a busy machine.
    static func moveDown(_ t: TmuxSession, to selected: String, atMost presses: Int) throws {
        for _ in 0..<presses {
            let before = try t.screen()
            if before.contains(selected) { return }
            try t.keys("Down")
            try t.wait("the cursor to move") { $0 != before }
        }
        try t.wait(for: selected)
    }

    /// The line of the screen that shows `path`.
    static func line(_ path: String, in screen: String) -> String {
        screen.split(separator: "\n").first { $0.contains(path) }.map(String.init) ?? ""
    }

    @Test func aFleetIsFilteredByACodeFromThePanelAndAFileFixedThereComesBackReady() throws {
        let folder = try Self.fleetFolder([
            "eu/acme.json": Self.fleetFile(name: "Acme sign-in"), "eu/globex.json": Self.fleetFile(name: nil),
            "us/initech.json": Self.fleetFile(name: nil, environment: "staging"),
        ])
        defer { TemporaryFolder.remove(folder) }
        let t = try TmuxSession(["fleet"], home: folder)
        try t.wait(for: "3 files · 1 ready · 2 with blockers")
        try t.keys("Tab")
        try t.wait(for: "FILES WITH EACH FINDING")
        try Self.moveDown(t, to: "▸ app/name-missing", atMost: 40)
        try t.keys("Enter")
        var screen = try t.wait(for: "filter: app/name-missing")
        #expect(screen.contains("eu/globex.json") && screen.contains("us/initech.json") && !screen.contains("eu/acme.json"))
        try Self.moveDown(t, to: "▸ eu/globex.json", atMost: 3)
        try t.keys("Enter")
        try t.wait(for: "social-console · globex.json")
        try t.keys("PgDn")
        try t.wait(for: "▸ Name")
        try t.type("Globex sign-in")
        try t.keys("Enter", "C-s")
        try t.wait(for: "Saved")
        try t.keys("Escape")
        try t.wait(for: "Back from globex.json")
        // It no longer has the code the list is filtered by; every file again, and the
        // cursor is still on it: ready.
        try t.keys("Escape")
        screen = try t.wait("the fixed file's row, ready and selected") {
            Self.line("eu/globex.json", in: $0).contains("▸ eu/globex.json") && Self.line("eu/globex.json", in: $0).contains("✓")
        }
        #expect(screen.contains("3 files · 2 ready · 1 with blockers"))
        try t.keys("q")
        try t.wait(for: "__EXIT=0")
        #expect(try String(contentsOfFile: folder + "/fleet/eu/globex.json", encoding: .utf8).contains(#""name": "Globex sign-in""#))
        #expect(!t.captures.contains { TestSecret.isIn(Array($0.utf8)) })
    }

    @Test func aFileChangedBySetWhileTheListIsOpenIsJudgedAgain() throws {
        let folder = try Self.fleetFolder(["a.json": Self.fleetFile(name: nil), "b.json": Self.fleetFile(name: "B sign-in")])
        defer { TemporaryFolder.remove(folder) }
        let t = try TmuxSession(["fleet", "--read-only"], home: folder)
        try t.wait(for: "2 files · 1 ready")
        #expect(Self.line("a.json", in: try t.screen()).contains("✗"))
        let set = try Self.run(["set", "fleet/a.json", "atlassianApp.name=A sign-in"], cwd: folder)
        #expect(set.code == 0, "\(set.err)")
        try t.wait(timeout: 3, "a.json judged again") { Self.line("a.json", in: $0).contains("✓") }
        try t.wait(for: "2 files · 2 ready")
        // Removed and added on disk too.
        try FileManager.default.removeItem(atPath: folder + "/fleet/b.json")
        try t.wait(for: "1 file · 1 ready", timeout: 3)
        // --read-only holds for every file opened from the list.
        try t.keys("Enter")
        try t.wait(for: "READ-ONLY")
        try t.keys("C-q")
        try t.wait(for: "1 file · 1 ready")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
    }

    @Test func theMouseSelectsAndOpensARowAndEveryTerminalSizeWorks() throws {
        let folder = try Self.fleetFolder(["a.json": Self.fleetFile(name: nil), "b.json": Self.fleetFile(name: "B sign-in")])
        defer { TemporaryFolder.remove(folder) }
        let t = try TmuxSession(["fleet"], home: folder)
        var screen = try t.wait(for: "2 files")
        let row = try #require(Self.position(of: "b.json", in: screen))
        try Self.click(t, row)
        try t.wait(for: "▸ b.json")
        try Self.click(t, row)
        try t.wait(for: "social-console · b.json")
        try t.keys("Escape")
        screen = try t.wait(for: "▸ b.json")
        for (w, h) in [(40, 10), (30, 8), (60, 16), (100, 30)] {
            try t.resize(width: w, height: h)
            if w < 40 { try t.wait(for: "40x10") } else { try t.wait(for: "b.json") }
        }
        try t.keys("q")
        try t.wait(for: "__EXIT=0")
    }
}
