import TestSupport
import Foundation
import Testing

/// Output for support work: only the failing files, which files have each code, and the
/// history as JSON.
@Suite struct FleetOutputTests {
    /// Two ready files and two that are not, in one folder.
    func fleet(_ ws: Workspace) throws -> (ready: [String], failing: [String]) {
        let ready = [try ws.example("acme-prod.json", as: "a-ready.json"), try ws.example("acme-prod.json", as: "c-ready.json")]
        let staging = try ws.example("acme-staging.json", as: "b-staging.json")
        let text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        let unshared = try ws.write("d-unshared.json", text.replacingOccurrences(of: "\"sharing\"", with: "\"not_sharing\""))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: unshared)
        return (ready, [staging, unshared])
    }

    @Test func onlyFailingHidesReadyFilesButCountsThem() throws {
        let ws = try Workspace()
        let (ready, failing) = try fleet(ws)
        let json = try CLI.run(["audit", ws.path, "--format", "json", "--only-failing"])
        #expect(json.code == 1)
        let top = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect((top["files"] as! [[String: Any]]).map { $0["path"] as! String } == failing.sorted())
        let summary = top["summary"] as! [String: Int]
        #expect(summary["files"] == 4 && summary["ready"] == 2)

        let text = try CLI.run(["audit", ws.path, "--only-failing"])
        for path in ready { #expect(!text.out.contains(path)) }
        for path in failing { #expect(text.out.contains(path)) }
        #expect(text.out.contains("4 files, 2 ready"))

        let jsonl = try CLI.run(["audit", ws.path, "--format", "jsonl", "--only-failing"])
        let lines = jsonl.out.split(separator: "\n")
        #expect(lines.count == failing.count + 1)
        // Without the option every file is listed.
        let all = try CLI.run(["audit", ws.path, "--format", "jsonl"])
        #expect(all.out.split(separator: "\n").count == 5)
    }

    @Test func byCodeInJSONListsTheFiles() throws {
        let ws = try Workspace()
        let (ready, failing) = try fleet(ws)
        for format in ["json", "jsonl"] {
            let r = try CLI.run(["audit", ws.path, "--format", format, "--by-code"])
            let last = try #require(r.out.split(separator: "\n").last)
            let top = try JSONSerialization.jsonObject(with: Data(last.utf8)) as! [String: Any]
            let rows = try #require(top["byCode"] as? [[String: Any]])
            let notSharing = try #require(rows.first { $0["code"] as? String == "distribution/not-sharing" })
            #expect((notSharing["paths"] as? [String])?.contains(failing[1]) == true)
            for row in rows {
                let paths = try #require(row["paths"] as? [String])
                #expect(paths.count == row["files"] as? Int && paths == paths.sorted())
                for path in ready { #expect(!paths.contains(path)) }
            }
        }
        // Text keeps the counts table only.
        let text = try CLI.run(["audit", ws.path, "--by-code"])
        #expect(text.out.contains("distribution/not-sharing") && !text.out.contains("paths"))
    }

    @Test func historyAsJSONShowsTheSecretOnlyAsChanged() throws {
        let ws = try Workspace()
        let file = ws.path + "/acme.json"
        try CLI.run(["init", file, "--environment", "production", "--redirect-uri", "https://clerk.acme.com/v1/oauth_callback"])
        try CLI.run(["set", file, "--client-secret-stdin"], stdin: TestSecret.value + "\n")
        try CLI.run(["set", file, "atlassianApp.name=Acme sign-in", "atlassianApp.scopes=read:me"])
        let r = try CLI.run(["history", file, "--format", "json"])
        #expect(r.code == 0)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["via"] as? String } == ["init", "set", "set"])
        for entry in entries { #expect(entry["time"] is String && entry["user"] is String) }
        let secret = try #require((entries[1]["changes"] as? [[String: Any]])?.first)
        #expect(secret["key"] as? String == "connection.clientSecret" && secret["secret"] as? String == "changed")
        #expect(secret["old"] == nil && secret["new"] == nil)
        let name = try #require((entries[2]["changes"] as? [[String: Any]])?.first { $0["key"] as? String == "atlassianApp.name" })
        #expect(name["new"] as? String == "Acme sign-in" && name["old"] is NSNull)
        // No history yet: an empty array, still JSON.
        let fresh = try ws.example("acme-prod.json")
        #expect(try CLI.run(["history", fresh, "--format", "json"]).out == "[]\n")
    }
}
