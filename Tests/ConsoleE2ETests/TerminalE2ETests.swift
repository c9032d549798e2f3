import TestSupport
import Foundation
import Testing

/// What only a real terminal shows: locales, terminals without an alternate screen, a
/// second writer from outside, mouse reports as the terminal sends them.
extension ConsoleE2ETests {
    static let acmeFile = """
        {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production",
         "redirectUri": "https://clerk.acme.com/v1/oauth_callback"}}
        """

    static func folderWithAcme() throws -> String {
        let folder = try tempFolder()
        try acmeFile.write(toFile: folder + "/acme.json", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func theCLocaleDoesNotStopTheConsole() throws {
        for locale in ["C", "POSIX"] {
            // The session removes its folder when it ends: a fresh one each time.
            let folder = try Self.folderWithAcme()
            let t = try TmuxSession(["edit", "acme.json"], home: folder, environment: ["LC_ALL": locale, "LANG": locale])
            try t.wait(for: "acme-prod")
            // C.UTF-8 is there on this system: the console takes it and draws as ever.
            try t.wait(for: "✓ Instance")
            try t.type("-ü")
            try t.wait(for: "acme-prod-ü")
            try t.keys("C-q")
            try t.wait(for: "y Save")
            try t.keys("n")
            try t.wait(for: "__EXIT=0")
        }
    }

    @Test func commandsPrintAsciiGlyphsInTheCLocale() throws {
        let folder = try Self.folderWithAcme()
        defer { TemporaryFolder.remove(folder) }
        let c = try Self.run(["audit", "acme.json"], cwd: folder, env: ["LC_ALL": "C", "LANG": "C"])
        #expect(c.out.contains("x Permissions") && c.out.contains("v Instance"), "\(c.out)")
        #expect(!c.out.utf8.contains { $0 >= 0x80 }, "nothing but ASCII:\n\(c.out)")
        let utf8 = try Self.run(["audit", "acme.json"], cwd: folder, env: ["LC_ALL": "C.UTF-8"])
        #expect(utf8.out.contains("✗ Permissions"))
    }

    @Test func terminalsWithoutAnAlternateScreenAreLeftClean() throws {
        for term in ["linux", "vt100"] {
            let folder = try Self.folderWithAcme()
            let t = try TmuxSession(["edit", "acme.json"], home: folder, environment: ["TERM": term])
            try t.wait(for: "acme-prod")
            try t.keys("C-q")
            let after = try t.wait(for: "__EXIT=0")
            #expect(
                !after.contains("social-console ·") && !after.contains("Instance") && !after.contains("acme-prod"),
                "TERM=\(term) left the last frame:\n\(after)")
        }
    }

    /// The lost update, with `set` as the second writer: the logo set from
    /// outside survives the console's save of the name; a key both change is listed.
    @Test func aSecondWriterFromOutsideIsMergedAndAKeyBothChangedIsListed() throws {
        let folder = try Self.folderWithAcme()
        defer { TemporaryFolder.remove(folder) }
        let file = folder + "/acme.json"
        func value(_ section: String, _ key: String) throws -> String? { (try Self.json(file)[section] as? [String: Any])?[key] as? String }

        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.type("-mine")
        #expect(try Self.run(["set", "acme.json", "atlassianApp.logo=https://acme.com/logo.png"], cwd: folder).code == 0)
        try t.wait(for: "! changed on disk")
        try t.keys("C-s")
        try t.wait(for: "merged with changes made on disk to atlassianApp.logo")
        #expect(try value("atlassianApp", "logo") == "https://acme.com/logo.png", "their change was reverted")
        #expect(try value("instance", "name") == "acme-prod-mine")

        try t.type("-again")
        #expect(try Self.run(["set", "acme.json", "instance.name=theirs"], cwd: folder).code == 0)
        try t.wait(for: "! changed on disk")
        try t.keys("C-s")
        try t.wait(for: "instance.name   ? choose t or y")
        #expect(try value("instance", "name") == "theirs", "nothing written before a side is chosen")
        try t.keys("t", "Enter")
        try t.wait(for: "Saved acme.json")
        #expect(try value("instance", "name") == "theirs")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
    }

    /// Where `text` is on a captured screen, 1-based as SGR mouse reports count.
    static func position(of text: String, in screen: String) -> (column: Int, row: Int)? {
        for (i, line) in screen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line), needle = Array(text)
            guard chars.count >= needle.count else { continue }
            for x in 0...(chars.count - needle.count) where Array(chars[x..<x + needle.count]) == needle { return (x + 1, i + 1) }
        }
        return nil
    }

    /// A left click as the terminal reports it with SGR 1006 on: press, then release.
    static func click(_ t: TmuxSession, _ at: (column: Int, row: Int)) throws {
        for final in ["M", "m"] {
            try t.run(["send-keys", "-H"] + "\u{1B}[<0;\(at.column);\(at.row)\(final)".utf8.map { String($0, radix: 16) })
        }
    }

    @Test func theMouseOpensStepsTogglesCheckboxesPicksDialogChoicesAndScrolls() throws {
        let folder = try Self.folderWithAcme()
        defer { TemporaryFolder.remove(folder) }
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        var screen = try t.wait(for: "acme-prod")
        try Self.click(t, try #require(Self.position(of: "Permissions", in: screen)))
        screen = try t.wait(for: "[ ] read:me")
        try Self.click(t, try #require(Self.position(of: "[ ] read:me", in: screen)))
        screen = try t.wait(for: "[x] read:me")
        // The wheel over help scrolls it.
        try t.keys("F1")
        screen = try t.wait(for: "Help: Permissions")
        try t.run(["send-keys", "-H"] + "\u{1B}[<65;50;10M".utf8.map { String($0, radix: 16) })
        try t.wait(for: "▲")
        try t.keys("Escape")
        try t.wait("help to close") { !$0.contains("Help: Permissions") }
        try t.keys("C-q")
        screen = try t.wait(for: "n Discard")
        try Self.click(t, try #require(Self.position(of: "n Discard", in: screen)))
        try t.wait(for: "__EXIT=0")
        #expect(try !String(contentsOfFile: folder + "/acme.json", encoding: .utf8).contains("read:me"), "Discard wrote nothing")
    }
}
