import TestSupport
import Foundation
import Testing

/// One definition of "secret" (`Secret`): every command masks the same things, byte-wise.
@Suite struct SecretDefinitionTests {
    /// The value of an old tool's secret-named key: not the client secret, still a secret.
    static let noteSecret = "old-tool-secret-Q7w8e9r0"

    func holds(_ text: String, _ secret: String) -> Bool {
        // As written and as JSON escapes it.
        let escaped = secret.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
        return [secret, escaped].contains { Data(text.utf8).range(of: Data($0.utf8)) != nil }
    }

    func file(_ ws: Workspace, _ name: String, notes: String) throws -> String {
        let text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        let path = try ws.write(name, String(text[..<text.lastIndex(of: "}")!]) + ", \"notes\": \(notes)}\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    @Test func aSecretNamedUnknownKeyIsMaskedInShowDiffHistoryAndSet() throws {
        let ws = try Workspace()
        let a = try file(ws, "a.json", notes: #"{"client_secret": "\#(Self.noteSecret)"}"#)
        let b = try file(ws, "b.json", notes: #"{"client_secret": "another-old-secret-123456"}"#)
        for args in [["show", a], ["show", a, "--format", "json"], ["diff", a, b], ["diff", a, b, "--format", "json"]] {
            let r = try CLI.run(args)
            #expect(!holds(r.all, Self.noteSecret) && !holds(r.all, "another-old-secret-123456"), "\(args): \(r.out)")
            #expect(r.out.contains("client_secret"), "\(args) names the key: \(r.out)")
        }
        #expect(try CLI.run(["diff", a, b]).out.contains("notes.client_secret: differs"))
        // `set` quoting the note's secret pasted into a field, and the history of that save.
        let r = try CLI.run(["set", a, "atlassianApp.description=\(Self.noteSecret)"])
        #expect(r.code == 0, "\(r.err)")
        #expect(!holds(r.all, Self.noteSecret), "\(r.out)")
        #expect(r.out.contains("atlassianApp.description: changed"), "\(r.out)")
        let history = try String(contentsOfFile: a + ".history.jsonl", encoding: .utf8)
        #expect(!holds(history, Self.noteSecret), "\(history)")
        // A hand-written history line with the secret-named key in clear.
        try
            (history
            + #"{"time": "t", "user": "u", "via": "set", "changes": [{"key": "notes.client_secret", "old": null, "new": "\#(Self.noteSecret)"}]}"#
            + "\n")
            .write(toFile: a + ".history.jsonl", atomically: false, encoding: .utf8)
        let h = try CLI.run(["history", a])
        #expect(h.code == 0, "\(h.err)")
        #expect(!holds(h.all, Self.noteSecret) && h.out.contains("notes.client_secret: changed"), "\(h.out)")
    }

    /// NFC "é" and NFD "e" + U+0301 are equal to Swift's `==`, not to Atlassian.
    @Test func diffComparesBytes() throws {
        let ws = try Workspace()
        let a = try file(ws, "a.json", notes: #"{"name": "caf\u00e9"}"#)
        let b = try file(ws, "b.json", notes: #"{"name": "cafe\u0301"}"#)
        let r = try CLI.run(["diff", a, b])
        #expect(r.code == 1, "\(r.out)")
        #expect(r.out.contains("notes.name"), "\(r.out)")
        // Keys too: two spellings of one key are two keys.
        let c = try file(ws, "c.json", notes: #"{"caf\u00e9": 1}"#)
        let d = try file(ws, "d.json", notes: #"{"cafe\u0301": 1}"#)
        let keys = try CLI.run(["diff", c, d, "--format", "json"])
        #expect(keys.code == 1)
        let items = try #require((try JSONSerialization.jsonObject(with: Data(keys.out.utf8)) as? [String: Any])?["differences"] as? [[String: Any]])
        #expect(items.count == 2, "\(keys.out)")
    }

    /// A secret with characters JSON escapes, pasted into a note: scrubbed before escaping.
    @Test func aSecretThatJSONEscapesIsScrubbedBeforeFormatting() throws {
        let ws = try Workspace()
        let secret = "Q\"uo\\te\tsecret-1234567"
        let json = #"Q\"uo\\te\tsecret-1234567"#
        let a = try file(ws, "a.json", notes: #"{"pasted": "x \#(json) y"}"#)
        let b = try file(ws, "b.json", notes: #"{"pasted": "z"}"#)
        for path in [a, b] {
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: TestSecret.value, with: json)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        for args in [
            ["diff", a, b], ["diff", a, b, "--format", "json"], ["show", a], ["show", a, "--format", "json"], ["audit", a],
            ["audit", a, "--format", "json"],
        ] {
            let r = try CLI.run(args)
            #expect(!holds(r.all, secret), "\(args): \(r.all)")
        }
    }

    /// A number equal to the secret, and the secret followed by a combining mark.
    @Test func numbersAndCombiningMarksAreFound() throws {
        let ws = try Workspace()
        let a = try file(ws, "a.json", notes: #"{"n": 98765432101234}"#)
        var text = try String(contentsOfFile: a, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"clientSecret\": \"\(TestSecret.value)\"", with: "\"clientSecret\": \"98765432101234\"")
        try text.write(toFile: a, atomically: false, encoding: .utf8)
        let b = try file(ws, "b.json", notes: "{}")
        for args in [["show", a], ["show", a, "--format", "json"], ["diff", a, b], ["diff", a, b, "--format", "json"]] {
            let r = try CLI.run(args)
            #expect(!holds(r.all, "98765432101234"), "\(args): \(r.out)")
        }
        let c = try file(ws, "c.json", notes: #"{"m": "\#(TestSecret.value)\u0301"}"#)
        for args in [["show", c], ["show", c, "--format", "json"], ["diff", c, b]] {
            try CLI.run(args)  // CLI.run fails the test if the secret is printed
        }
    }
}

/// The secret-length rule and the trimmed secret, applied byte-wise everywhere.
@Suite struct SecretLengthTests {
    func prod(_ ws: Workspace, _ name: String, _ change: (String) -> String) throws -> String {
        let text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        let path = try ws.write(name, change(text))
        chmod(path, 0o600)
        return path
    }

    /// Pasted with spaces around it, into the Client ID and the secret field alike.
    @Test func authorizeURLRefusesASecretPastedWithSpacesIntoTheClientID() throws {
        let ws = try Workspace()
        for stored in [TestSecret.value, "  " + TestSecret.value + " "] {
            let file = try prod(ws, "a.json") { text in
                text.replacingOccurrences(of: "\"clientSecret\": \"\(TestSecret.value)\"", with: "\"clientSecret\": \"\(stored)\"")
                    .replacingOccurrences(of: "\"clientId\": \"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6\"", with: "\"clientId\": \" \(TestSecret.value) \"")
            }
            let r = try CLI.run(["authorize-url", file])  // fails the test if the secret is printed
            #expect(r.code == 1, "\(r.all)")
            #expect(r.err.contains("holds the client secret"), "\(r.err)")
        }
    }

    /// Below 8 characters the secret is too short to search for: audit blocks it.
    @Test func aTooShortSecretIsABlocker() throws {
        let ws = try Workspace()
        let file = try prod(ws, "s.json") { $0.replacingOccurrences(of: TestSecret.value, with: "Ab3-xy7") }
        let r = try CLI.run(["audit", file, "--format", "json"])
        #expect(r.code == 1)
        #expect(r.out.contains("\"code\": \"credentials/secret-too-short\""), "\(r.out)")
        #expect(!r.out.contains("Ab3-xy7"))
        let show = try CLI.run(["show", file])
        #expect(!show.out.contains("Ab3-xy7"), "the secret field itself is masked whatever its length")
    }
}
