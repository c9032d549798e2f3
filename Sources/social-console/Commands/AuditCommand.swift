import ArgumentParser
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report what each settings file still needs before production.",
        discussion: "A folder means every *.json below it. Exit code: the highest of 0 ready, 1 a blocker, 2 a file error."
    )

    @Argument(help: "Settings files or folders.", completion: .file())
    var paths: [String]

    @Option(name: .long, help: "text, json or jsonl (one line per file as it is judged, then a summary line).")
    var format: AuditFormat = .text

    @Flag(name: .long, help: "Add how many files have each finding code (the fleet view); in JSON also which files.")
    var byCode = false

    @Flag(name: .long, help: "List only the files that are not ready; the summary still counts every file.")
    var onlyFailing = false

    @Option(name: .long, help: "Threads to judge files on (default: two per core).")
    var jobs: Int?

    var options: AuditOptions {
        AuditOptions(paths: paths, format: format, byCode: byCode, onlyFailing: onlyFailing, jobs: jobs)
    }

    func validate() throws { try options.validate() }

    func run() throws { try options.run() }
}

/// What `audit` was asked to do, apart from how it was asked: the argument parser and the
/// quick start-up path (QuickStart) both end here.
struct AuditOptions {
    var paths: [String]
    var format: AuditFormat = .text
    var byCode = false
    var onlyFailing = false
    var jobs: Int?

    static func isPlainFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    func validate() throws(ValidationError) {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        // Files are judged in parallel (ParallelAudit). Text and json come out in path
        // order, byte for byte as one thread would write them; jsonl as files are judged.
        // Text goes through Output.line like every command's text; JSON, already escaped
        // by its writer, is gathered into large writes.
        // Output redirected into a file below an audited folder is not audited.
        let ownOutput = Self.standardOutputFile()
        var probe = AuditFiles(paths, excluding: ownOutput)
        if probe.next() == nil {
            Output.error("no settings files found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let out = BufferedOutput(streaming: format == .jsonl)
        let format = self.format
        let onlyFailing = self.onlyFailing
        var first = true
        if format == .json { out.write("{\"files\": [") }
        var workers = jobs ?? ParallelAudit.defaultWorkers
        // A few plain files need no more threads than files: starting idle threads was a
        // tenth of the time of `audit` on one file.
        if jobs == nil, paths.count < workers, paths.allSatisfy(AuditOptions.isPlainFile) { workers = paths.count }
        // 32 entries a thread may wait for a slow file before that thread waits too: enough
        // to ride out a slow read, small enough that memory does not depend on the fleet.
        let summary = ParallelAudit.run(
            paths, workers: workers,
            order: format == .jsonl ? .asJudged : .byPath(window: 32 * workers),
            // Which files have each code is kept only when it is printed (JSON --by-code):
            // it is the one part of the output that grows with the fleet.
            pathsByCode: byCode && format != .text, excluding: ownOutput,
            render: { entry in
                // A ready file left out of the list renders as nothing; it still counts.
                if onlyFailing && entry.exitCode == 0 { return "" }
                return format == .text ? AuditText.render(entry) : entry.compactJSON
            },
            emit: { text in
                if text.isEmpty { return }
                switch format {
                case .text:
                    Output.line(text)
                case .json:
                    if !first { out.write(", ") }
                    first = false
                    out.write(text)
                case .jsonl:
                    out.write(text)
                    out.write("\n")
                    out.endOfRecord()
                }
            })
        switch format {
        case .text:
            Output.line(AuditText.summary(summary, byCode: byCode))
        case .json:
            var tail = "], \"summary\": " + JSONWriter.compact(summary.json)
            if byCode { tail += ", \"byCode\": " + JSONWriter.compact(summary.byCodeJSON) }
            out.write(tail + "}\n")
        case .jsonl:
            var last = JSONObject([("summary", summary.json)])
            if byCode { last["byCode"] = summary.byCodeJSON }
            out.write(JSONWriter.compact(.object(last)) + "\n")
        }
        out.flush()
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// The file standard output goes to, when it is a regular file.
    static func standardOutputFile() -> AuditFiles.Node? {
        var st = stat()
        guard fstat(1, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }
}

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
        var text = report.readyForProduction
            ? Output.green("ready for production") + (report.warnings.isEmpty ? "" : " (\(plural(report.warnings.count, "warning")))")
            : Output.red("not ready for production") + ": " + counts
        if report.environment == "development" {
            text = (report.readyForDevelopment ? Output.green("ready for development") : Output.red("not ready for development (connection not enabled)"))
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
