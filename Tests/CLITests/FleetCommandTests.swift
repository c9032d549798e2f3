import TestSupport
import Foundation
import Testing

/// The support-staff side: audit over many files, diff, history.
@Suite struct FleetCommandTests {
    /// `count` files in sub-folders of `ws`: ready ones, broken ones and a few that are not JSON.
    func fleet(_ ws: Workspace, count: Int) throws -> [String] {
        let ready = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        let staging = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-staging.json"), encoding: .utf8)
        var paths: [String] = []
        for i in 0..<count {
            let folder = ["fleet/eu", "fleet/us", "fleet/us-east", "fleet"][i % 4]
            try FileManager.default.createDirectory(atPath: ws.path + "/" + folder, withIntermediateDirectories: true)
            let text: String
            switch i % 5 {
            case 0: text = ready
            case 1: text = staging
            case 2: text = ready.replacingOccurrences(of: "\"sharing\"", with: "\"not_sharing\"")
            case 3: text = ready.replacingOccurrences(of: "\"read:me\", ", with: "")
            default: text = i % 10 == 4 ? "{\"instance\": " : ready.replacingOccurrences(of: "\"enabled\": true", with: "\"enabled\": false")
            }
            let path = try ws.write("\(folder)/i\(i).json", text)
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            paths.append(path)
        }
        return paths
    }

