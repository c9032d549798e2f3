import TestSupport
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// A folder of settings files built for these tests: ready and broken ones, files that
/// cannot be used, names that sort differently as paths than as plain names ("a-c" sorts
/// before "a/"), hidden entries, history and recovery files, a link to a folder.
private struct Fleet {
    let dir = TemporaryFolder.make()

    init(files: Int = 60) {
        for sub in ["", "/a", "/a/deep", "/a-c", "/b.json", "/.hidden", "/z"] { mkdir(dir + sub, 0o700) }
        let folders = ["", "/a", "/a/deep", "/a-c", "/b.json", "/z"]
        for i in 0..<files {
            let folder = folders[i % folders.count]
            Fixtures.write(Fleet.text(i), to: dir + folder + "/f\(i).json", mode: i % 7 == 0 ? 0o644 : 0o600)
        }
        Fixtures.write("{}", to: dir + "/.hidden/x.json")
        Fixtures.write("{}", to: dir + "/a/.x.json")
        Fixtures.write("{}\n", to: dir + "/a/f1.json.history.jsonl")
        Fixtures.write("{}", to: dir + "/a/f1.recovered.json")
        Fixtures.write("not settings", to: dir + "/a/notes.txt")
        Fixtures.write(Fixtures.readyText, to: dir + "/a.json")
        symlink(dir + "/a", dir + "/linked")
    }

    func remove() { TemporaryFolder.remove(dir) }

    /// File i: ready, broken in one or two ways, or not usable at all.
    static func text(_ i: Int) -> String {
        var s = Fixtures.ready
        switch i % 9 {
        case 0: break
        case 1: s.setList("atlassianApp.scopes", ["read:jira-work"])
        case 2: s.setText("atlassianApp.distribution.status", "not_sharing"); s.setFlag("connection.enabled", false)
        case 3: s.setText(Fields.secretKey, nil)
        case 4: s.setList("atlassianApp.callbackUrls", ["http://clerk.acme.com/v1/oauth_callback"])
        case 5: s.setValue(.object(JSONObject([("ticket", .number(String(i)))])), for: "notes")
        case 6: return "{\"instance\": "
        case 7: return "{\"schemaVersion\": 9}"
        default: s.setText("instance.environment", "development")
        }
        return String(decoding: SettingsStore.encode(s), as: UTF8.self)
    }
}

/// The sequential reference: every file listed up front, judged one after another.
private func sequentialJSON(_ paths: [String]) -> (lines: [String], summary: AuditSummary) {
    var summary = AuditSummary()
    let lines = Audit.collectFiles(paths).map { path -> String in
        let entry = Audit.judge(path)
        summary.add(entry)
        return JSONWriter.compact(entry.json)
    }
    return (lines, summary)
}

private func parallelJSON(_ paths: [String], workers: Int, order: ParallelAudit.Order) -> (lines: [String], summary: AuditSummary) {
    var lines: [String] = []
    let summary = ParallelAudit.run(
        paths, workers: workers, order: order,
        render: { JSONWriter.compact($0.json) }, emit: { lines.append($0) })
    return (lines, summary)
}

@Suite struct AuditFleetTests {
    @Test func theStreamingWalkListsWhatCollectFilesLists() {
        let fleet = Fleet()
        defer { fleet.remove() }
        let args = [fleet.dir, fleet.dir + "/a/", fleet.dir + "/missing.json", fleet.dir + "/a.json"]
        let walked = Array(AuditFiles(args))
        #expect(walked == Audit.collectFiles(args))
        #expect(walked.contains(fleet.dir + "/a-c/f3.json"))
        #expect(walked.contains(fleet.dir + "/b.json/f4.json"), "a folder named *.json is walked into")
        #expect(walked.contains(fleet.dir + "/missing.json"), "a missing path is kept, to be reported")
        #expect(!walked.contains { $0.contains("/.") || $0.contains("/linked/") || $0.hasSuffix(".recovered.json") || $0.hasSuffix(".jsonl") })
        // "a-c/…" sorts before "a.json" and "a/…" as whole paths do, not as the names "a", "a-c" do.
        let top = walked.prefix { !$0.hasSuffix("/missing.json") }
        #expect(top.firstIndex(of: fleet.dir + "/a-c/f3.json")! < top.firstIndex(of: fleet.dir + "/a/f1.json")!)
    }

    @Test(arguments: [(1, 512), (2, 512), (4, 3), (8, 1)])
    func parallelOutputIsByteForByteTheSequentialOne(workers: Int, window: Int) {
        let fleet = Fleet()
        defer { fleet.remove() }
        let reference = sequentialJSON([fleet.dir])
        let parallel = parallelJSON([fleet.dir], workers: workers, order: .byPath(window: window))
        #expect(parallel.lines.count == 61)
        #expect(parallel.lines == reference.lines)
        #expect(parallel.summary.json == reference.summary.json)
        #expect(parallel.summary.byCode == reference.summary.byCode)
        #expect(parallel.summary.exitCode == 2)
    }

