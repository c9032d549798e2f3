import SettingsKit

/// `--format junit`: JUnit XML, which CI systems show as test results. A file is a test
/// suite named by its path, each step a test case that fails with the step's blockers; a
/// file that cannot be read is one test case in error. Warnings, notes and what only
/// production needs go to the test case's output. The counts in the attributes are those
/// of the elements written.
struct AuditJUnit: AuditWriter {
    var start: String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"social-console audit\">\n" }

    func render(_ entry: AuditEntry) -> String {
        let path = AuditJUnit.escaped(entry.path)
        switch entry {
        case .error(_, let error):
            return """
                  <testsuite name="\(path)" tests="1" failures="0" errors="1" skipped="0">
                    <testcase name="file" classname="\(path)">
                      <error message="\(AuditJUnit.escaped(error.message))" type="\(error.code.rawValue)">\
                \(AuditJUnit.escaped(error.description))</error>
                    </testcase>
                  </testsuite>

                """
        case .report(_, let verdict):
            var cases = ""
            var failures = 0
            for step in Step.allCases {
                let findings = verdict.findings.filter { $0.step == step }
                let blockers = findings.filter { $0.severity == .blocker && !verdict.isProductionOnly($0) }
                let others = findings.filter { $0.severity != .blocker || verdict.isProductionOnly($0) }
                cases += "    <testcase name=\"\(step.title)\" classname=\"\(path)\""
                if blockers.isEmpty && others.isEmpty {
                    cases += "/>\n"
                    continue
                }
                cases += ">\n"
                if !blockers.isEmpty {
                    failures += 1
                    let message = AuditJUnit.escaped(plural(blockers.count, Severity.blocker.word))
                    cases += "      <failure message=\"\(message)\" type=\"blocker\">"
                    cases += blockers.map { AuditJUnit.line($0, verdict) }.joined(separator: "\n") + "</failure>\n"
                }
                if !others.isEmpty {
                    cases += "      <system-out>" + others.map { AuditJUnit.line($0, verdict) }.joined(separator: "\n") + "</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            return "  <testsuite name=\"\(path)\" tests=\"\(Step.allCases.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
                + cases + "  </testsuite>\n"
        }
    }

    func part(_ text: String, to write: (String) -> Void) { write(text) }

    func end(_ summary: AuditSummary) -> String { "</testsuites>\n" }

    /// A finding as text output's two lines: mark, code, message, then its fix. The line
    /// break between them is the only one: each line is escaped on its own.
    static func line(_ finding: Finding, _ verdict: Verdict) -> String {
        let production = verdict.isProductionOnly(finding) ? " " + Verdict.productionTag : ""
        return escaped("\(finding.severity.glyph)\(production) \(finding.code): \(finding.message)") + "\n" + escaped("  fix: \(finding.fix)")
    }

    /// Text for XML 1.0, in an attribute or an element: markup characters as entities, and
    /// every character that does not show as itself (which XML 1.0 forbids, for most
    /// controls) as a visible escape, as text output writes them, line breaks and tabs
    /// too: a file's line feed must not forge a line of the report a CI system shows.
    static func escaped(_ text: String) -> String {
        text.rewritingScalars { scalars, i in
            let s = scalars[i]
            let replacement: String
            switch s {
            case "&": replacement = "&amp;"
            case "<": replacement = "&lt;"
            case ">": replacement = "&gt;"
            case "\"": replacement = "&quot;"
            default:
                guard s.isHiddenFromDisplay || s.value == 0xFFFE || s.value == 0xFFFF else { return nil }
                replacement = s.displayEscape
            }
            return (replacement, scalars.index(after: i))
        }
    }
}
