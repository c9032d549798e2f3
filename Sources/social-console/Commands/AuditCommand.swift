import ArgumentParser
import SettingsKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report what each settings file still needs before production.",
        discussion: "A folder means every *.json below it. Exit code: the highest of 0 ready, 1 a blocker, 2 a file error."
    )

    @Argument(help: "Settings files or folders.")
    var paths: [String]

    @Option(name: .long, help: "text, json or jsonl (one line per file as it is judged, then a summary line).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Add how many files have each finding code: the fleet view.")
    var byCode = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    }

    func run() throws {
        let files = Audit.collectFiles(paths)
        var summary = AuditSummary()
        var entries: [JSONValue] = []
        for path in files {
            let entry = Audit.judge(path)
            summary.add(entry)
            switch format {
            case .text: AuditText.print(entry)
            case .json: entries.append(entry.json)
            case .jsonl: Output.line(JSONWriter.compact(entry.json))
            }
        }
        switch format {
        case .text:
            AuditText.printSummary(summary, byCode: byCode)
        case .json:
            var top = JSONObject([("files", .array(entries)), ("summary", summary.json)])
            if byCode { top["byCode"] = summary.byCodeJSON }
            Output.line(JSONWriter.compact(.object(top)))
        case .jsonl:
            var last = JSONObject([("summary", summary.json)])
            if byCode { last["byCode"] = summary.byCodeJSON }
            Output.line(JSONWriter.compact(.object(last)))
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }
}

/// The human-readable audit: per file a headline, the step checklist, then blockers,
/// warnings and notes, each with its fix.
enum AuditText {
    static func print(_ entry: AuditEntry) {
        switch entry {
        case .error(let path, let error):
            Output.line("\(Output.bold(path))  \(Output.red("cannot be read"))")
            Output.line("  \(Output.red("✗")) \(error.description)")
            Output.line()
        case .report(let path, let report):
            Output.line("\(Output.bold(path))  \(report.environment ?? "(no environment)")  \(headline(report))")
            Output.line("  " + Step.allCases.map { "\(Output.stepMark(report.isComplete($0))) \($0.title)" }.joined(separator: "  "))
            section("Blockers", report.blockers)
            section("Warnings", report.warnings)
            section("Notes", report.notes)
            Output.line()
        }
    }

    static func headline(_ report: Report) -> String {
        let counts = "\(plural(report.blockers.count, "blocker")), \(plural(report.warnings.count, "warning"))"
        var text = report.readyForProduction
            ? Output.green("ready for production") + (report.warnings.isEmpty ? "" : " (\(plural(report.warnings.count, "warning")))")
            : Output.red("not ready for production") + ": " + counts
        if report.environment == "development" {
            text = (report.readyForDevelopment ? Output.green("ready for development") : Output.red("not ready for development (connection not enabled)"))
                + "; " + text
        }
        return text
    }

    static func section(_ title: String, _ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        Output.line("  \(title):")
        for f in findings {
            Output.line("    \(Output.mark(f.severity)) \(f.message) \(Output.dim("[\(f.code) · \(f.field)]"))")
            Output.line("      fix: \(f.fix)")
        }
    }

    static func printSummary(_ s: AuditSummary, byCode: Bool) {
        if byCode {
            Output.line(Output.bold("Files per finding code:"))
            let width = max(4, s.codeCounts.map(\.code.count).max() ?? 0)
            Output.line("  " + "code".padded(width) + "  severity  files")
            for row in s.codeCounts {
                Output.line("  " + row.code.padded(width) + "  " + row.severity.padded(8) + "  " + String(row.files).leftPadded(5))
            }
            Output.line()
        }
        var parts = ["\(plural(s.files, "file"))", "\(s.ready) ready", "\(plural(s.blockers, "blocker"))", "\(plural(s.warnings, "warning"))"]
        if s.errors > 0 { parts.append(Output.red("\(plural(s.errors, "file error"))")) }
        Output.line(parts.joined(separator: ", "))
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

extension String {
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
