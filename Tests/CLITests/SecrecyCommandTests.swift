import TestSupport
import Foundation
import Testing

/// The secret never on the command line (where `ps` shows it to every user), nor in any
/// output, error or history; files holding it are 0600 and `audit` warns when they are not.
@Suite struct SecrecyCommandTests {
    /// What `ps` shows of a running process: its argv and, to root, its environment.
    func visibleToPs(_ pid: pid_t) -> String {
        let cmdline = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))) ?? Data()
        let environ = (try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/environ"))) ?? Data()
        return String(decoding: cmdline + environ, as: UTF8.self)
    }

    @Test func theSecretIsNeverInTheProcessListWhileSetRuns() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let set = try Spawned(["set", file, "--client-secret-stdin"], dir: ws.path)
        // `set` is now waiting for stdin, with the file already checked.
        usleep(100_000)
        let shown = visibleToPs(set.pid)
        #expect(shown.contains("--client-secret-stdin"), "looked at the right process: \(shown.prefix(200))")
        set.send(TestSecret.value + "\n")
        usleep(20_000)
        #expect(!visibleToPs(set.pid).contains(TestSecret.value))
        let r = try #require(set.wait(upTo: 60))
        #expect(r.code == 0, "\(r.err)")
        #expect(!shown.contains(TestSecret.value))
        #expect((try ws.json("s.json")["connection"] as? [String: Any])?["clientSecret"] as? String == TestSecret.value)
    }

    /// A file that also holds the secret as a key, twice: the duplicate-key error names
    /// the key only when it is one the settings file knows.
    @Test func aDuplicatedKeyHoldingTheSecretIsNotQuoted() throws {
        let ws = try Workspace()
        let file = try ws.write(
            "dup.json", #"{"connection": {"clientSecret": "\#(TestSecret.value)"}, "\#(TestSecret.value)": 1, "\#(TestSecret.value)": 2}"#)
        for args in [["audit", file], ["audit", file, "--format", "json"], ["show", file], ["set", file, "instance.name=x"]] {
            let r = try CLI.run(args)  // fails the test if any output holds the secret
            #expect(r.code == 2)
            #expect((r.out + r.err).contains("duplicate key (a key not quoted"), "\(args): \(r.err)")
        }
        let known = try ws.write("known.json", #"{"connection": {"clientSecret": "a", "clientSecret": "b"}}"#)
        #expect(try CLI.run(["show", known]).err.contains(#"duplicate key "clientSecret""#))
    }

    @Test func noTraceOfTheSecretInAnyFileButTheSettings() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        #expect(try CLI.run(["set", file, "--client-secret-stdin"], stdin: TestSecret.value + "\n").code == 0)
        #expect(try CLI.run(["set", file, "atlassianApp.name=After"]).code == 0)
        #expect(try CLI.run(["show", file]).code != 2)
        #expect(try CLI.run(["show", file, "--format", "json"]).code == 0)
        #expect(try CLI.run(["audit", file, "--format", "jsonl"]).code != 2)
        #expect(try CLI.run(["authorize-url", file]).code != 2)
        for name in try FileManager.default.contentsOfDirectory(atPath: ws.path) where name != "s.json" {
            let data = try Data(contentsOf: URL(fileURLWithPath: ws.path + "/" + name))
            #expect(!String(decoding: data, as: UTF8.self).contains(TestSecret.value), "\(name) holds the secret")
        }
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aFileWithTheSecretThatOthersCanReadIsWarnedAbout() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json", mode: 0o644)
        let r = try CLI.run(["audit", file])
        #expect(r.out.contains("credentials/file-readable-by-others"))
        #expect(try CLI.run(["set", file, "instance.name=acme-prod"]).code == 0, "an unchanged value writes nothing")
        #expect(try CLI.run(["set", file, "instance.name=acme-prod-2"]).code == 0)
        #expect(!(try CLI.run(["audit", file])).out.contains("credentials/file-readable-by-others"), "a save makes it 0600")
    }

    @Test func theSecretPastedAsTheClientIDIsNeverShown() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json")
        var r = try CLI.run(["set", file, "connection.clientId=" + TestSecret.value])  // CLI.run checks the output
        #expect(r.code == 0)
        #expect(r.out.contains("connection.clientId: changed"))
        r = try CLI.run(["audit", file])
        #expect(r.out.contains("credentials/secret-equals-id"))
        #expect(try CLI.run(["show", file]).code == 0)
        #expect(try CLI.run(["show", file, "--format", "json"]).code == 0)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(!history.contains(TestSecret.value))
    }

    @Test(arguments: [
        "instance.redirectUri", "atlassianApp.callbackUrls", "atlassianApp.scopes", "atlassianApp.distribution.privacyPolicyUrl", "instance.name",
    ])
    func theSecretPastedIntoAFieldWhoseFindingsQuoteItsValueIsMasked(_ key: String) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json")
        #expect(try CLI.run(["set", file, "\(key)=\(TestSecret.value)"]).code == 0)  // CLI.run checks every output
        for format in ["text", "json", "jsonl"] { _ = try CLI.run(["audit", file, "--format", format, "--by-code"]) }
        _ = try CLI.run(["show", file])
        let consent = try CLI.run(["authorize-url", file])
        if key == "instance.redirectUri" {  // the only one of these the consent URL quotes
            #expect(consent.code == 1 && consent.err.contains("holds the client secret"), "\(consent.err)")
        }
    }

    @Test func aSecretThatIsTooLongOrNotTextIsRefusedWithoutEchoingIt() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        // Over the 64 KiB limit but within what set reads, so the writer never meets a closed pipe.
        let r = try CLI.run(["set", file, "--client-secret-stdin"], stdin: String(repeating: "k", count: 66_000) + TestSecret.value)
        #expect(r.code == 2 && r.err.contains("longer than 64 KiB"), "\(r.err)")
        let set = try Spawned(["set", file, "--client-secret-stdin"], dir: ws.path)
        set.send(Data([0x66, 0xFF, 0x67]))
        let bad = try #require(set.wait(upTo: 60))
        #expect(bad.code == 2 && bad.err.contains("not UTF-8"), "\(bad.err)")
        #expect(try ws.read("s.json") == before)
    }

    @Test func errorsAboutAMisplacedSecretNeverQuoteIt() throws {
        let ws = try Workspace()
        // The secret pasted where a key belongs, and as an argument without '='.
        let file = try ws.write("s.json", "{\"connection\": {\"clientId\": \"abc\", \"\(TestSecret.value)\"}}")
        let r = try CLI.run(["show", file])
        #expect(r.code == 2)
        #expect(r.err.contains("expected ':' after a key"))
        let s = try CLI.run(["set", file, TestSecret.value])
        #expect(s.code == 2)
    }
}
