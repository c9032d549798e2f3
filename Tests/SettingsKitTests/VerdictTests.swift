import TestSupport
import Testing
import SettingsKit

/// Each file judged for the environment it names: the one verdict every report reads.
@Suite struct VerdictTests {
    /// A development instance with the connection on, and much that production would need missing.
    static func development(enabled: Bool = true, environment: String = "development") -> Settings {
        var s = Settings()
        s.setText("instance.environment", environment)
        s.setFlag("connection.enabled", enabled)
        s.setFlag("connection.signUpAndSignIn", false)
        return s
    }

    @Test func theEnvironmentIsNamedByteForByte() {
        #expect(Environment(named: "development") == .development)
        #expect(Environment(named: "production") == .production)
        for other in ["Production", "prod", " production", "production\u{301}", "", nil] as [String?] {
            #expect(Environment(named: other) == nil, "\(String(describing: other))")
        }
        #expect(Fields.environments == ["development", "production"])
    }

    @Test func aDevelopmentFileIsReadyWhenItsConnectionIsEnabled() {
        let verdict = Verdict(Readiness.evaluate(Self.development()))
        #expect(verdict.environment == .development)
        #expect(verdict.ready && !verdict.readyForProduction && verdict.exitCode == 0)
        #expect(!verdict.productionOnly.isEmpty)
        // What development needs too still counts: link-only is a warning for any instance.
        #expect(verdict.counted.map(\.code) == ["connection/link-only"])
        #expect(verdict.blockers.isEmpty && verdict.count(.blocker) == 0 && verdict.count(.warning) == 1)
        for finding in verdict.findings {
            #expect(verdict.isProductionOnly(finding) == !Verdict.developmentCodes.contains(finding.code), "\(finding.code)")
        }
        // Steps blocked only for production are marked so; none is blocked for development.
        #expect(Step.allCases.allSatisfy(verdict.isComplete))
        #expect(verdict.state(of: .app) == .productionOnly)
        #expect(verdict.state(of: .app).glyph == "◦")
    }

    @Test func aDevelopmentFileWithTheConnectionOffIsNotReady() {
        let verdict = Verdict(Readiness.evaluate(Self.development(enabled: false)))
        #expect(!verdict.ready && verdict.exitCode == 1)
        #expect(verdict.blockers.map(\.code) == ["connection/disabled"])
        #expect(verdict.state(of: .credentials) == .incomplete)
        #expect(!verdict.isComplete(.credentials))
    }

    @Test func forProductionEveryFileIsJudgedAsBefore() {
        let report = Readiness.evaluate(Self.development())
        let verdict = Verdict(report, for: .production)
        #expect(verdict.environment == .production)
        #expect(verdict.productionOnly.isEmpty && verdict.counted == report.findings)
        #expect(verdict.ready == report.readyForProduction && verdict.exitCode == 1)
        for step in Step.allCases {
            #expect(verdict.isComplete(step) == report.isComplete(step))
            #expect(verdict.state(of: step) != .productionOnly)
        }
    }

    @Test(arguments: ["Development", "staging", ""])
    func aFileWithoutAValidEnvironmentIsJudgedForProduction(environment: String) {
        let verdict = Verdict(Readiness.evaluate(Self.development(environment: environment)))
        #expect(verdict.environment == .production)
        #expect(verdict.productionOnly.isEmpty && !verdict.ready)
        var none = Settings()
        none.setFlag("connection.enabled", true)
        #expect(Verdict(Readiness.evaluate(none)).environment == .production)
    }

