import Foundation
import TestSupport
import Testing

/// `verify` end to end, and every bad answer the private beta may give: each gets its
/// error code and one clear line, exit 2, and nothing is written to FILE.
@Suite struct LiveVerifyCommandTests {
    @Test func aMatchingReadyFileIsReadyWithItsLiveChecks() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let r = try live.run(["verify", file, "--format", "json"])
        #expect(r.code == 0, "\(r.out)\(r.err)")
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let entry = (json["files"] as! [[String: Any]])[0]
        #expect(entry["ready"] as? Bool == true)
        let checks = entry["live"] as? [[String: Any]] ?? []
        #expect(checks.map { $0["check"] as? String } == ["clerk", "frontend", "atlassian"])
        #expect(checks.allSatisfy { $0["ok"] as? Bool == true })
        let codes = (entry["findings"] as? [[String: Any]] ?? []).map { $0["code"] as? String }
        #expect(codes.contains("live/credentials-accepted"))
        let text = try live.run(["verify", file])
        #expect(text.out.contains("Live checks (") && text.out.contains("nothing about callback URLs, scopes or sharing"))
    }

    @Test func eachLiveCodeIsFoundAndBlocks() throws {
        let live = try LiveCLI()
        try live.standIn.setConnection(["authenticatable": false, "client_secret": "", "client_id": "other-client-id"])
        let file = try live.readyFile { json in
            var instance = json["instance"] as! [String: Any]
            instance["redirectUri"] = "https://clerk.acme.com/v1/oauth_callback"
            json["instance"] = instance
            var connection = json["connection"] as! [String: Any]
            connection["clientSecret"] = "WRONG-secret-for-the-probe-123"
            json["connection"] = connection
        }
        let r = try live.run(["verify", file, "--format", "jsonl"])
        #expect(r.code == 1, "\(r.err)")
        for code in [
            "live/instance-differs", "live/instance-secret-missing", "live/redirect-uri-differs", "live/frontend-disabled",
            "live/credentials-refused",
        ] {
            #expect(r.out.contains("\"\(code)\""), "\(code)")
        }
        #expect(r.out.split(separator: "\n").last?.hasPrefix("{\"summary\": ") == true)
    }

    @Test func aDevelopmentFileCountsTheLiveFindingsADevelopmentInstanceHas() throws {
        let live = try LiveCLI()
        try live.standIn.setConnection(["enabled": false], "development")
        let file = try live.readyFile { json in
            var instance = json["instance"] as! [String: Any]
            instance["environment"] = "development"
            json["instance"] = instance
            json["clerk"] = ["applicationId": StandIn.app, "instance": "development"]
            var connection = json["connection"] as! [String: Any]
            connection["useCustomCredentials"] = false
            json["connection"] = connection
        }
        let r = try live.run(["verify", file, "--format", "json"])
        #expect(r.code == 1, "the instance's connection is off while the file says on: \(r.out)")
        let entry = ((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any])["files"] as! [[String: Any]])[0]
        let differs = (entry["findings"] as? [[String: Any]] ?? []).first { $0["code"] as? String == "live/instance-differs" }
        #expect(differs != nil && differs?["production"] == nil, "counted for development, not only for production")
        #expect(try live.standIn.requests().allSatisfy { !$0.target.contains("/domains") && !$0.target.contains("/oauth/token") })
    }

    @Test func aFleetAsksEachInstanceOnceAndStreams() throws {
        let live = try LiveCLI()
        try FileManager.default.createDirectory(atPath: live.ws.path + "/fleet", withIntermediateDirectories: true)
        for i in 0..<12 { _ = try live.readyFile("fleet/f\(i).json") }
        let r = try live.run(["verify", "fleet", "--format", "jsonl", "--jobs", "4"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.split(separator: "\n").count == 13)
        let targets = try live.standIn.requests().map(\.target)
        #expect(targets.filter { $0.contains("/config") }.count == 1)
        #expect(targets.filter { $0.contains("/domains") }.count == 1)
    }

    /// A bad answer, the code it must give, and the command that meets it.
    static var badAnswers: [(fault: [String: Any], code: String)] {
        [
            (
                ["path": "/config", "status": 401, "body": ["errors": [["message": "Invalid authentication", "code": "authentication_invalid"]]]],
                "clerk/unauthorized"
            ),
            (
                ["path": "/config", "status": 403, "body": ["errors": [["message": "forbidden", "code": "authorization_invalid"]]]],
                "clerk/unauthorized"
            ),
            (["path": "/config", "status": 404, "body": ["errors": [["message": "not found", "code": "resource_not_found"]]]], "clerk/not-found"),
            (["path": "/config", "status": 400, "body": ["errors": [["message": "bad keys", "code": "form_param_invalid"]]]], "clerk/rejected"),
            // A server that quotes the key and the secret back, with a terminal escape: masked, made safe.
            (
                [
                    "path": "/config", "status": 422,
                    "body": ["errors": [["message": "key \(StandIn.apiKey) secret \(TestSecret.value) \u{1B}[2J", "code": "x"]]],
                ], "clerk/rejected"
            ),
            (["path": "/config", "status": 429, "headers": ["Retry-After": "0"], "body": "", "times": 10], "clerk/rate-limited"),
            (["path": "/config", "status": 500, "body": "Internal Server Error"], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": "<html>a login page</html>"], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": "[1, 2, 3]"], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": ["connection_oauth_atlassian": ["enabled": true]]], "clerk/unexpected"),
            (
                ["path": "/config", "status": 200, "body": ["config_version": "v1_1", "connection_oauth_atlassian": ["enabled": "yes"]]],
                "clerk/unexpected"
            ),
            (
                [
                    "path": "/domains", "status": 200,
                    "body": ["data": [["is_satellite": true, "frontend_api_url": "https://sat.example"]], "total_count": 1],
                ], "clerk/unexpected"
            ),
            (["path": "/domains", "status": 200, "body": ["data": [], "total_count": 0]], "clerk/unexpected"),
            (["path": "/config", "status": 429, "headers": ["Retry-After": "1000000000"], "body": ""], "clerk/rate-limited"),
            (["path": "/config", "status": 302, "headers": ["Location": "https://evil.example/collect"], "body": ""], "clerk/unexpected"),
            (["path": "/config", "bigBody": 100_000_000], "clerk/unexpected"),
            (["path": "/config", "hang": 30], "net/unreachable"),
        ]
    }

    @Test func everyBadAnswerToPullIsOneLineExit2AndNothingWritten() throws {
        let live = try LiveCLI()
        let file = try live.readyFile { json in
            var connection = json["connection"] as! [String: Any]
            connection["enabled"] = false
            json["connection"] = connection
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for (fault, code) in Self.badAnswers {
            try live.standIn.update { $0["faults"] = [fault.merging(["times": 1]) { a, _ in a }] }
            let r = try live.run(["pull", file], timeout: 2)
            #expect(r.code == 2, "\(fault)")
            #expect(r.err.hasSuffix("(\(code))\n"), "\(fault): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "one line: \(r.err)")
            #expect(r.out.isEmpty)
            #expect(!r.err.contains("\u{1B}"), "no escape sequence from a server reaches the terminal")
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "\(fault): FILE was written")
        }
        #expect(try live.history(file).isEmpty)
        #expect(try live.standIn.requests().allSatisfy { !$0.target.contains("evil") })
        try live.expectCleanLog()
    }

    @Test func verifyReportsACheckThatCannotRunAsAnErrorWithExit2() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        try live.standIn.addFault([
            "path": "/config", "status": 401, "body": ["errors": [["message": "Invalid authentication", "code": "authentication_invalid"]]],
        ])
        try live.standIn.addFault(["path": "/v1/environment", "status": 200, "body": "not json"])
        let r = try live.run(["verify", file, "--format", "json"])
        #expect(r.code == 2)
        let entry = ((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any])["files"] as! [[String: Any]])[0]
        let checks = entry["live"] as! [[String: Any]]
        #expect((checks[0]["error"] as? [String: Any])?["code"] as? String == "clerk/unauthorized")
        #expect((checks[1]["error"] as? [String: Any])?["code"] as? String == "frontend/unexpected")
        #expect(checks[2]["ok"] as? Bool == true)
        #expect(
            ((try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any])["summary"] as? [String: Any])?["checkErrors"] as? Int == 2)
    }

    @Test func anyNumberOfJobsIsTakenWithoutACrash() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        for command in ["verify", "audit"] {
            let r = try live.run([command, file, "--jobs", String(Int.max / 2)])
            #expect(r.code == 0, "\(command): \(r.out)\(r.err)")
        }
    }

    @Test func anUntrustedCertificateIsUnreachableWhateverTheVariablesSay() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let r = try live.run(["verify", file, "--format", "json"], env: ["SSL_CERT_FILE": "/etc/ssl/certs/ca-certificates.crt"])
        #expect(r.code == 2)
        #expect(r.out.contains("net/unreachable"))
        #expect(try live.standIn.requests().isEmpty, "nothing was sent over a connection that was not trusted")
    }

    @Test func withoutAKeyPullAndPushSaySoAndVerifySkipsClerk() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let pull = try live.run(["pull", file], key: nil)
        #expect(pull.code == 2 && pull.err.contains("key/missing") && pull.err.contains("CLERK_PLATFORM_API_KEY"))
        let verify = try live.run(["verify", file, "--format", "json"], key: nil)
        #expect(verify.code == 0, "skipped is not an error: \(verify.err)")
        #expect(verify.out.contains("\"skipped\": \"no Platform API key"))
    }

    @Test func theKeyFileMustBeARegularPrivateFileAndAnSkKeyIsRefused() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let keyFile = try StandIn.writeKeyFile(live.ws.path + "/key", mode: 0o644)
        var r = try live.run(["pull", file, "--api-key-file", keyFile], key: nil)
        #expect(r.code == 2 && r.err.contains("chmod 600"))
        chmod(keyFile, 0o600)
        r = try live.run(["pull", file, "--api-key-file", keyFile], key: nil)
        #expect(r.code == 0, "\(r.err)")
        r = try live.run(["pull", file, "--api-key-file", live.ws.path], key: nil)
        #expect(r.code == 2 && r.err.contains("not a regular file"))
        r = try live.run(["pull", file], key: "sk_live_backendsecret")
        #expect(r.code == 2 && r.err.contains("sk_") && !r.err.contains("backendsecret"))
    }

    /// The key itself given where its file's name goes: refused without being repeated.
    @Test func aKeyGivenInPlaceOfItsFileIsNotRepeated() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        for (command, pasted) in [("pull", StandIn.apiKey), ("verify", StandIn.apiKey), ("edit", "sk_live_0123456789abcdefghijkl")] {
            let r = try live.run([command, file, "--api-key-file", pasted], key: nil)
            #expect(r.code == 2 && r.err.contains("looks like a key itself"), "\(command): \(r.err)")
            #expect(!r.all.contains(pasted), "\(command) repeated the key")
        }
        // Nor is it repeated by a usage error that quotes it.
        let stray = try live.run(["show", file, StandIn.apiKey], key: nil)
        #expect(stray.code == 2 && stray.err.contains("Unexpected argument") && !stray.all.contains(StandIn.apiKey), "\(stray.err)")
    }
}
