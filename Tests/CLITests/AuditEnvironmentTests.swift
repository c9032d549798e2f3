import TestSupport
import Foundation
import Testing

/// `audit` judges each file for the environment it names; support staff pick files by code,
/// ask only for the exit status, and pipe paths in.
@Suite struct AuditEnvironmentTests {
    /// acme-staging (much missing for production) as a development instance, connection on.
    func development(_ ws: Workspace, as name: String = "dev.json", enabled: Bool = true) throws -> String {
        let text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-staging.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"environment\": \"production\"", with: "\"environment\": \"development\"")
            .replacingOccurrences(of: "\"enabled\": true", with: "\"enabled\": \(enabled)")
        let path = try ws.write(name, text)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        return path
    }

    func json(_ r: CLI.Result) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    @Test func aHealthyDevelopmentFileIsReadyAndListsWhatProductionNeeds() throws {
        let ws = try Workspace()
        let file = try development(ws)
        let text = try CLI.run(["audit", file])
        #expect(text.code == 0)
        #expect(text.out.contains("development  ready for development; not ready for production: "))
        let lines = text.out.split(separator: "\n")
        #expect(lines.contains { $0.contains("✗ (production) ") && $0.contains("[distribution/not-sharing") })
        #expect(lines.contains { $0.contains("! (production) ") && $0.contains("[permissions/unknown-scope") })
        // Link-only matters to a development instance too.
        #expect(lines.contains { $0.hasPrefix("    ! Enable for sign-up and sign-in is off") && $0.contains("[connection/link-only") })
        #expect(text.out.contains("◦ Distribution"))
        #expect(text.out.hasSuffix("1 file, 1 ready, 0 blockers, 1 warning\n"))
        // Where the locale is not UTF-8, every mark has its ASCII stand-in.
        let ascii = try CLI.run(["audit", file], env: ["LC_ALL": "C", "LANG": "C"])
        #expect(ascii.out.contains("o Distribution") && ascii.out.contains("x (production) "))
        #expect(ascii.out.utf8.allSatisfy { $0 < 0x80 })

        let r = try CLI.run(["audit", file, "--format", "json"])
        #expect(r.code == 0)
        let entry = (try json(r)["files"] as! [[String: Any]])[0]
        #expect(entry["ready"] as? Bool == true && entry["readyForProduction"] as? Bool == false)
        #expect(entry["readyForDevelopment"] as? Bool == true)
        #expect((entry["steps"] as! [[String: Any]]).allSatisfy { $0["complete"] as? Bool == true })
        let findings = entry["findings"] as! [[String: Any]]
        #expect(findings.count > 5)
        for finding in findings {
            let code = finding["code"] as! String
            #expect((finding["production"] as? Bool == true) == (code != "connection/link-only"), "\(code)")
            #expect(finding["production"] == nil || finding["production"] as? Bool == true, "only ever true")
        }
        #expect(try json(r)["summary"] as? [String: Int] == ["files": 1, "ready": 1, "blockers": 0, "warnings": 1, "errors": 0])
    }

    @Test func forProductionJudgesEveryFileAsBefore() throws {
        let ws = try Workspace()
        let file = try development(ws)
        let text = try CLI.run(["audit", file, "--for", "production"])
        #expect(text.code == 1)
        #expect(!text.out.contains("(production)") && !text.out.contains("◦"))
        #expect(text.out.contains("✗ Distribution"))
        let r = try CLI.run(["audit", file, "--format", "json", "--for=production"])
        #expect(r.code == 1)
        let entry = (try json(r)["files"] as! [[String: Any]])[0]
        #expect(entry["ready"] as? Bool == false && entry["readyForProduction"] as? Bool == false)
        #expect(!r.out.contains("\"production\": true"))
        let summary = try json(r)["summary"] as! [String: Int]
        #expect(summary["ready"] == 0 && summary["blockers"]! > 5 && summary["warnings"]! >= 3)
        // Only production can be asked for: each file's own environment is what it names.
        let development = try CLI.run(["audit", "--for", "development", file])
        #expect(development.code == 2 && development.err.contains("development"))
    }

    @Test func aDevelopmentFileWithTheConnectionOffIsBlocked() throws {
        let ws = try Workspace()
        let file = try development(ws, enabled: false)
        let r = try CLI.run(["audit", file, "--format", "json"])
        #expect(r.code == 1)
        let findings = (try json(r)["files"] as! [[String: Any]])[0]["findings"] as! [[String: Any]]
        let disabled = try #require(findings.first { $0["code"] as? String == "connection/disabled" })
        #expect(disabled["production"] == nil)
        #expect(try json(r)["summary"] as? [String: Int] == ["files": 1, "ready": 0, "blockers": 1, "warnings": 0, "errors": 0])
        let text = try CLI.run(["audit", file])
        #expect(text.out.contains("not ready for development (connection not enabled)"))
        #expect(text.out.contains("✗ Credentials"))
    }

    @Test(arguments: ["Development", "staging"])
    func aFileWithoutAValidEnvironmentIsJudgedForProduction(environment: String) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json")
        try ws.write(
            "acme-staging.json",
            try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(of: "\"production\"", with: "\"\(environment)\""))
        let r = try CLI.run(["audit", file, "--format", "json"])
        #expect(r.code == 1)
        #expect(!r.out.contains("\"production\": true"))
    }

    @Test func showSetAndExplainReadTheSameVerdict() throws {
        let ws = try Workspace()
        let file = try development(ws)
        // The callback mismatch is production's: a development sign-in uses Clerk's own app.
        let explained = try CLI.run(["explain", "redirect_uri is not registered for client", "--file", file, "--format", "json"])
        #expect(explained.code == 0 && !explained.out.contains("\"found\": [\"authorization/callback-mismatch"))
        let production = try ws.example("acme-staging.json", as: "prod.json")
        let shown = try CLI.run(["explain", "redirect_uri is not registered for client", "--file", production, "--format", "json"])
        #expect(shown.out.contains("\"found\": [\"authorization/callback-mismatch"))
        let show = try CLI.run(["show", file])
        #expect(show.out.contains("ready for development; not ready for production"))
        #expect(show.out.contains("◦ Distribution") && show.out.contains("✓ App"))
        let set = try CLI.run(["set", file, "atlassianApp.name="])
        #expect(set.code == 0)
        #expect(set.out.contains("✗ (production) app/name-missing: "))
        let off = try CLI.run(["set", file, "connection.enabled=false"])
        #expect(off.out.contains("  ✗ connection/disabled: "))
    }

    // MARK: For support staff

    func fleet(_ ws: Workspace) throws -> (ready: String, staging: String, dev: String, broken: String) {
        try FileManager.default.createDirectory(atPath: ws.path + "/fleet", withIntermediateDirectories: true)
        let ready = try ws.example("acme-prod.json", as: "fleet/a-ready.json")
        let staging = try ws.example("acme-staging.json", as: "fleet/b-staging.json")
        let dev = try development(ws, as: "fleet/c-dev.json")
        let broken = try ws.write("fleet/d-broken.json", "{\"instance\": ")
        return (ready, staging, dev, broken)
    }

    @Test func codePicksTheFilesWithThatFinding() throws {
        let ws = try Workspace()
        let f = try fleet(ws)
        let r = try CLI.run(["audit", ws.path + "/fleet", "--code", "distribution/not-sharing", "--format", "json"])
        let files = (try json(r)["files"] as! [[String: Any]]).map { $0["path"] as! String }
        #expect(files == [f.staging, f.dev], "production-only findings are the file's too")
        #expect((try json(r)["summary"] as! [String: Int])["files"] == 2, "the summary counts the files picked")
        #expect(r.code == 1)
        // Repeatable: files with any of the codes; file errors have codes too.
        let two = try CLI.run(["audit", ws.path + "/fleet", "--code", "connection/link-only", "--code", "file/invalid-json", "--format", "table"])
        let rows = two.out.split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(rows == [f.staging, f.dev, f.broken])
        #expect(two.code == 2)
        // No file has it: nothing listed, exit 0.
        let none = try CLI.run(["audit", ws.path + "/fleet", "--code", "instance/redirect-uri-account-portal", "--format", "json"])
        #expect(none.code == 0)
        let picked = try json(none)
        #expect((picked["files"] as! [Any]).isEmpty && (picked["summary"] as! [String: Int])["files"] == 0)
        let typo = try CLI.run(["audit", ws.path + "/fleet", "--code", "distribution/not-shared"])
        #expect(typo.code == 2 && typo.err.contains("did you mean \"distribution/not-sharing\"?") && typo.out.isEmpty)
    }

    @Test func quietPrintsNothingAndExitsAsTheAuditWould() throws {
        let ws = try Workspace()
        let f = try fleet(ws)
        for (paths, code) in [([f.ready], Int32(0)), ([f.dev], 0), ([f.ready, f.staging], 1), ([ws.path + "/fleet"], 2)] {
            for flag in ["-q", "--quiet"] {
                let r = try CLI.run(["audit", flag] + paths)
                #expect(r.code == code && r.out.isEmpty && r.err.isEmpty, "\(paths)")
            }
        }
        let picked = try CLI.run(["audit", "-q", ws.path + "/fleet", "--code", "distribution/not-sharing", "--format", "sarif"])
        #expect(picked.code == 1 && picked.out.isEmpty)
        #expect(try CLI.run(["audit", "-q", ws.path + "/nothing-here"]).code == 2)
    }

    @Test func aDashReadsThePathsFromStandardInput() throws {
        let ws = try Workspace()
        let f = try fleet(ws)
        let listed = try CLI.run(["audit", f.ready, f.staging, f.dev, "--format", "json"])
        let piped = try CLI.run(["audit", "-", "--format", "json"], stdin: "\(f.ready)\n\n\(f.staging)\n\(f.dev)")
        #expect(piped.out == listed.out && piped.code == listed.code)
        // Among other paths, in its place; a folder on a line is walked.
        let mixed = try CLI.run(["audit", f.dev, "-", "--format", "table"], stdin: ws.path + "/fleet\n")
        #expect(mixed.out.split(separator: "\n").count == 6)
        let empty = try CLI.run(["audit", "-"], stdin: "\n")
        #expect(empty.code == 2 && empty.err.contains("no settings files found in standard input"))
        // `find … | audit -`, as the README shows.
        let found = try ProcessRun.run(
            "/bin/sh", ["-c", "find \(ws.path)/fleet -name '*.json' | sort | \"$0\" audit - --format table", CLI.binary])
        #expect(found.outText.split(separator: "\n").count == 5)
    }
}
