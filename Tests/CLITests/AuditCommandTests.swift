import TestSupport
import Foundation
import Testing

@Suite struct AuditCommandTests {
    @Test func aReadyFileExitsZero() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["audit", file])
        #expect(r.code == 0)
        #expect(r.out.contains("ready for production"))
        #expect(r.out.contains("✓ Instance  ✓ App  ✓ Permissions  ✓ Authorization  ✓ Credentials  ✓ Distribution"))
        #expect(!r.out.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func aBrokenFileListsBlockersThenWarningsWithFixes() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json")
        let r = try CLI.run(["audit", file])
        #expect(r.code == 1)
        let blockers = try #require(r.out.range(of: "Blockers:"))
        let warnings = try #require(r.out.range(of: "Warnings:"))
        #expect(blockers.lowerBound < warnings.lowerBound)
        #expect(r.out.contains("permissions/read-me-missing"))
        #expect(r.out.contains("fix: On the app's Permissions tab"))
        #expect(r.out.contains("✗ Instance"))
    }

    @Test func aFolderMeansEveryJSONFileBelowItAndTheHighestExitWins() throws {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/team/sub", withIntermediateDirectories: true)
        try ws.example("acme-prod.json", as: "team/a.json")
        try ws.example("acme-staging.json", as: "team/sub/b.json")
        try ws.write("team/notes.txt", "not json")
        try ws.write("team/a.json.history.jsonl", "{}\n")
        var r = try CLI.run(["audit", ws.path + "/team", "--format", "json"])
        #expect(r.code == 1)
        let top = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let files = top["files"] as! [[String: Any]]
        #expect(files.map { $0["path"] as! String } == [ws.path + "/team/a.json", ws.path + "/team/sub/b.json"])
        try ws.write("team/c.json", "{\"instance\": ")
        r = try CLI.run(["audit", ws.path + "/team"])
        #expect(r.code == 2)
        #expect(r.out.contains("c.json:1:14: unexpected end of file"))
    }

    @Test func jsonHasSpecsShape() throws {
        let ws = try Workspace()
        try ws.example("acme-staging.json", as: "a.json")
        try ws.write("b.json", "{\n  \"a\": 1,\n  \"b\" 2\n}")
        let r = try CLI.run(["audit", ws.path + "/a.json", ws.path + "/b.json", "--format", "json"])
        #expect(r.code == 2)
        let top = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let files = top["files"] as! [[String: Any]]
        let a = files[0]
        #expect(a["environment"] as? String == "production")
        #expect(a["ready"] as? Bool == false)
        let steps = a["steps"] as! [[String: Any]]
        #expect(steps.map { $0["id"] as! String } == ["instance", "app", "permissions", "authorization", "credentials", "distribution"])
        let finding = (a["findings"] as! [[String: Any]]).first { $0["code"] as? String == "permissions/read-me-missing" }!
        #expect(Set(finding.keys) == ["code", "severity", "step", "field", "message", "fix"])
        #expect(finding["field"] as? String == "atlassianApp.scopes")
        let error = files[1]["error"] as! [String: Any]
        #expect(error["code"] as? String == "file/invalid-json")
        #expect(error["line"] as? Int == 3 && error["column"] as? Int == 7)
        let summary = top["summary"] as! [String: Int]
        #expect(summary["files"] == 2 && summary["ready"] == 0 && summary["errors"] == 1)
        // offline_access among acme-staging's requested scopes is no blocker: no app enables it.
        #expect(summary["blockers"] == 9 && summary["warnings"] == 4, "its http callback URL is a warning")
    }

    @Test func jsonlStreamsOneLinePerFileThenTheSummary() throws {
        let ws = try Workspace()
        try ws.example("acme-prod.json", as: "a.json")
        try ws.example("acme-staging.json", as: "b.json")
        let r = try CLI.run(["audit", ws.path, "--format", "jsonl"])
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 3)
        for line in lines { _ = try JSONSerialization.jsonObject(with: Data(line.utf8)) }
        #expect(lines[2].hasPrefix("{\"summary\": "))
    }

    @Test func byCodeCountsFiles() throws {
        let ws = try Workspace()
        try ws.example("acme-staging.json", as: "a.json")
        try ws.example("acme-staging.json", as: "b.json")
        try ws.example("acme-prod.json", as: "c.json")
        let r = try CLI.run(["audit", ws.path, "--by-code"])
        #expect(r.out.contains("Files per finding code:"))
        #expect(r.out.range(of: #"permissions/read-me-missing\s+blocker\s+2"#, options: .regularExpression) != nil)
    }

    @Test func readableSecretsAreWarnedAbout() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", mode: 0o644)
        let r = try CLI.run(["audit", file])
        #expect(r.code == 0)
        #expect(r.out.contains("credentials/file-readable-by-others"))
        #expect(r.out.contains("mode 0644"))
    }

    @Test func missingFileAndUsageErrorsExitTwo() throws {
        #expect(try CLI.run(["audit", "/nonexistent/x.json"]).code == 2)
        let r = try CLI.run(["audit", "x.json", "--format", "xml"])
        #expect(r.code == 2)
        #expect(r.err.contains("xml"))
        #expect(try CLI.run(["frobnicate", "--nope"]).code == 2)
    }

    @Test func newerVersionIsRefusedAndNeverRewritten() throws {
        let ws = try Workspace()
        let text = "{\n  \"schemaVersion\": 7,\n  \"connection\": {\"clientSecret\": \"\(TestSecret.value)\"}\n}\n"
        let file = try ws.write("v7.json", text)
        let r = try CLI.run(["audit", file])
        #expect(r.code == 2)
        #expect(r.out.contains("v7.json:2:20: schemaVersion 7 is newer"))
        #expect(try CLI.run(["set", file, "instance.name=x"]).code == 2)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == text)
    }
}