    @Test func streamedOrderHasEveryFileOnce() {
        let fleet = Fleet()
        defer { fleet.remove() }
        let reference = sequentialJSON([fleet.dir])
        let streamed = parallelJSON([fleet.dir], workers: 4, order: .asJudged)
        #expect(streamed.lines.sorted() == reference.lines.sorted())
        #expect(streamed.summary.json == reference.summary.json)
    }

    @Test func byCodeCountsFilesNotFindings() {
        let fleet = Fleet(files: 18)
        defer { fleet.remove() }
        let summary = ParallelAudit.run([fleet.dir], workers: 3, order: .byPath(window: 4), render: { _ in "" }, emit: { _ in })
        // 18 files, i % 9 picks the kind: two of each, plus the ready a.json.
        #expect(summary.files == 19)
        #expect(summary.byCode["permissions/read-me-missing"] == 2)
        #expect(summary.byCode["distribution/not-sharing"] == 2)
        #expect(summary.byCode["connection/disabled"] == 2)
        #expect(summary.byCode["credentials/client-secret-missing"] == 2)
        #expect(summary.byCode["authorization/callback-not-https"] == 2)
        #expect(summary.byCode["file/invalid-json"] == 2)
        #expect(summary.byCode["file/unsupported-version"] == 2)
        // Files 0 and 14 are mode 0644 with a secret (7 is unusable); a file with two hits counts once.
        #expect(summary.byCode["credentials/file-readable-by-others"] == 2)
        #expect(summary.byCode["authorization/callback-mismatch"] == 2)
        let rows = summary.codeCounts
        #expect(rows.map(\.files) == rows.map(\.files).sorted(by: >), "most first")
        #expect(rows.first { $0.code == "file/invalid-json" }?.severity == "error")
        #expect(rows.first { $0.code == "connection/disabled" }?.severity == "blocker")
    }

    @Test func theDirectJSONIsWhatTheWriterWrites() {
        let fleet = Fleet()
        defer { fleet.remove() }
        var entries = Audit.collectFiles([fleet.dir, fleet.dir + "/missing.json"]).map { Audit.judge($0) }
        // Values that need every kind of escape, and text that needs none but is not ASCII.
        let odd = Fixtures.ready { s in
            s.setText("instance.redirectUri", "https://clerk.é.com/\u{01}\t\"x\"\\y\n\r\u{08}\u{0C}\u{7F}🙂/v1/oauth_callback")
            s.setList("atlassianApp.scopes", ["read:me", "bad scope \u{1F}"])
            s.setText("instance.environment", "development")
        }
        entries.append(.report(path: "odd \"path\"\n.json", Verdict(Readiness.evaluate(odd))))
        entries.append(.report(path: "odd, for production", Verdict(Readiness.evaluate(odd), for: .production)))
        entries.append(
            AuditEntry.error(path: "e.json", FileError(.schema, path: "e.json", "x: expected \"a\"", at: TextPosition(line: 3, column: 7))))
        #expect(entries.count == 65)
        #expect(entries.contains { $0.compactJSON.contains("\"production\": true") }, "a development file's production-only findings")
        // What `verify` adds to each entry comes after audit's own members.
        let extra = JSONObject([("live", .array([.object(JSONObject([("check", .string("clerk")), ("ok", .bool(true))]))])), ("n", .number("1"))])
        for entry in entries {
            #expect(entry.compactJSON == JSONWriter.compact(entry.json))
            guard case .object(var whole) = entry.json else { continue }
            for (key, value) in extra { whole[key] = value }
            #expect(entry.compactJSON(adding: extra) == JSONWriter.compact(.object(whole)))
        }
    }

    @Test func mergingPartsGivesTheTotalsOfAll() {
        func entry(_ i: Int) -> AuditEntry {
            let settings = try! SettingsStore.decode(Array(Fleet.text(i == 6 || i == 7 ? 0 : i).utf8), path: "x")
            return .report(path: "\(i)", Verdict(Readiness.evaluate(settings)))
        }
        let entries = (0..<9).map(entry) + [AuditEntry.error(path: "e", FileError(.invalidJSON, path: "e", "bad"))]
        var whole = AuditSummary(), left = AuditSummary(), right = AuditSummary()
        for (i, e) in entries.enumerated() {
            whole.add(e)
            if i % 2 == 0 { left.add(e) } else { right.add(e) }
        }
        left.merge(right)
        #expect(left.json == whole.json)
        #expect(left.byCode == whole.byCode)
        #expect(left.exitCode == whole.exitCode)
    }
}

@Suite struct DiffTests {
    @Test func unknownKeysAndMissingSidesAreListed() {
        let a = Fixtures.ready
        let b = Fixtures.ready { s in
            s.setText("instance.name", "other")
            s.setText("atlassianApp.logo", nil)
            s.setValue(.object(JSONObject([("owner", .string("ops"))])), for: "notes")
        }
        let d = SettingsDiff.compare(a, b)
        #expect(d.map(\.key) == ["instance.name", "atlassianApp.logo", "notes.owner"])
        #expect(d[0].old == .string("acme-prod") && d[0].new == .string("other"))
        #expect(d[1].new == nil)
        #expect(d[2].old == nil && d[2].new == .string("ops"))
        #expect(SettingsDiff.compare(a, a).isEmpty)
    }

