import TestSupport
import Foundation
import Testing

/// `edit --plain` run as scripts run it: answers piped in, output piped out.
@Suite struct PlainModeTests {
    /// Every question of a new file answered, in screen and focus order: a production
    /// setup a script can keep in a file.
    static let productionAnswers = """
        acme-prod
        2
        https://clerk.acme.com/v1/oauth_callback


        Acme sign-in
        Sign in to Acme with your Atlassian account.
        https://acme.com/logo.png
        read:me, read:jira-work

        y
        y
        a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6
        \(TestSecret.value)
        read:jira-work
        y
        y
        sharing
        Acme Inc.
        https://acme.com/privacy
        https://acme.com/terms
        https://acme.com/support
        y
        y

        """

    static let environment = ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8"]

    static func printable(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 == 0x0A || ($0 >= 0x20 && $0 != 0x7F) }
    }

    @Test func aFullProductionSetupFromAnAnswersFileIsSavedAndAuditedReady() throws {
        let ws = try Workspace()
        let file = ws.path + "/acme.json"
        let r = try CLI.run(["edit", "--plain", file], stdin: Self.productionAnswers, env: Self.environment)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.isEmpty)
        #expect(r.out.contains("Instance › Name [not set]: acme-prod\n"), "answers are echoed after their question")
        #expect(r.out.contains("Credentials › Client Secret [not set]: \n"), "the secret is not")
        #expect(r.out.contains("\nReady for production.\n"))
        #expect(r.out.contains("  connection.clientSecret: changed\n"))
        #expect(r.out.hasSuffix("Save? [y/n]: y\nSaved \(file).\n"))
        #expect(!r.out.contains("\u{1B}"), "no escape sequences, whatever TERM is")
        #expect(Self.printable(r.out))

        // Read back from disk: every answer is there, with the file's usual mode.
        let json = try ws.json("acme.json")
        let connection = json["connection"] as? [String: Any]
        let app = json["atlassianApp"] as? [String: Any]
        #expect(connection?["clientSecret"] as? String == TestSecret.value)
        #expect(app?["scopes"] as? [String] == ["read:me", "read:jira-work"])
        #expect(app?["callbackUrls"] as? [String] == ["https://clerk.acme.com/v1/oauth_callback"])
        let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let audit = try CLI.run(["audit", file])
        #expect(audit.code == 0 && audit.out.contains("ready for production"), "\(audit.out)")
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.split(separator: "\n").count == 1 && history.contains(#""via": "plain""#))
        #expect(history.contains(#"{"key": "connection.clientSecret", "secret": "changed"}"#))
    }

    @Test func inputEndingBeforeTheEndSavesNothingAndExits2() throws {
        let ws = try Workspace()
        let file = ws.path + "/acme.json"
        let r = try CLI.run(["edit", "--plain", file], stdin: "acme-prod\nproduction\n", env: Self.environment)
        #expect(r.code == 2)
        #expect(r.err == "social-console: \(file): input ended before the walkthrough did; nothing was saved\n")
        #expect(!FileManager.default.fileExists(atPath: file))
        // An existing file stays byte for byte as it was, also when input ends at Save?.
        let staging = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let atSave = try CLI.run(["edit", "--plain", staging], stdin: "renamed\nq\n", env: Self.environment)
        #expect(atSave.code == 2 && atSave.out.hasSuffix("Save? [y/n]: \n"))
        #expect(try ws.read("s.json") == before)
        #expect(!FileManager.default.fileExists(atPath: staging + ".history.jsonl"))
    }

    @Test func withoutAUTF8LocaleOutputIsASCII() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let r = try CLI.run(["edit", "--plain", file], stdin: "Acme ünïcode\nq\nn\n", env: ["TERM": "xterm-256color", "LC_ALL": "C"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.utf8.allSatisfy { $0 < 0x80 }, "ASCII only")
        #expect(r.out.contains("Instance > Name [acme-staging]: "))
        #expect(r.out.contains(#"instance.name: "acme-staging" -> "Acme \u00fcn\u00efcode""#))
        #expect(Self.printable(r.out))
    }

    @Test func aFileChangedOnDiskMeanwhileIsMergedAndConflictsAreAsked() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let plain = try Spawned(["edit", "--plain", file], dir: ws.path)
        plain.send("yours-name\n")
        #expect(PseudoTerminal.poll { plain.outputSoFar.contains("Instance › Environment") }, "no second question")
        // Someone else saves the file now: the same key, and one plain mode never touched.
        let other = try CLI.run(["set", file, "instance.name=theirs-name", "atlassianApp.description=From disk"])
        #expect(other.code == 0, "\(other.err)")
        plain.send("q\ny\nx\ny\n")
        let r = try #require(plain.wait(upTo: 30))
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains(#"instance.name: was "acme-staging", on disk now "theirs-name", yours "yours-name""#))
        #expect(r.out.contains("Not taken: answer t (theirs) or y (yours)."))
        #expect(r.out.contains("Kept 1 change made on disk meanwhile: atlassianApp.description"))
        let json = try ws.json("s.json")
        #expect((json["instance"] as? [String: Any])?["name"] as? String == "yours-name")
        #expect((json["atlassianApp"] as? [String: Any])?["description"] as? String == "From disk", "their change is kept")
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(history.count == 2 && history[1].contains(#""via": "plain""#))
    }

    @Test func aFileBrokenOnDiskMeanwhileIsReplacedOnlyAfterAsking() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let plain = try Spawned(["edit", "--plain", file], dir: ws.path)
        plain.send("yours-name\n")
        #expect(PseudoTerminal.poll { plain.outputSoFar.contains("Instance › Environment") }, "no second question")
        try ws.write("s.json", "{ broken")
        plain.send("q\ny\ny\n")
        let r = try #require(plain.wait(upTo: 30))
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("can no longer be read") && r.out.contains("Overwrite it with yours? [y/n]: y\nSaved"))
        #expect((try ws.json("s.json")["instance"] as? [String: Any])?["name"] as? String == "yours-name")
    }

    @Test func theConsolesRefusalsPointToPlainMode() throws {
        let ws = try Workspace()
        let piped = try CLI.run(["edit", ws.path + "/x.json"], env: Self.environment)
        #expect(piped.code == 2 && piped.err.contains("edit --plain"))
    }

    /// `ACCESSIBLE=1` (as huh reads it) or `TERM=dumb` starts plain mode without `--plain`,
    /// and says so on its first line.
    @Test(arguments: [["ACCESSIBLE": "1", "TERM": "xterm-256color"], ["TERM": "dumb"]])
    func theEnvironmentStartsPlainMode(_ env: [String: String]) throws {
        let ws = try Workspace()
        let file = ws.path + "/x.json"
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let child = try #require(
            terminal.spawn(CLI.binary, ["edit", file], environment: env.merging(["LC_ALL": "C.UTF-8"]) { a, _ in a }).map { Child(pid: $0) })
        defer { child.killIfRunning() }
        let why = env["ACCESSIBLE"] != nil ? "ACCESSIBLE is set" : "TERM=dumb"
        #expect(terminal.wait(for: "Instance › Name [not set]: "), "\(terminal.text)")
        #expect(terminal.text.hasPrefix("social-console plain mode (\(why)): \(file)"), "\(terminal.text)")
        #expect(!terminal.output.contains(0x1B), "no escape sequences")
        terminal.type("q\n")
        #expect(child.ended())
        #expect(child.exitCode == 0)
        let readOnly = try CLI.run(["edit", "--read-only", file], env: env)
        #expect(readOnly.code == 2 && readOnly.err.contains("\(why): plain mode asks questions to change FILE"), "\(readOnly.err)")
        let off = try CLI.run(["edit", file], stdin: "", env: ["ACCESSIBLE": "0", "TERM": "xterm-256color"])
        #expect(off.code == 2 && off.err.contains("not a terminal"), "ACCESSIBLE=0 asks for nothing")
    }

    @Test func plainAndReadOnlyTogetherIsAUsageError() throws {
        let r = try CLI.run(["edit", "--plain", "--read-only", "x.json"])
        #expect(r.code == 2 && r.err.contains("--plain"))
    }
}