@Suite struct AuditNothingToAuditTests {
    @Test func pathsWithoutAnySettingsFileAreAnError() throws {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/empty/sub", withIntermediateDirectories: true)
        try ws.write("empty/sub/notes.txt", "not a settings file")
        try ws.write("empty/a.json.history.jsonl", "{}\n")
        for format in ["text", "json", "jsonl"] {
            let r = try CLI.run(["audit", ws.path + "/empty", "--format", format])
            #expect(r.code == 2, "\(format)")
            #expect(r.err.contains("no settings files found in \(ws.path)/empty"))
            #expect(r.out.isEmpty)
        }
        // Near miss: one settings file anywhere below is something to audit.
        try ws.example("acme-prod.json", as: "empty/sub/p.json")
        #expect(try CLI.run(["audit", ws.path + "/empty"]).code == 0)
        // A missing path is a file to report (not found), not "nothing found".
        let missing = try CLI.run(["audit", ws.path + "/none.json"])
        #expect(missing.code == 2 && missing.err.isEmpty && missing.out.contains("none.json"))
    }

    /// Runs audit with its standard output going into `output`.
    func audit(_ args: [String], into output: String) throws -> Int32 {
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = ["audit"] + args
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func theCommandsOwnOutputFileIsNotAudited() throws {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/fleet", withIntermediateDirectories: true)
        try ws.example("acme-prod.json", as: "fleet/a.json")
        let code = try audit([ws.path + "/fleet", "--format", "json"], into: ws.path + "/fleet/report.json")
        #expect(code == 0, "the half-written report is not judged (it would be invalid JSON: exit 2)")
        let report = try ws.json("fleet/report.json")
        let files = report["files"] as! [[String: Any]]
        #expect(files.map { $0["path"] as! String } == [ws.path + "/fleet/a.json"])
        #expect(!TestSecret.isIn(try ws.read("fleet/report.json")))
        // Named directly, and through a link, it is still the output.
        try FileManager.default.createSymbolicLink(atPath: ws.path + "/link.json", withDestinationPath: ws.path + "/fleet/out.json")
        #expect(try audit([ws.path + "/fleet/a.json", ws.path + "/link.json"], into: ws.path + "/fleet/out.json") == 0)
        // Only the output: nothing else to audit is still "nothing found".
        try FileManager.default.createDirectory(atPath: ws.path + "/alone", withIntermediateDirectories: true)
        #expect(try audit([ws.path + "/alone"], into: ws.path + "/alone/out.json") == 2)
    }
}
