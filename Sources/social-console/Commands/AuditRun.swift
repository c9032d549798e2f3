import ArgumentsKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// One run of `audit`: what it was asked, apart from how it was asked (AuditCommand reads
/// it from the command line), and running it.
struct AuditRun {
    var paths: [String]
    var format: AuditFormat = .text
    var byCode = false
    var onlyFailing = false
    var jobs: Int?
    /// `--for production`: every file judged for production, whatever it names.
    var judgedFor: AuditTarget?
    /// `--code`: only the files with one of these codes.
    var codes: [String] = []
    /// `-q`: the exit status only.
    var quiet = false

    /// The path that stands for the paths read from standard input, one a line.
    static let standardInput = "-"
    /// More paths than this on standard input is refused rather than held.
    static let standardInputLimit = 64 << 20

    static func isPlainFile(_ path: String) -> Bool {
        guard let st = SystemIO.status(path) else { return false }
        return (st.st_mode & S_IFMT) == S_IFREG
    }

    func validate() throws(UsageError) {
        if paths.isEmpty { throw UsageError("give at least one file or folder (- reads their paths from standard input)") }
        if let jobs, jobs < 1 { throw UsageError("--jobs must be at least 1") }
        if byCode, format == .table || format == .junit {
            throw UsageError("--by-code goes with --format text, json, jsonl or sarif, not \(format.rawValue)")
        }
        for code in codes where !Audit.codes.containsBytes(code) {
            let near = EditDistance.nearest(to: code, in: Audit.codes, limit: max(2, code.count / 4))
            throw UsageError("--code: no finding has the code \"\(code)\"" + (near.map { "; did you mean \"\($0)\"?" } ?? ""))
        }
    }

    var judging: Audit.Judging {
        Audit.Judging(basis: judgedFor == .production ? .production : .ownEnvironment, codes: codes, locatingFields: format == .sarif && !quiet)
    }

    /// The writer of the format asked for.
    var writer: any AuditWriter {
        if quiet { return AuditQuiet() }
        switch format {
        case .text: return AuditText(byCode: byCode)
        case .json, .jsonl: return AuditJSON(document: AuditDocument(lines: format == .jsonl, byCode: byCode))
        case .table: return AuditTable()
        case .sarif: return AuditSARIF(byCode: byCode)
        case .junit: return AuditJUnit()
        }
    }

    func run() throws {
        // Files are judged in parallel (ParallelAudit). Every format but jsonl comes out in
        // path order, byte for byte as one thread would write it; jsonl as files are judged.
        // Each file's part is made by the thread that judged it (text made safe as every
        // command's text is, Output.safe), and gathered into large writes.
        let paths = try readingStandardInput(self.paths)
        // Output redirected into a file below an audited folder is not audited.
        let ownOutput = Self.standardOutputFile()
        var probe = AuditFiles(paths, excluding: ownOutput)
        if probe.next() == nil {
            let named = self.paths.map { $0 == Self.standardInput ? "standard input" : $0 }
            Output.error("no settings files found in \(named.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let out = BufferedOutput(streaming: format == .jsonl || format == .text)
        // Read once here, before the threads that use them start.
        _ = (Output.colour, TextLocale.outputIsUTF8)
        var writer = self.writer
        let renderer = writer
        let onlyFailing = self.onlyFailing
        out.write(writer.start)
        var workers = min(jobs ?? ParallelAudit.defaultWorkers, ParallelAudit.mostWorkers)
        // A few plain files need no more threads than files: starting idle threads was a
        // tenth of the time of `audit` on one file.
        if jobs == nil, paths.count < workers, paths.allSatisfy(AuditRun.isPlainFile) { workers = paths.count }
        // 32 entries a thread may wait for a slow file before that thread waits too: enough
        // to ride out a slow read, small enough that memory does not depend on the fleet.
        let summary = ParallelAudit.run(
            paths, workers: workers,
            order: format == .jsonl ? .asJudged : .byPath(window: 32 * workers),
            judging: judging,
            pathsByCode: writer.pathsPerCode,
            excluding: ownOutput,
            render: { entry in
                // A ready file left out of the list renders as nothing; it still counts.
                if onlyFailing && entry.exitCode == 0 { return "" }
                return renderer.render(entry)
            },
            emit: { text in
                if text.isEmpty { return }
                writer.part(text, to: out.write)
                out.endOfRecord()
            })
        out.write(writer.end(summary))
        out.flush()
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// The paths, with `-` replaced by the lines of standard input (`find … | audit -`);
    /// empty lines are skipped.
    func readingStandardInput(_ paths: [String]) throws -> [String] {
        guard paths.contains(Self.standardInput) else { return paths }
        let bytes = SystemIO.readAll(0, limit: Self.standardInputLimit)
        if bytes.count > Self.standardInputLimit {
            Output.error("more than \(Self.standardInputLimit >> 20) MiB of paths on standard input; give folders instead")
            throw ExitCode(2)
        }
        // Names are bytes: a line that is not UTF-8 still names its file (`SystemPath`).
        let lines = bytes.split(separator: UInt8(ascii: "\n")).map { SystemPath.string(fromBytes: $0) }
        return paths.flatMap { $0 == Self.standardInput ? lines : [$0] }
    }

    /// The file standard output goes to, when it is a regular file.
    static func standardOutputFile() -> AuditFiles.Node? {
        var st = stat()
        guard fstat(1, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return (UInt64(st.st_dev), UInt64(st.st_ino))
    }
}
