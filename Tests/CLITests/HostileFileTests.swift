import Foundation
import Testing

/// Files nobody checked, generated here: each must give a file error or a verdict, within
/// a generous time bound enforced by killing the process (not a timed assertion), and
/// never a crash or a stack overflow. A crash shows as a signal, not an exit code.
@Suite struct HostileFileTests {
    enum Expect: Sendable, CustomStringConvertible {
        case error(String)
        case verdict
        var description: String {
            switch self {
            case .error(let code): return code
            case .verdict: return "verdict"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let expect: Expect
        let bytes: @Sendable () -> Data
        var description: String { name }
    }

    static func text(_ s: String) -> Data { Data(s.utf8) }
    static func repeated(_ s: String, _ n: Int) -> Data { Data(String(repeating: s, count: n).utf8) }
    static let ready = try! Data(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"))

    static let cases: [Case] = [
        Case(name: "100,000 nested lists", expect: .error("file/invalid-json")) { repeated("[", 100_000) },
        Case(name: "100,000 nested lists, closed", expect: .error("file/invalid-json")) { repeated("[", 100_000) + repeated("]", 100_000) },
        Case(name: "100,000 nested objects", expect: .error("file/invalid-json")) {
            repeated("{\"a\":", 100_000) + text("1") + repeated("}", 100_000)
        },
        Case(name: "8 MiB of '['", expect: .error("file/invalid-json")) { repeated("[", 8 * 1_048_576) },
        Case(name: "a 30 MB string", expect: .error("file/unreadable")) {
            text("{\"instance\": {\"name\": \"") + repeated("A", 30_000_000) + text("\"}}")
        },
        Case(name: "a 7 MiB string under an unknown key", expect: .verdict) {
            text("{\"schemaVersion\": 1, \"notes\": \"") + repeated("é", 3_500_000) + text("\"}")
        },
        Case(name: "invalid UTF-8", expect: .error("file/invalid-json")) {
            text("{\"instance\": {\"name\": \"") + Data([0xC3, 0x28]) + text("\"}}")
        },
        Case(name: "overlong UTF-8", expect: .error("file/invalid-json")) { text("{\"a\": \"") + Data([0xC0, 0xAF]) + text("\"}") },
        Case(name: "UTF-8 encoded surrogate", expect: .error("file/invalid-json")) { text("{\"a\": \"") + Data([0xED, 0xA0, 0x80]) + text("\"}") },
        Case(name: "a lone surrogate escape", expect: .error("file/invalid-json")) { text(#"{"instance": {"name": "\ud800"}}"#) },
        Case(name: "a byte order mark", expect: .verdict) { Data([0xEF, 0xBB, 0xBF]) + ready },
        Case(name: "only a byte order mark", expect: .error("file/invalid-json")) { Data([0xEF, 0xBB, 0xBF]) },
        Case(name: "NaN", expect: .error("file/invalid-json")) { text(#"{"schemaVersion": NaN}"#) },
        Case(name: "Infinity", expect: .error("file/invalid-json")) { text(#"{"schemaVersion": 1, "x": -Infinity}"#) },
        Case(name: "huge numbers", expect: .verdict) {
            text(
                #"{"schemaVersion": 1, "notes": {"big": 1e999999999, "long": "# + String(repeating: "9", count: 100_000) + #", "tiny": -1E-999999}}"#)
        },
        Case(name: "a huge schemaVersion", expect: .error("file/unsupported-version")) {
            text(#"{"schemaVersion": 999999999999999999999999999999}"#)
        },
        Case(name: "a fractional schemaVersion", expect: .error("file/schema")) { text(#"{"schemaVersion": 1.5}"#) },
        Case(name: "duplicate keys", expect: .error("file/invalid-json")) { text(#"{"connection": {"clientSecret": "a", "clientSecret": "b"}}"#) },
        Case(name: "300,000 keys", expect: .verdict) {
            var s = "{\"schemaVersion\": 1"
            for i in 0..<300_000 { s += ",\"k\(i)\":\(i)" }
            return text(s + "}")
        },
        Case(name: "300,000 copies of one key", expect: .error("file/invalid-json")) {
            text("{\"schemaVersion\": 1") + repeated(",\"k\":1", 300_000) + text("}")
        },
        Case(name: "a raw NUL in a string", expect: .error("file/invalid-json")) {
            text("{\"instance\": {\"name\": \"a") + Data([0]) + text("b\"}}")
        },
        Case(name: "a raw NUL between values", expect: .error("file/invalid-json")) { text("{\"schemaVersion\": 1,") + Data([0]) + text("}") },
        Case(name: "NUL bytes only", expect: .error("file/invalid-json")) { Data(count: 4096) },
        Case(name: "escaped NUL and terminal escapes", expect: .verdict) {
            text(#"{"instance": {"name": "a\u0000b\u001b[2J\u001b]0;pwned\u0007c\u009b31m"}, "\u001b[8mhidden": 1}"#)
        },
        Case(name: "bidi overrides that would reorder a URL on screen", expect: .verdict) {
            text(#"{"instance": {"name": "acme\u202e\u2066x", "redirectUri": "https://evil.example/\u202ekcabllac_htuao/1v"}}"#)
        },
        Case(name: "an empty file", expect: .error("file/invalid-json")) { Data() },
        Case(name: "1 MiB of white space", expect: .error("file/invalid-json")) { repeated(" \n\t\r", 262_144) },
        Case(name: "a truncated escape", expect: .error("file/invalid-json")) { text(#"{"a": "\u12"#) },
        Case(name: "a top-level string", expect: .error("file/schema")) { text(#""just a string""#) },
        Case(name: "wrong types everywhere", expect: .error("file/schema")) { text(#"{"atlassianApp": {"distribution": [1, 2]}}"#) },
        Case(name: "511 nested lists under an unknown key", expect: .verdict) {
            text("{\"schemaVersion\": 1, \"deep\": ") + repeated("[", 510) + repeated("]", 510) + text("}")
        },
    ]

    @Test(arguments: cases)
    func givesAFileErrorOrAVerdictAndNeverCrashes(_ hostile: Case) throws {
        let ws = try Workspace()
        let file = ws.path + "/hostile.json"
        try hostile.bytes().write(to: URL(fileURLWithPath: file))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let before = try Data(contentsOf: URL(fileURLWithPath: file))

        let audit = try Spawned(["audit", file, "--format", "json"], dir: ws.path)
        let r = try #require(audit.wait(upTo: 120), "audit hung on \(hostile.name)")
        #expect(audit.exitedNormally, "audit crashed (signal \(r.code)) on \(hostile.name)")
        let top = try #require(
            try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any], "no JSON from audit: \(r.err.prefix(300))")
        let entry = try #require((top["files"] as? [[String: Any]])?.first)
        switch hostile.expect {
        case .error(let code):
            #expect(r.code == 2)
            #expect((entry["error"] as? [String: Any])?["code"] as? String == code, "\(entry["error"] ?? entry)")
        case .verdict:
            #expect(r.code == 0 || r.code == 1, "\(r.err.prefix(300))")
            #expect(entry["error"] == nil, "\(entry["error"] ?? "")")
        }

        // `show` as a person would run it: one clear line for an error; text that cannot
        // act on the terminal for a verdict.
        let show = try Spawned(["show", file], dir: ws.path)
        let s = try #require(show.wait(upTo: 120), "show hung on \(hostile.name)")
        #expect(show.exitedNormally, "show crashed on \(hostile.name)")
        if case .error(let code) = hostile.expect {
            #expect(s.code == 2)
            #expect(s.err.split(separator: "\n").count == 1, "\(s.err.prefix(300))")
            #expect(s.err.contains(file) && s.err.contains("(\(code))"), "\(s.err.prefix(300))")
            #expect(s.err.utf8.count < 400, "the message quotes no huge part of the file")
        } else {
            #expect(s.code == 0 || s.code == 1)
        }
        for output in [s.out, s.err, r.out, r.err] {
            #expect(
                !output.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.properties.isBidiControl },
                "a raw control character reached the terminal")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "reading never changes the file")
    }

    @Test func numbersAndUnknownKeysSurviveASave() throws {
        let ws = try Workspace()
        let long = String(repeating: "7", count: 5_000)
        let file = try ws.write(
            "s.json",
            #"{"schemaVersion": 1, "notes": {"big": 1e999999999, "long": "# + long
                + #", "tiny": -1E-999999, "exact": 0.1000000000000000055511151231257827}}"#)
        let r = try CLI.run(["set", file, "instance.name=kept"])
        #expect(r.code == 0, "\(r.err)")
        let saved = try String(contentsOfFile: file, encoding: .utf8)
        for number in ["1e999999999", long, "-1E-999999", "0.1000000000000000055511151231257827"] {
            #expect(saved.contains(number), "the number \(number.prefix(20)) was changed on save")
        }
    }

    @Test func aFIFONamedLikeASettingsFileDoesNotHangAudit() throws {
        let ws = try Workspace()
        #expect(mkfifo(ws.path + "/pipe.json", 0o600) == 0)
        try ws.example("acme-prod.json", as: "ok.json")
        let audit = try Spawned(["audit", ws.path], dir: ws.path)
        let r = try #require(audit.wait(upTo: 60), "audit waited on a FIFO")
        #expect(r.code == 2)
        #expect(r.out.contains("pipe.json") && r.out.contains("not a regular file"))
        #expect(r.out.contains("ready for production"), "the other file is still judged")
    }
}
