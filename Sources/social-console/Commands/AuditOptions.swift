import ArgumentParser
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

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
        // Text is made safe as every command's text is (Output.safe), by the thread that judged the file; JSON, already escaped
        // by its writer, is gathered into large writes.
        // Output redirected into a file below an audited folder is not audited.
        let ownOutput = Self.standardOutputFile()
        var probe = AuditFiles(paths, excluding: ownOutput)
        if probe.next() == nil {
            Output.error("no settings files found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let out = BufferedOutput(streaming: format == .jsonl)
        // Read once here, before the threads that use them start.
        _ = (Output.colour, TextLocale.outputIsUTF8)
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
                return format == .text ? Output.safe(AuditText.render(entry)) : entry.compactJSON
            },
            emit: { text in
                if text.isEmpty { return }
                switch format {
                case .text:
                    Output.print(text)  // made safe by `render`
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