    /// The rows marked `"development": true`: what a development instance uses too (its
    /// connection, and as Clerk and its Frontend API have it), and nothing of production's.
    @Test func theDevelopmentCodesAreTheMarkedRows() {
        #expect(
            Verdict.developmentCodes == [
                "credentials/file-readable-by-others", "connection/disabled", "connection/link-only", "live/instance-differs",
                "live/frontend-disabled", "live/credentials-refused", "live/credentials-accepted", "live/probe-inconclusive",
            ])
    }

    /// The headline every report opens with, word for word as `audit` has printed it.
    @Test func theHeadline() {
        func text(_ s: Settings) -> String { Verdict(Readiness.evaluate(s)).headline.map(\.text).joined() }
        #expect(text(Fixtures.ready) == "ready for production")
        #expect(text(Fixtures.ready { $0.setText("atlassianApp.logo", "x") }) == "ready for production")
        #expect(text(Fixtures.ready { $0.setFlag("connection.signUpAndSignIn", false) }) == "ready for production (1 warning)")
        #expect(text(Fixtures.ready { $0.setText("atlassianApp.name", nil) }) == "not ready for production: 1 blocker, 0 warnings")
        let dev = Readiness.evaluate(Self.development())
        let counts = "\(plural(dev.count(.blocker), "blocker")), \(plural(dev.count(.warning), "warning"))"
        #expect(text(Self.development()) == "ready for development; not ready for production: " + counts)
        #expect(text(Self.development(enabled: false)).hasPrefix("not ready for development (connection not enabled); not ready for production: "))
        let phrases = Verdict(dev).headline
        #expect(phrases.map(\.tone) == [.ready, .plain, .notReady, .plain])
    }

    @Test func severityIsMarkedAndNamedOnce() {
        #expect(Severity.allCases.map(\.glyph) == ["✗", "!", "·"])
        #expect(Severity.allCases.map(\.word) == ["blocker", "warning", "note"])
    }

    @Test func judgingKeepsTheFilesWithACode() {
        let verdict = Verdict(Readiness.evaluate(Self.development()))
        let entry = AuditEntry.report(path: "d.json", verdict)
        let error = AuditEntry.error(path: "e.json", FileError(.invalidJSON, path: "e.json", "bad"))
        #expect(Audit.Judging().keeps(entry) && Audit.Judging().keeps(error))
        #expect(Audit.Judging(codes: ["connection/link-only"]).keeps(entry))
        #expect(Audit.Judging(codes: ["app/name-missing"]).keeps(entry), "production-only findings are the file's too")
        #expect(!Audit.Judging(codes: ["connection/disabled"]).keeps(entry))
        #expect(Audit.Judging(codes: ["connection/disabled", "file/invalid-json"]).keeps(error))
        #expect(!Audit.Judging(codes: ["file/schema"]).keeps(error))
        for code in Audit.codes { #expect(RuleTable.rule(code) != nil || code.hasPrefix("file/")) }
    }

    @Test func rulesInGeneralWordsFillNothingFromAFile() {
        for rule in RuleTable.all {
            for placeholder in ["{value}", "{label}", "{field}", "{hint}", "{expected}"] {
                #expect(!rule.generalMessage.contains(placeholder) && !rule.generalFix.contains(placeholder), "\(rule.code)")
            }
        }
        #expect(
            RuleTable.rule("permissions/unknown-scope")?.generalMessage
                == "The scope … is neither in the scope catalogue nor a granular scope (action:resource:product): probably a typo.")
        #expect(RuleTable.rule("authorization/callback-mismatch")?.generalFix.hasPrefix("Set the Callback URL to exactly …;") == true)
    }
}

@Suite struct AuditDocumentTests {
    func entries() -> [AuditEntry] {
        [
            .report(path: "a.json", Verdict(Readiness.evaluate(Fixtures.ready))),
            .report(path: "d.json", Verdict(Readiness.evaluate(VerdictTests.development()))),
            .error(path: "e.json", FileError(.invalidJSON, path: "e.json", "bad", at: TextPosition(line: 1, column: 2))),
        ]
    }

    /// The document as `audit` writes it, and the totals it ends with.
    func written(lines: Bool, byCode: Bool) -> (text: String, summary: AuditSummary) {
        var summary = AuditSummary(keepingPaths: byCode ? Int.max : 0)
        var document = AuditDocument(lines: lines, byCode: byCode)
        var text = document.start
        for entry in entries() {
            summary.add(entry)
            document.entry(entry.compactJSON) { text += $0 }
        }
        return (text + document.end(summary), summary)
    }

    @Test(arguments: [false, true])
    func theJSONDocumentIsTheEntriesTheSummaryAndByCode(byCode: Bool) throws {
        let (text, summary) = written(lines: false, byCode: byCode)
        var whole = JSONObject([("files", .array(entries().map(\.json))), ("summary", summary.json)])
        if byCode { whole["byCode"] = summary.byCodeJSON }
        #expect(text == JSONWriter.compact(.object(whole)) + "\n")
        #expect(summary.ready == 2 && summary.blockers == 0 && summary.warnings == 1 && summary.exitCode == 2)
    }

    @Test func theLinesAreAnEntryEachThenTheSummary() {
        let (text, summary) = written(lines: true, byCode: true)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 5 && lines.last == "")
        #expect(Array(lines.prefix(3)) == entries().map { JSONWriter.compact($0.json) })
        #expect(lines[3] == JSONWriter.compact(.object(JSONObject([("summary", summary.json), ("byCode", summary.byCodeJSON)]))))
    }

    /// `--by-code` text keeps only the first few paths of each code, in path order, however
    /// the files were shared out among threads.
    @Test func aFewPathsPerCodeAreTheFirstInPathOrder() {
        let paths = (0..<40).map { "f\(($0 * 17) % 40).json" }
        let entry = { (path: String) in AuditEntry.report(path: path, Verdict(Readiness.evaluate(VerdictTests.development()))) }
        var all = AuditSummary(keepingPaths: Int.max), few = AuditSummary(keepingPaths: 3)
        var parts = [AuditSummary(keepingPaths: 3), AuditSummary(keepingPaths: 3), AuditSummary(keepingPaths: 3)]
        for (i, path) in paths.enumerated() {
            all.add(entry(path))
            few.add(entry(path))
            parts[i % 3].add(entry(path))
        }
        parts[0].merge(parts[1])
        parts[0].merge(parts[2])
        for code in all.byCode.keys {
            #expect(few.paths(code) == Array(all.paths(code).prefix(3)))
            #expect(parts[0].paths(code) == few.paths(code))
            #expect(few.byCode[code] == 40)
        }
    }
}
