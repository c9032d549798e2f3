import TestSupport
import Foundation
import Testing

/// Where a secret hides from the masks that look for it by value: under a secret-named key
/// inside a list (a number, or a string too short to search for), in a hand-edited history
/// line, in an error about a value given by mistake, in a file's own name.
@Suite struct SecretInOutputTests {
    static let number = "83749127349817234"
    static let short = "tiny5"

    func expectAbsent(_ words: [String], in r: CLI.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for word in words { #expect(!r.all.contains(word), "\(what) printed \(word): \(r.all)", sourceLocation: sourceLocation) }
    }

    @Test func secretNamedKeysInsideListsAreMaskedByDiffAndHistory() throws {
        let ws = try Workspace()
        let a = try ws.write("a.json", #"{"schemaVersion": 1, "legacy": {"items": [{"client_secret": \#(Self.number)}]}}"#)
        let b = try ws.write("b.json", #"{"schemaVersion": 1, "legacy": {"items": [{"client_secret": "\#(Self.short)"}]}}"#)
        for format in ["text", "json"] {
            let r = try CLI.run(["diff", a, b, "--format", format])
            #expect(r.code == 1, "\(r.all)")
            #expect(r.out.contains("legacy.items"))
            expectAbsent([Self.number, Self.short], in: r, "diff --format \(format)")
        }
        // A hand-edited history line whose change holds secret-named keys deep in its value.
        try ws.write(
            "a.json.history.jsonl",
            #"{"time": "2026-11-29T10:00:00Z", "user": "u", "via": "console", "changes": [{"key": "legacy.items", "old": null, "new": [{"client_secret": \#(Self.number)}, {"notes": {"apiSecret": "\#(Self.short)"}}]}]}"#
                + "\n")
        for format in ["text", "json"] {
            let r = try CLI.run(["history", a, "--format", format])
            #expect(r.code == 0, "\(r.all)")
            #expect(r.out.contains("legacy.items"))
            expectAbsent([Self.number, Self.short], in: r, "history --format \(format)")
        }
    }

    @Test func aSecretGivenByMistakeIsNotQuotedInSetsErrors() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json")
        for assignment in ["connection.enabled=\(TestSecret.value)", "instance.environment=\(TestSecret.value)"] {
            let r = try CLI.run(["set", file, assignment])  // fails the test if the secret is printed
            #expect(r.code == 2)
            #expect(r.err.contains("expected"), "\(r.err)")
        }
    }

    /// Every command that prints the file's name masks the secret in it, as the console does.
    @Test func aFileNamedAfterItsOwnSecretIsMaskedInEveryCommand() throws {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/fleet", withIntermediateDirectories: false)
        let file = try ws.example("acme-prod.json", as: "fleet/\(TestSecret.value).json")
        let other = try ws.example("acme-staging.json", as: "other.json")
        #expect(try CLI.run(["set", file, "instance.name=renamed"]).code == 0)
        let runs: [[String]] = [
            ["show", file], ["show", file, "--format", "json"], ["audit", file], ["audit", file, "--format", "json"],
            ["audit", ws.path + "/fleet", "--format", "jsonl"], ["audit", ws.path + "/fleet"], ["history", file],
            ["history", file, "--format", "json"], ["set", file, "instance.name=again"], ["diff", file, other],
            ["diff", other, file, "--format", "json"], ["set", file, "connection.enabled=maybe"],
        ]
        for args in runs {
            let r = try CLI.run(args)  // fails the test if any output holds the secret
            // (`history` names no file.)
            #expect(args[0] == "history" || r.all.contains("••••••••"), "\(args) shows the name masked: \(r.all)")
        }
    }
}