    @Test func jsonlIsOneLinePerFileThenTheSummary() throws {
        let ws = try Workspace()
        let paths = try fleet(ws, count: 40)
        let r = try CLI.run(["audit", ws.path + "/fleet", "--format", "jsonl", "--by-code"])
        #expect(r.code == 2)
        let lines = r.out.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
        #expect(lines.count == 41)
        #expect(Set(lines.dropLast().map { $0["path"] as! String }) == Set(paths))
        for line in lines.dropLast() { #expect(line["steps"] != nil || line["error"] != nil) }
        let last = try #require(lines.last)
        let summary = try #require(last["summary"] as? [String: Int])
        #expect(summary["files"] == 40 && summary["errors"] == 4 && summary["ready"] == 8)
        let byCode = try #require(last["byCode"] as? [[String: Any]])
        #expect(byCode.first { $0["code"] as? String == "file/invalid-json" }?["files"] as? Int == 4)
    }

    @Test func textAndJSONAreTheSameOnOneThreadOrMany() throws {
        let ws = try Workspace()
        let paths = try fleet(ws, count: 150)
        for format in ["text", "json"] {
            let many = try CLI.run(["audit", ws.path + "/fleet", "--format", format, "--by-code", "--jobs", "8"])
            let one = try CLI.run(["audit", ws.path + "/fleet", "--format", format, "--by-code", "--jobs", "1"])
            #expect(many.code == 2 && one.code == 2)
            #expect(many.out == one.out)
            #expect(many.out.count > 10_000)
        }
        // In path order: "fleet/eu/…" < "fleet/i3.json" < "fleet/us-east/…" < "fleet/us/…".
        let json = try CLI.run(["audit", ws.path + "/fleet", "--format", "json"])
        let top = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let listed = (top["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(listed == paths.sorted())
        #expect(listed.firstIndex { $0.contains("/us-east/") }! < listed.firstIndex { $0.contains("/us/") }!)
    }

    @Test func byCodeIsATableSortedByCount() throws {
        let ws = try Workspace()
        _ = try fleet(ws, count: 20)
        let r = try CLI.run(["audit", ws.path + "/fleet", "--by-code"])
        let table = r.out.components(separatedBy: "Files per finding code:\n")[1].components(separatedBy: "\n\n")[0]
        // Under each code's row, the first files that have it (indented further).
        let rows = table.split(separator: "\n").dropFirst().filter { !$0.hasPrefix("      ") }.map {
            $0.split(separator: " ", omittingEmptySubsequences: true)
        }
        let counts = rows.map { Int($0.last!)! }
        #expect(counts == counts.sorted(by: >))
        #expect(rows.contains { $0[0] == "distribution/not-sharing" && $0[1] == "blocker" && $0[2] == "8" })
        #expect(rows.contains { $0[0] == "file/invalid-json" && $0[1] == "error" && $0[2] == "2" })
        let json = try CLI.run(["audit", ws.path + "/fleet", "--by-code", "--format", "json"])
        let top = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let byCode = top["byCode"] as! [[String: Any]]
        #expect(byCode.first { $0["code"] as? String == "distribution/not-sharing" }?["files"] as? Int == 8)
    }

    @Test func auditNeverQuotesTheSecretPastedIntoAnotherField() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "p.json")
        let text = try String(contentsOfFile: file, encoding: .utf8)
            .replacingOccurrences(of: "\"https://acme.com/privacy\"", with: "\"\(TestSecret.value)\"")
        try ws.write("p.json", text)
        for format in ["text", "json", "jsonl", "table", "sarif", "junit"] {
            // CLI.run fails the test if the secret shows anywhere in the output.
            let r = try CLI.run(["audit", file, "--format", format])
            #expect(r.code == 1)
            // The table names only the first blocker (the secret comes before distribution).
            #expect(r.out.contains(format == "table" ? "credentials/secret-in-other-field" : "distribution/privacy-url-invalid"))
            if format != "table" { #expect(r.out.contains("••••••••"), "\(format)") }
        }
    }

    // MARK: diff

    @Test func diffListsChangedMissingAndUnknownKeys() throws {
        let ws = try Workspace()
        let a = try ws.example("acme-prod.json", as: "a.json")
        let b = try ws.example("acme-staging.json", as: "b.json")
        let r = try CLI.run(["diff", a, b])
        #expect(r.code == 1)
        #expect(r.out.contains("instance.name: \"acme-prod\" → \"acme-staging\""))
        #expect(r.out.contains("atlassianApp.logo: only in \(a): \"https://acme.com/logo.png\""))
        #expect(r.out.contains("notes.ticket: only in \(b): 4711"))
        #expect(r.out.contains("connection.clientSecret: only in \(a)\n"))
        let same = try CLI.run(["diff", a, a])
        #expect(same.code == 0)
        #expect(same.out.contains("the same settings"))
        let missing = try CLI.run(["diff", a, ws.path + "/none.json"])
        #expect(missing.code == 2)
        #expect(missing.err.contains("none.json: file not found"))
    }

    @Test func diffComparesTheSecretButNeverShowsIt() throws {
        let ws = try Workspace()
        let a = try ws.example("acme-prod.json", as: "a.json")
        let other = "ANOTHER-secret-9876543210zyxwvuQRST"
        // B has another secret, and A's secret pasted into an unknown key by mistake.
        let text = try String(contentsOfFile: a, encoding: .utf8)
            .replacingOccurrences(of: "\"clientSecret\": \"\(TestSecret.value)\"", with: "\"clientSecret\": \"\(other)\"")
            .replacingOccurrences(of: "\"schemaVersion\": 1,", with: "\"schemaVersion\": 1,\n  \"scratch\": \"\(TestSecret.value)\",")
        let b = try ws.write("b.json", text)
        for format in ["text", "json"] {
            let r = try CLI.run(["diff", a, b, "--format", format])
            #expect(r.code == 1)
            #expect(!r.all.contains(other) && !r.all.contains("QRST"), "no part of B's secret")
            #expect(!r.all.contains("XYZW"), "not even the masked suffix")
            if format == "text" {
                #expect(r.out.contains("connection.clientSecret: differs"))
                // A value holding the secret makes a secret change: compared, never shown.
                #expect(r.out.contains("scratch: only in \(b)\n"), "\(r.out)")
            } else {
                let top = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
                let items = top["differences"] as! [[String: Any]]
                #expect(
                    items.contains { $0["key"] as? String == "connection.clientSecret" && $0["secret"] as? String == "differs" && $0["a"] == nil })
                #expect(top["same"] as? Bool == false)
            }
        }
    }

    // MARK: history

    @Test func historyShowsEverySaveAndTheSecretOnlyAsChanged() throws {
        let ws = try Workspace()
        let file = ws.path + "/h.json"
        try CLI.run(["init", file, "--environment", "production", "--redirect-uri", "https://clerk.h.com/v1/oauth_callback"])
        try CLI.run(["set", file, "atlassianApp.name=H app", "atlassianApp.scopes=read:me,read:jira-work"])
        try CLI.run(["set", file, "--client-secret-stdin"], stdin: TestSecret.value + "\n")
        try CLI.run(["set", file, "atlassianApp.name=H"])
        let r = try CLI.run(["history", file])
        #expect(r.code == 0)
        let heads = r.out.split(separator: "\n").filter { !$0.hasPrefix("  ") }
        #expect(heads.count == 4)
        for head in heads { #expect(head.range(of: #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ  \S+  via (init|set)$"#, options: .regularExpression) != nil) }
        #expect(heads[0].hasSuffix("via init") && heads[3].hasSuffix("via set"), "newest last")
        #expect(r.out.contains("  instance.redirectUri: (not set) → \"https://clerk.h.com/v1/oauth_callback\""))
        #expect(r.out.contains("  atlassianApp.scopes: (not set) → [\"read:me\", \"read:jira-work\"]"))
        #expect(r.out.contains("  connection.clientSecret: changed\n"))
        #expect(r.out.contains("  atlassianApp.name: \"H app\" → \"H\""))
        // The file itself may be gone; its history is still there to read.
        try FileManager.default.removeItem(atPath: file)
        #expect(try CLI.run(["history", file]).out == r.out)
    }

    @Test func aCorruptOrHandEditedLineNeitherStopsTheRestNorShowsASecret() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "h.json")
        let other = "HANDEDITED-secret-5555555555pqrsLMNO"
        try ws.write(
            "h.json.history.jsonl",
            """
            {"time": "2026-11-29T10:00:00Z", "user": "ana", "via": "console", "changes": [{"key": "instance.name", "old": null, "new": "a"}]}
            {"time": "2026-11-29T10:01:00Z", "user": "ana", "via": "con
            {"time": "2026-11-29T10:02:00Z", "user": "bo", "via": "set", "changes": [{"key": "connection.clientSecret", "old": "\(TestSecret.value)", "new": "\(other)"}, {"key": "notes.x", "old": null, "new": "\(other)"}]}

            {"time": "2026-11-29T10:03:00Z", "user": "cy", "via": "set", "changes": [{"key": "instance.name", "old": "a", "new": "b"}]}
            {"\(TestSecret.value)" "a pasted secret, broken"}
            """)
        let r = try CLI.run(["history", file])
        #expect(r.code == 2)
        #expect(r.err.contains("h.json.history.jsonl:2: cannot be read"))
        #expect(r.err.contains("h.json.history.jsonl:6: cannot be read"))
        #expect(!r.err.contains("con\n") && !r.err.contains("10:01"), "the broken line is not quoted")
        #expect(r.out.contains("2026-11-29T10:00:00Z  ana  via console"))
        #expect(r.out.contains("2026-11-29T10:03:00Z  cy  via set\n  instance.name: \"a\" → \"b\""))
        #expect(r.out.contains("  connection.clientSecret: changed\n  notes.x: (not set) → \"••••••••\""))
        #expect(!r.all.contains(other) && !r.all.contains("LMNO"))
    }

    @Test func noHistoryYet() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "h.json")
        let r = try CLI.run(["history", file])
        #expect(r.code == 0)
        #expect(r.out.contains("no changes recorded yet"))
        let gone = try CLI.run(["history", ws.path + "/gone.json"])
        #expect(gone.code == 2)
        #expect(gone.err.contains("gone.json.history.jsonl"))
    }
}
