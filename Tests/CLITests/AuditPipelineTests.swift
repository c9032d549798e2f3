import TestSupport
import Foundation
import Testing

/// `audit`'s formats for pipelines and people reading a fleet: table, SARIF, JUnit, and the
/// files under each code. SARIF and JUnit are read by the tools CI systems use
/// (Tests/pipeline-check.py: jsonschema and junitparser, which .ci/run installs).
@Suite struct AuditPipelineTests {
    /// Whether the Python readers are installed; in CI they must be.
    static let readers: Bool = {
        let ok = (try? ProcessRun.run("/usr/bin/env", ["python3", Repository.path("Tests/pipeline-check.py"), "modules"]).code) == 0
        if !ok && ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("CI lacks jsonschema or junitparser: .ci/run installs them") }
        if !ok { print("AuditPipelineTests: python3 with jsonschema and junitparser is not installed; SARIF and JUnit are not read back") }
        return ok
    }()

    /// A fleet with every kind of row: ready, blocked, development, unusable, missing, and
    /// a path with a space, a quote and a non-ASCII letter.
    func fleet(_ ws: Workspace) throws -> [String] {
        try FileManager.default.createDirectory(atPath: ws.path + "/fleet", withIntermediateDirectories: true)
        let dev = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-staging.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"environment\": \"production\"", with: "\"environment\": \"development\"")
        return [
            try ws.example("acme-prod.json", as: "fleet/a.json"),
            try ws.example("acme-staging.json", as: "fleet/b \"é\" <&>.json"),
            try ws.write("fleet/c-dev.json", dev),
            try ws.write("fleet/d-broken.json", "{\n  \"instance\": {\n    \"name\": 1,\n"),
            try ws.write("fleet/e-schema.json", "{\"instance\": {\"name\": 1}}"),
        ]
    }

    func checked(_ format: String, _ output: String, in ws: Workspace) throws -> (code: Int32, out: String) {
        let report = try ws.write("report.\(format)", output)
        var arguments = [Repository.path("Tests/pipeline-check.py"), format, report]
        if format == "sarif" { arguments.append(Repository.path("Tests/TestData/sarif-schema-2.1.0.json")) }
        let r = try ProcessRun.run("/usr/bin/env", ["python3"] + arguments)
        return (r.code, r.outText)
    }

    @Test func sarifIsValidAndPointsAtEachFindingsKey() throws {
        let ws = try Workspace()
        let files = try fleet(ws)
        let r = try CLI.run(["audit", ws.path + "/fleet", ws.path + "/missing.json", "--format", "sarif"])
        #expect(r.code == 2)
        if Self.readers {
            let check = try checked("sarif", r.out, in: ws)
            #expect(check.code == 0, "\(check.out)")
        }
        let top = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(top["version"] as? String == "2.1.0" && (top["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let run = (top["runs"] as! [[String: Any]])[0]
        let driver = (run["tool"] as! [String: Any])["driver"] as! [String: Any]
        #expect(driver["name"] as? String == "social-console" && driver["version"] as? String != nil)
        let rules = driver["rules"] as! [[String: Any]]
        let ruleIDs = rules.map { $0["id"] as! String }
        #expect(ruleIDs.contains("permissions/read-me-missing") && ruleIDs.contains("file/invalid-json"))
        let readMe = rules.first { $0["id"] as? String == "permissions/read-me-missing" }!
        #expect((readMe["properties"] as! [String: Any])["step"] as? String == "permissions")
        #expect(((readMe["help"] as! [String: Any])["text"] as! String).hasPrefix("On the app's Permissions tab"))

        let results = run["results"] as! [[String: Any]]
        var checkedKeys = 0
        for result in results {
            let code = result["ruleId"] as! String
            #expect(ruleIDs[result["ruleIndex"] as! Int] == code)
            let level = result["level"] as! String
            let location = (result["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any]
            let uri = (location["artifactLocation"] as! [String: String])["uri"]!
            let path = try #require(uri.removingPercentEncoding)
            let region = location["region"] as! [String: Int]
            if code.hasPrefix("file/") {
                #expect(level == "error")
                continue
            }
            let properties = result["properties"] as! [String: Any]
            let rule = rules[result["ruleIndex"] as! Int]
            let severity = (rule["properties"] as! [String: String])["severity"]!
            #expect(level == ["blocker": "error", "warning": "warning", "info": "note"][severity])
            #expect((properties["production"] as? Bool == true) == (path.hasSuffix("c-dev.json") && code != "connection/link-only"))
            // At the field's key, or line 1 when the file has no such key.
            let field = properties["field"] as! String
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            if let column = region["startColumn"] {
                let key = String(field.split(separator: ".").last!)
                #expect(lines[region["startLine"]! - 1].dropFirst(column - 1).hasPrefix("\"\(key)\""), "\(code) in \(path)")
                checkedKeys += 1
            } else {
                #expect(region["startLine"] == 1)
            }
        }
        #expect(checkedKeys > 10)
        // The odd name is percent-encoded and found again; the error is at its line and column.
        #expect(results.contains { ($0["locations"] as! [[String: Any]]).description.contains("b%20%22%C3%A9%22%20%3C&%3E.json") })
        let broken = try #require(results.first { $0["ruleId"] as? String == "file/invalid-json" })
        let region = ((broken["locations"] as! [[String: Any]])[0]["physicalLocation"] as! [String: Any])["region"] as! [String: Int]
        #expect(region == ["startLine": 4, "startColumn": 1])
        #expect(files.count == 5)
        let summary = (run["properties"] as! [String: Any])["summary"] as! [String: Int]
        #expect(summary["files"] == 6 && summary["errors"] == 3)
        // The fleet view rides along as the run's property, as in JSON.
        let byCode = try CLI.run(["audit", ws.path + "/fleet", "--format", "sarif", "--by-code"])
        let properties = ((try JSONSerialization.jsonObject(with: Data(byCode.out.utf8)) as! [String: Any])["runs"] as! [[String: Any]])[0][
            "properties"]
        let codes = (properties as! [String: Any])["byCode"] as! [[String: Any]]
        #expect(codes.first { $0["code"] as? String == "file/invalid-json" }?["paths"] as? [String] == [files[3]])
    }

    @Test func junitHasASuitePerFileAndACasePerStep() throws {
        let ws = try Workspace()
        let files = try fleet(ws)
        let r = try CLI.run(["audit", ws.path + "/fleet", "--format", "junit"])
        #expect(r.code == 2)
        #expect(r.out.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"))
        guard Self.readers else { return }
        let check = try checked("junit", r.out, in: ws)
        #expect(check.code == 0, "\(check.out)")
        let suites = try JSONSerialization.jsonObject(with: Data(check.out.split(separator: "\n")[0].utf8)) as! [[String: Any]]
        #expect(suites.map { $0["name"] as! String } == files, "named by path, the odd one read back whole")
        func cases(_ i: Int) -> [[String: Any]] { suites[i]["cases"] as! [[String: Any]] }
        #expect(cases(0).map { $0["name"] as! String } == ["Instance", "App", "Permissions", "Authorization", "Credentials", "Distribution"])
        #expect(cases(0).allSatisfy { $0["result"] as? String == "passed" })
        let permissions = cases(1)[2]
        #expect(permissions["result"] as? String == "failure" && permissions["type"] as? String == "blocker")
        // The development file fails no step (its connection is on): production's needs are output.
        #expect(cases(2).allSatisfy { $0["result"] as? String == "passed" })
        #expect(cases(2).contains { ($0["output"] as? String)?.contains("(production) distribution/not-sharing") == true })
        for i in [3, 4] {
            #expect(cases(i).count == 1 && cases(i)[0]["result"] as? String == "error")
        }
        #expect(cases(3)[0]["type"] as? String == "file/invalid-json" && cases(4)[0]["type"] as? String == "file/schema")
    }

    @Test func tableIsALineAFileInAlignedColumns() throws {
        let ws = try Workspace()
        let files = try fleet(ws)
        let odd = try ws.example("acme-prod.json", as: "fleet/f\nline.json")
        let r = try CLI.run(["audit", ws.path + "/fleet", "--format", "table"])
        #expect(r.code == 2)
        let lines = r.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 7, "a header and a line a file: a line break in a name is shown as an escape")
        #expect(lines[0].split(separator: " ").joined(separator: " ") == "PATH ENVIRONMENT READY BLOCKERS WARNINGS FIRST BLOCKER")
        // Each column starts where its heading does (the paths are ASCII but for one "é").
        for heading in ["ENVIRONMENT", "READY", "BLOCKERS", "WARNINGS", "FIRST BLOCKER"] {
            let column = lines[0].range(of: heading)!.lowerBound.utf16Offset(in: lines[0])
            for line in lines.dropFirst() {
                let characters = Array(line)
                #expect(characters[column - 1] == " " && characters[column] != " ", "\(heading): \(line)")
            }
        }
        func row(_ path: String) -> [String] {
            let line = lines.first { $0.hasPrefix(path + " ") }!
            return line.dropFirst(path.count).split(separator: " ").map(String.init)
        }
        #expect(row(files[0]) == ["production", "yes", "0", "0", "-"])
        let staging = row(files[1])
        #expect(staging[0] == "production" && staging[1] == "no" && Int(staging[2])! > 1 && staging.last == "instance/redirect-uri-invalid")
        #expect(row(files[2]).prefix(3) == ["development", "yes", "0"])
        #expect(row(files[3]) == ["-", "error", "-", "-", "file/invalid-json"])
        #expect(lines.contains { $0.hasPrefix(odd.replacingOccurrences(of: "\n", with: "\\u000a") + " ") })
        // A table has no room for the files per code: asking is a usage error, not ignored.
        let byCode = try CLI.run(["audit", ws.path + "/fleet", "--format", "table", "--by-code"])
        #expect(byCode.code == 2 && byCode.err.contains("--by-code") && byCode.out.isEmpty)
    }

    @Test func byCodeTextListsTheFirstTenFilesUnderEachCode() throws {
        let ws = try Workspace()
        for i in 0..<12 { try ws.example("acme-staging.json", as: String(format: "s%02d.json", i)) }
        try ws.example("acme-prod.json", mode: 0o644)
        let r = try CLI.run(["audit", ws.path, "--by-code"])
        let lines = r.out.components(separatedBy: "Files per finding code:\n")[1].split(separator: "\n").map(String.init)
        /// The lines under a code's row, indented further.
        func listed(_ code: String) -> [String] {
            let row = lines.firstIndex { $0.hasPrefix("  " + code + " ") }!
            return lines[(row + 1)...].prefix { $0.hasPrefix("      ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(listed("permissions/read-me-missing") == (0..<10).map { ws.path + String(format: "/s%02d.json", $0) } + ["and 2 more"])
        #expect(listed("credentials/file-readable-by-others") == [ws.path + "/acme-prod.json"])
    }
}
