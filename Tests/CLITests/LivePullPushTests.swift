import Foundation
import TestSupport
import Testing

/// `pull` and `push` end to end against the stand-in.
@Suite struct LivePullPushTests {
    @Test func pullIntoANewFileRecordsTheInstance() throws {
        let live = try LiveCLI()
        let r = try live.run(["pull", "new.json", "--app", StandIn.app, "--instance", "production"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("connection.clientId: (not set) → \"\(StandIn.clientId)\""))
        #expect(r.out.contains("social-console set new.json --client-secret-stdin"), "says how to paste the secret")
        let json = try live.ws.json("new.json")
        #expect((json["instance"] as? [String: Any])?["redirectUri"] as? String == live.standIn.redirectURI())
        #expect((json["clerk"] as? [String: Any])?["applicationId"] as? String == StandIn.app)
        let connection = json["connection"] as? [String: Any]
        #expect(connection?["enabled"] as? Bool == true && connection?["useCustomCredentials"] as? Bool == true)
        #expect(connection?["clientSecret"] == nil, "the read-back secret is never taken")
        #expect(try live.history(live.ws.path + "/new.json").last?["via"] as? String == "pull")
        let mode = try FileManager.default.attributesOfItem(atPath: live.ws.path + "/new.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try live.expectCleanLog()
    }

    @Test func pullIntoAnExistingFileChangesOnlyTheMappedKeys() throws {
        let live = try LiveCLI()
        let file = try live.readyFile { json in
            var connection = json["connection"] as! [String: Any]
            connection["signUpAndSignIn"] = false
            json["connection"] = connection
            json["notes"] = "kept"
        }
        try live.standIn.setConnection(["enabled": false])
        let r = try live.run(["pull", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("2 changes saved"))
        let json = try live.ws.json("acme.json")
        let connection = json["connection"] as? [String: Any]
        #expect(connection?["enabled"] as? Bool == false && connection?["signUpAndSignIn"] as? Bool == true)
        #expect(connection?["clientSecret"] as? String == TestSecret.value, "the file's secret stays")
        #expect(json["notes"] as? String == "kept")
        #expect(!r.out.contains("--client-secret-stdin"), "the file has its secret")
        // A second pull finds nothing to change and writes nothing.
        let again = try live.run(["pull", file])
        #expect(again.out.contains("no change"))
        #expect(try live.history(file).count == 1)
    }

    @Test func aMaskedOrEmptySecretReadBackIsNeverTaken() throws {
        let live = try LiveCLI()
        for shown in ["REDACTED", "••••••••", "****wxyz"] {
            try live.standIn.addFault([
                "path": "/config", "times": 1,
                "body": [
                    "config_version": "v1_1", "connection_oauth_atlassian": ["enabled": true, "client_id": StandIn.clientId, "client_secret": shown],
                ],
            ])
            let r = try live.run(["pull", "m.json", "--app", StandIn.app, "--instance", "development"])
            #expect(r.code == 0 && r.out.contains("--client-secret-stdin"), "a masked secret means the instance has one")
            let text = try String(contentsOfFile: live.ws.path + "/m.json", encoding: .utf8)
            #expect(!text.contains(shown) && !text.contains("clientSecret"))
        }
        try live.standIn.addFault([
            "path": "/config", "times": 1,
            "body": ["config_version": "v1_1", "connection_oauth_atlassian": ["enabled": true, "client_secret": ""]],
        ])
        let r = try live.run(["pull", "m.json"])
        #expect(r.code == 0 && !r.out.contains("--client-secret-stdin"), "an empty one means none")
    }

    @Test func clerksRefusalOfTheDryRunIsQuotedAndNothingIsWritten() throws {
        let live = try LiveCLI()
        // A development file on shared credentials pushed to a production instance that has
        // none: Clerk refuses to enable the connection (422), at the dry run.
        try live.standIn.setConnection(["enabled": false, "client_id": "", "client_secret": ""])
        let file = try live.readyFile { json in
            var instance = json["instance"] as! [String: Any]
            instance["environment"] = "development"
            json["instance"] = instance
            var connection = json["connection"] as! [String: Any]
            connection["useCustomCredentials"] = false
            json["connection"] = connection
        }
        let r = try live.run(["push", file, "--yes"])
        #expect(r.code == 2)
        #expect(r.err.contains("Custom credentials are required") && r.err.contains("(form_param_missing)") && r.err.hasSuffix("(clerk/rejected)\n"))
        let patches = try live.standIn.requests().filter { $0.method == "PATCH" }
        #expect(patches.count == 1 && patches[0].target.contains("dry_run=true"))
        #expect(!patches[0].body.contains("client_secret"), "shared credentials: none sent")
        #expect(try live.standIn.connection()["enabled"] as? Bool == false)
    }

    @Test func pullDryRunWritesNothing() throws {
        let live = try LiveCLI()
        let r = try live.run(["pull", "new.json", "--app", StandIn.app, "--instance", "production", "--dry-run"])
        #expect(r.code == 0 && r.out.contains("dry run: nothing written"))
        #expect(!FileManager.default.fileExists(atPath: live.ws.path + "/new.json"))
        #expect(!FileManager.default.fileExists(atPath: live.ws.path + "/new.json.history.jsonl"))
    }

    @Test func pushShowsClerksDryRunThenWritesWithIfMatch() throws {
        let live = try LiveCLI()
        let file = try live.readyFile { json in
            var connection = json["connection"] as! [String: Any]
            connection["signUpAndSignIn"] = false
            json["connection"] = connection
        }
        let r = try live.run(["push", file, "--yes"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("connection.signUpAndSignIn: true → false"))
        #expect(r.out.contains("connection.clientSecret: will be replaced"))
        #expect(r.out.contains("Pushed to \(StandIn.app)/production"))
        #expect(try live.standIn.connection()["authenticatable"] as? Bool == false)
        let requests = try live.standIn.requests()
        let patches = requests.filter { $0.method == "PATCH" }
        #expect(patches.count == 2)
        #expect(patches[0].target.hasSuffix("?dry_run=true") && !patches[1].target.contains("dry_run"), "a dry run before the write")
        #expect(patches.allSatisfy { $0.header("If-Match") == "v1_1" })
        #expect(patches[1].body.contains(TestSecret.value), "the secret travels in the body")
        #expect(!patches[1].body.contains("null"))
        let line = try #require(try live.history(file).last)
        #expect(line["via"] as? String == "push" && line["remote"] as? String == "\(StandIn.app)/production")
        let changes = line["changes"] as? [[String: Any]] ?? []
        #expect(changes.contains { $0["key"] as? String == "connection.clientSecret" && $0["secret"] as? String == "changed" })
        // `history` says where the push wrote, in text and JSON.
        let shown = try live.run(["history", file])
        #expect(shown.out.contains("via push to \(StandIn.app)/production"), "\(shown.out)")
        let json = try live.run(["history", file, "--format", "json"])
        #expect(json.out.contains("\"remote\": \"\(StandIn.app)/production\""), "\(json.out)")
        try live.expectCleanLog()
    }

    @Test func pushDryRunAndPushWithoutATerminalNeverWrite() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let dry = try live.run(["push", file, "--dry-run"])
        #expect(dry.code == 0 && dry.out.contains("Dry run: nothing was written."))
        #expect(try live.standIn.requests().allSatisfy { $0.method != "PATCH" || $0.target.contains("dry_run=true") })
        try live.standIn.clearLog()
        let piped = try live.run(["push", file], stdin: "y\n")
        #expect(piped.code == 2 && piped.err.contains("--yes"))
        #expect(try live.standIn.requests().isEmpty, "nothing sent without consent")
        #expect(try live.history(file).isEmpty)
    }

    @Test func pushRefusesWhileTheCredentialsStepHasBlockers() throws {
        let live = try LiveCLI()
        let file = try live.readyFile { json in
            var connection = json["connection"] as! [String: Any]
            connection["clientSecret"] = nil
            json["connection"] = connection
        }
        let r = try live.run(["push", file, "--yes"])
        #expect(r.code == 1)
        #expect(r.out.contains("credentials/client-secret-missing"))
        #expect(try live.standIn.requests().isEmpty)
    }

    @Test func a409RaceReadsAgainAndWritesOnlyWhenItsKeysAreUnchangedThere() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        // Someone changes a key push does not write, between the dry run and the write.
        try live.standIn.update { $0["raceAfterDryRun"] = ["set": ["block_email_subaddresses": true], "times": 1] }
        var r = try live.run(["push", file, "--yes"])
        #expect(r.code == 0, "\(r.out)\(r.err)")
        #expect(r.out.contains("(409)") && r.out.contains("None of the keys pushed changed there."))
        let patches = try live.standIn.requests().filter { $0.method == "PATCH" }
        #expect(patches.map { $0.target.contains("dry_run=true") } == [true, false, true, false], "a dry run before every write")
        #expect(patches.map { $0.header("If-Match") } == ["v1_1", "v1_1", "v1_2", "v1_2"])

        // Someone changes a key push writes: --yes does not overwrite it.
        try live.standIn.clearLog()
        try live.standIn.update { $0["raceAfterDryRun"] = ["set": ["enabled": false], "times": 1] }
        r = try live.run(["push", file, "--yes"])
        #expect(r.code == 2)
        #expect(r.out.contains("Changed there meanwhile: connection.enabled."))
        #expect(r.err.contains("clerk/conflict"))
        #expect(try live.standIn.connection()["enabled"] as? Bool == false, "their change stands")

        // 409 twice: the instance keeps changing.
        try live.standIn.update { $0["raceAfterDryRun"] = ["set": ["block_email_subaddresses": false], "times": 5] }
        r = try live.run(["push", file, "--yes"])
        #expect(r.code == 2 && r.err.contains("clerk/conflict"))
        #expect(try live.history(file).count == 1, "only the push that landed is in the history")
    }

    @Test func pushOnATerminalAsksAndTheAnswerCounts() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        // spawn adds these to this process's environment; an empty value is no value.
        let env = live.standIn.environment().mapValues { $0 ?? "" }
        let child = try #require(terminal.spawn(CLI.binary, ["push", file], environment: env).map { Child(pid: $0) })
        defer { child.killIfRunning() }
        #expect(terminal.wait(for: "Push to Clerk? [y/N] "))
        terminal.type("n\n")
        #expect(child.ended())
        terminal.drain()
        #expect(terminal.text.contains("Nothing was pushed."))
        #expect(child.exitCode == 0)
        #expect(try live.standIn.requests().filter { $0.method == "PATCH" }.count == 1, "only the dry run")
        LiveCLI.expectNoSecrets(Data(terminal.output), "the terminal")
    }
}
