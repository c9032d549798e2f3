import SettingsKit

/// The human-readable audit: per file a headline, the step checklist, then blockers,
/// warnings and notes, each with its fix; what only production needs marked "(production)".
struct AuditText: AuditWriter {
    let byCode: Bool

    /// How many files `--by-code` lists under each code.
    static let filesPerCode = 10
    var pathsPerCode: Int { byCode ? AuditText.filesPerCode : 0 }

    func render(_ entry: AuditEntry) -> String { Output.safe(lines: AuditText.render(entry)) }

    /// A file's part and a blank line before the next file.
    func part(_ text: String, to write: (String) -> Void) {
        write(text)
        write("\n")
    }

    func end(_ summary: AuditSummary) -> String { Output.safe(lines: AuditText.summary(summary, byCode: byCode)) }

    /// One file's part of the text, line by line: each is one line of output, whatever a
    /// path or value holds.
    static func render(_ entry: AuditEntry) -> [String] {
        var lines: [String] = []
        switch entry {
        case .error(let path, let error):
            lines.append("\(Output.bold(path))  \(Output.red("cannot be read"))")
            lines.append("  \(Output.red(Severity.blocker.glyph)) \(error.description)")
        case .report(let path, let verdict):
            let report = verdict.report
            lines.append("\(Output.bold(path))  \(report.environment ?? "(no environment)")  \(Output.headline(verdict))")
            lines.append("  " + Step.allCases.map { "\(Output.stepMark(verdict.state(of: $0))) \($0.title)" }.joined(separator: "  "))
            for severity in Severity.allCases {
                let findings = report.findings.filter { $0.severity == severity }
                guard !findings.isEmpty else { continue }
                lines.append("  \(severity.word.prefix(1).uppercased() + severity.word.dropFirst())s:")
                for f in findings {
                    lines.append("    \(Output.mark(f, in: verdict)) \(f.message) \(Output.dim("[\(f.code) · \(f.field)]"))")
                    lines.append("      fix: \(f.fix)")
                }
            }
            for left in report.leftOut { lines.append("  (\(plural(left.count, "more \(left.code) finding")) left out)") }
        }
        return lines
    }

    /// The totals line, after the table of files per finding code when asked for: each
    /// code with the first files that have it.
    static func summary(_ s: AuditSummary, byCode: Bool) -> [String] {
        var lines: [String] = []
        if byCode {
            lines.append(Output.bold("Files per finding code:"))
            let width = max(4, s.codeCounts.map(\.code.count).max() ?? 0)
            lines.append("  " + "code".padded(width) + "  severity  files")
            for row in s.codeCounts {
                lines.append("  " + row.code.padded(width) + "  " + row.severity.padded(8) + "  " + String(row.files).leftPadded(5))
                let paths = s.paths(row.code)
                for path in paths { lines.append("      " + path) }
                if row.files > paths.count { lines.append("      and \(row.files - paths.count) more") }
            }
            lines.append("")
        }
        var parts = ["\(plural(s.files, "file"))", "\(s.ready) ready", "\(plural(s.blockers, "blocker"))", "\(plural(s.warnings, "warning"))"]
        if s.errors > 0 { parts.append(Output.red("\(plural(s.errors, "file error"))")) }
        lines.append(parts.joined(separator: ", "))
        return lines
    }
}
