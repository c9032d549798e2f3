import ArgumentParser
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// The human-readable audit: per file a headline, the step checklist, then blockers,
/// warnings and notes, each with its fix.
enum AuditText {
    /// One file's part of the text, ending with a line break: printed as a line, it
    /// leaves a blank line before the next file.
    static func render(_ entry: AuditEntry) -> String {
        var lines: [String] = []
        switch entry {
        case .error(let path, let error):
            lines.append("\(Output.bold(path))  \(Output.red("cannot be read"))")
            lines.append("  \(Output.red("✗")) \(error.description)")
        case .report(let path, let report):
            lines.append("\(Output.bold(path))  \(report.environment ?? "(no environment)")  \(headline(report))")
            lines.append("  " + Step.allCases.map { "\(Output.stepMark(report.isComplete($0))) \($0.title)" }.joined(separator: "  "))
            section("Blockers", report.blockers, into: &lines)
            section("Warnings", report.warnings, into: &lines)
            section("Notes", report.notes, into: &lines)
            for left in report.leftOut { lines.append("  (\(plural(left.count, "more \(left.code) finding")) left out)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func headline(_ report: Report) -> String {
        let counts = "\(plural(report.blockers.count, "blocker")), \(plural(report.warnings.count, "warning"))"
        var text =
            report.readyForProduction
            ? Output.green("ready for production") + (report.warnings.isEmpty ? "" : " (\(plural(report.warnings.count, "warning")))")
            : Output.red("not ready for production") + ": " + counts
        if report.environment == "development" {
            text =
                (report.readyForDevelopment
                    ? Output.green("ready for development") : Output.red("not ready for development (connection not enabled)"))
                + "; " + text
        }
        return text
    }

    static func section(_ title: String, _ findings: [Finding], into lines: inout [String]) {
        guard !findings.isEmpty else { return }
        lines.append("  \(title):")
        for f in findings {
            lines.append("    \(Output.mark(f.severity)) \(f.message) \(Output.dim("[\(f.code) · \(f.field)]"))")
            lines.append("      fix: \(f.fix)")
        }
    }

    /// The totals line, after the table of files per finding code when asked for.
    static func summary(_ s: AuditSummary, byCode: Bool) -> String {
        var lines: [String] = []
        if byCode {
            lines.append(Output.bold("Files per finding code:"))
            let width = max(4, s.codeCounts.map(\.code.count).max() ?? 0)
            lines.append("  " + "code".padded(width) + "  severity  files")
            for row in s.codeCounts {
                lines.append("  " + row.code.padded(width) + "  " + row.severity.padded(8) + "  " + String(row.files).leftPadded(5))
            }
            lines.append("")
        }
        var parts = ["\(plural(s.files, "file"))", "\(s.ready) ready", "\(plural(s.blockers, "blocker"))", "\(plural(s.warnings, "warning"))"]
        if s.errors > 0 { parts.append(Output.red("\(plural(s.errors, "file error"))")) }
        lines.append(parts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }
}