    @Test func theSecretIsFlagged() {
        let b = Fixtures.ready { $0.setText(Fields.secretKey, "another-secret-value-1234") }
        let d = SettingsDiff.compare(Fixtures.ready, b)
        #expect(d.count == 1 && d[0].isSecret)
    }

    @Test func findingsNeverQuoteTheSecretPastedIntoAnotherField() {
        let pasted = Fixtures.ready { s in
            s.setText("atlassianApp.distribution.privacyPolicyUrl", TestSecret.value)
            s.setText("instance.redirectUri", "https://x.com/" + TestSecret.value)
            s.setList("atlassianApp.callbackUrls", ["http://" + TestSecret.value])
            s.setList("connection.scopes", [TestSecret.value])
        }
        let report = Readiness.evaluate(pasted)
        #expect(
            Set(report.findings.map(\.code)).isSuperset(of: [
                "distribution/privacy-url-invalid", "instance/redirect-uri-invalid", "authorization/callback-not-https",
                "permissions/scope-not-enabled",
            ]))
        for f in report.findings {
            #expect(!f.message.contains(TestSecret.value) && !f.fix.contains(TestSecret.value), "\(f.code)")
        }
        #expect(report.findings.contains { $0.message.contains("••••••••") })
    }

    @Test func scrubMasksKnownSecretsOnly() {
        let text = "notes.x: \"\(TestSecret.value)\" and \(TestSecret.value)"
        let scrubbed = Secret.scrub(text, secrets: [TestSecret.value, "abc"])
        #expect(!scrubbed.contains(TestSecret.value))
        #expect(scrubbed == "notes.x: \"••••••••\" and ••••••••")
        #expect(Secret.scrub("abc abc", secrets: ["abc"]) == "abc abc", "too short to mask")
    }
}

@Suite struct HistoryTests {
    @Test func anEntryParsesAndTheSecretIsNeverKept() throws {
        let line =
            #"{"time": "2026-11-29T10:00:00Z", "user": "ana", "via": "set", "changes": [{"key": "atlassianApp.name", "old": null, "new": "X"}, {"key": "connection.clientSecret", "old": "hand-edited-old-secret", "new": "hand-edited-new-secret"}]}"#
        let entry = try HistoryEntry.parse(Array(line.utf8)[...]).get()
        #expect(entry.time == "2026-11-29T10:00:00Z" && entry.user == "ana" && entry.via == "set")
        #expect(entry.changes[0].key == "atlassianApp.name" && entry.changes[0].old == .null && entry.changes[0].new == .string("X"))
        #expect(entry.changes[1].isSecret && entry.changes[1].old == nil && entry.changes[1].new == nil)
        #expect(entry.secretValues == ["hand-edited-old-secret", "hand-edited-new-secret"])
    }

    @Test func whatTheStoreWritesReadsBack() throws {
        let changes = SettingsDiff.compare(Settings(root: JSONObject()), Fixtures.ready)
        let line = SettingsStore.historyLine(time: "t", user: "u", via: "console", changes: changes)
        #expect(!line.contains(TestSecret.value))
        let entry = try HistoryEntry.parse(Array(line.utf8.dropLast())[...]).get()
        #expect(entry.via == "console" && entry.changes.map(\.key) == Fixtures.ready.leaves.map(\.key))
        #expect(entry.changes.first { $0.key == "instance.name" }?.new == .string("acme-prod"))
        #expect(entry.secretValues.isEmpty)
    }

    @Test(arguments: [
        "{\"time\": ", "[1, 2]", "{\"time\": \"t\"}", "{\"time\": \"t\", \"user\": \"u\", \"via\": \"set\", \"changes\": [{\"old\": 1}]}",
    ])
    func aCorruptLineSaysWhyWithoutQuotingIt(line: String) {
        guard case .failure(let problem) = HistoryEntry.parse(Array(line.utf8)[...]) else {
            Issue.record("parsed a corrupt line")
            return
        }
        #expect(!problem.message.isEmpty)
    }

    @Test func theReaderNumbersLinesAcrossBlocks() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let long = String(repeating: "x", count: 100_000)
        Fixtures.write("one\n\(long)\n\nlast without a newline", to: SettingsStore.historyPath(for: dir + "/s.json"))
        let reader = try HistoryReader(forSettingsFile: dir + "/s.json")
        var lines: [(Int, Int)] = []
        while let line = try reader.next() { lines.append((reader.lineNumber, line.count)) }
        #expect(lines.map(\.0) == [1, 2, 3, 4])
        #expect(lines.map(\.1) == [3, 100_000, 0, 22])
        #expect(throws: FileError.self) { try HistoryReader(forSettingsFile: dir + "/none.json") }
    }
}
