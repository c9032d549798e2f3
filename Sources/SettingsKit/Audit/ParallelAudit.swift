#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Judges many files at once on a few threads, with memory that stays flat however
/// many files there are: files are found as they are needed (`AuditFiles`), each
/// verdict is rendered to text by the thread that judged it and then only that text is
/// kept until its turn to be written, and totals are summed per thread.
///
/// Memory is bounded for the whole run, not only per file: at most `bytesInFlight` bytes
/// of files are being judged or waiting to be written at once, however many threads
/// there are (a file's parsed tree takes many times its size: Benchmarks/README.md has figures),
/// and the memory a big file's tree took is given back when it is done. A thread whose
/// next file would go over waits for others to finish, except that one file is always
/// let through (none in flight, or the file whose turn it is to be written), so the run
/// never stalls: the bound is `bytesInFlight` plus one file.
///
/// Plain POSIX threads, so SettingsKit needs neither Foundation nor Dispatch.
public enum ParallelAudit {
    public enum Order: Sendable {
        /// In path order, as `Audit.collectFiles` lists them. At most `window` verdicts
        /// wait for an earlier, slower file; a thread that gets that far ahead waits.
        case byPath(window: Int)
        /// Each as soon as it is judged (for streaming output).
        case asJudged
    }

    /// Threads to use: two per core, so a thread waiting on a slow read does not leave
    /// a core idle.
    public static var defaultWorkers: Int {
        let cores = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return max(1, min(64, 2 * Int(cores > 0 ? cores : 1)))
    }

    /// The most threads a run starts, whatever it is asked for.
    public static let mostWorkers = 256

    /// Bytes of files in flight at once (see the type's notes): the largest file the store
    /// reads, so hostile files are judged one at a time (with the one whose turn it is to
    /// be written), while thousands of ordinary ones (about 1 KiB each) fit at once.
    public static let defaultBytesInFlight = SettingsStore.sizeLimit

    /// Files at least this big give the memory of their tree back to the system when done.
    static let trimAfter = 1_048_576

    /// Judges every file below `paths` and hands each one's text to `emit`, one call at a
    /// time (never two at once) in the order asked for. Returns the totals.
    /// - Parameters:
    ///   - judging: how each file is judged, and which files are kept (the others are
    ///     neither rendered nor counted).
    ///   - bytesInFlight: the budget of bytes of files being judged or waiting at once.
    ///   - pathsByCode: also keep, per finding code, the paths of this many of the files
    ///     that have it, the first in path order (`Int.max`: all).
    ///   - render: turns a verdict into the text to write; runs on the worker threads.
    ///   - emit: receives the rendered text; runs on whichever thread holds the turn.
    ///   - excluding: a file left out whatever its name (`AuditFiles`).
    public static func run(
        _ paths: [String], workers: Int = defaultWorkers, order: Order,
        judging: Audit.Judging = Audit.Judging(), bytesInFlight: Int = defaultBytesInFlight,
        pathsByCode: Int = 0,
        excluding: AuditFiles.Node? = nil,
        render: @escaping @Sendable (AuditEntry) -> String,
        emit: @escaping (String) -> Void
    ) -> AuditSummary {
        run(
            paths, workers: workers, order: order, bytesInFlight: bytesInFlight, pathsByCode: pathsByCode, excluding: excluding,
            judge: { path, admit, totals in
                // The one sink of each file's output: its secrets masked in whatever is written
                // about it, its path included (a file named after its own secret).
                let (entry, filter) = masked(Audit.judge(path, judging, admit: admit))
                let kept = judging.keeps(entry)
                if kept { totals.add(entry) }
                let text = kept ? filter.scrub(render(entry)) : ""
                return (text, text.utf8.count)
            }, emit: emit)
    }

    /// The same walk, threads and budget for any use of the files' verdicts (the console's
    /// fleet list keeps a summary of each): `judge` does what a file needs on a worker
    /// thread (`Audit.judge`, with `admit` for the budget), adds what it counts to that
    /// thread's `totals`, and returns what `emit` is handed with the bytes it holds while
    /// it waits (counted in the budget beside the file's own size).
    public static func run<Output>(
        _ paths: [String], workers: Int = defaultWorkers, order: Order, bytesInFlight: Int = defaultBytesInFlight,
        pathsByCode: Int = 0, excluding: AuditFiles.Node? = nil,
        judge: @escaping @Sendable (_ path: String, _ admit: (Int) -> Void, _ totals: inout AuditSummary) -> (Output, bytes: Int),
        emit: @escaping (Output) -> Void
    ) -> AuditSummary {
        let pool = Pool(
            files: AuditFiles(paths, excluding: excluding), order: order, budget: bytesInFlight, keepingPaths: pathsByCode,
            judge: judge, emit: emit)
        // This thread works too: one worker fewer to start.
        Threads.runAll(Array(repeating: { pool.work() }, count: min(max(1, workers), mostWorkers)))
        return pool.summary
    }

    /// Blocks of a MiB and more go back to the system as soon as they are freed. glibc
    /// otherwise raises that threshold after the first big block it frees, and each worker
    /// thread's arena then keeps the memory of the last big file it judged: for a process
    /// that stays up beside what it judged (the console's fleet list), not for `audit`.
    public static func returnBigBlocksWhenFreed() {
        #if canImport(Glibc)
        _ = glibcMallopt(-3, 1 << 20)  // M_MMAP_THRESHOLD: fixed, so never raised
        #endif
    }

    /// A verdict as output may show it, and the filter of its file's secrets for the rest:
    /// the path masked when the file is named after its own secret.
    public static func masked(_ entry: AuditEntry) -> (AuditEntry, SecretFilter) {
        guard case .report(let path, let verdict) = entry, !verdict.report.secrets.isEmpty else { return (entry, SecretFilter()) }
        let filter = SecretFilter(verdict.report.secrets)
        let shown = filter.scrub(path)
        return (shown == path ? entry : .report(path: shown, verdict), filter)
    }
}

/// The state the worker threads share, all of it behind one monitor. It is signalled
/// when a verdict is written (its bytes leave the budget), so threads waiting for the
/// window or for room in the budget move on.
private final class Pool<Output>: @unchecked Sendable {
    private let monitor = Monitor()

    private var files: AuditFiles
    private let order: ParallelAudit.Order
    private let judge: @Sendable (String, (Int) -> Void, inout AuditSummary) -> (Output, bytes: Int)
    private let emit: (Output) -> Void

    /// The sequence number the next file taken gets.
    private var taken = 0
    /// The sequence number to write next (path order only).
    private var nextToWrite = 0
    /// Rendered verdicts that came in before their turn, by sequence number, with the
    /// bytes each holds in the budget.
    private var waiting: [Int: (output: Output, bytes: Int)] = [:]
    /// Bytes of files being judged or waiting to be written, and the most there may be.
    private var inFlight = 0
    private let budget: Int
    private(set) var summary: AuditSummary
    private let keepsPaths: Int

    init(
        files: AuditFiles, order: ParallelAudit.Order, budget: Int, keepingPaths: Int,
        judge: @escaping @Sendable (String, (Int) -> Void, inout AuditSummary) -> (Output, bytes: Int),
        emit: @escaping (Output) -> Void
    ) {
        self.files = files
        self.order = order
        self.budget = budget
        self.keepsPaths = keepingPaths
        self.summary = AuditSummary(keepingPaths: keepingPaths)
        self.judge = judge
        self.emit = emit
    }

    /// Takes files one at a time until none are left.
    func work() {
        var totals = AuditSummary(keepingPaths: keepsPaths)
        while true {
            let next = monitor.locked { () -> (path: String, sequence: Int)? in
                if case .byPath(let window) = order {
                    while taken - nextToWrite >= max(1, window) { monitor.wait() }
                }
                // Walking folders happens here, under the lock: one thread at a time reads a listing.
                guard let path = files.next() else {
                    summary.merge(totals)
                    return nil
                }
                taken += 1
                return (path, taken - 1)
            }
            guard let (path, sequence) = next else { return }

            var bytes = 0
            let (output, held) = judge(path, { size in bytes = self.admit(size, sequence: sequence) }, &totals)
            // The file's tree is freed by now; each thread frees into its own malloc arena,
            // which would keep that memory from the next big file on another thread.
            if bytes >= ParallelAudit.trimAfter { releaseFreedMemory() }

            monitor.locked {
                // An output longer than its file (messages quoting long values) counts as itself.
                if held > bytes {
                    inFlight += held - bytes
                    bytes = held
                }
                switch order {
                case .asJudged:
                    emit(output)
                    inFlight -= bytes
                case .byPath:
                    waiting[sequence] = (output, bytes)
                    while let next = waiting.removeValue(forKey: nextToWrite) {
                        emit(next.output)
                        inFlight -= next.bytes
                        nextToWrite += 1
                    }
                }
                monitor.broadcast()
            }
        }
    }

    private func releaseFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Waits until a file of `size` bytes fits in the budget, then counts it in. Always
    /// lets one through: when nothing else is in flight, or when it is the file whose
    /// turn it is to be written (the others wait for it). Returns the bytes counted.
    private func admit(_ size: Int, sequence: Int) -> Int {
        monitor.locked {
            func isNext() -> Bool {
                if case .byPath = order { return sequence == nextToWrite }
                return false
            }
            while inFlight > 0 && inFlight + size > budget && !isNext() { monitor.wait() }
            inFlight += size
            return size
        }
    }
}

extension AuditSummary {
    /// Adds another part's totals, as if its files had been added here one by one.
    public mutating func merge(_ other: AuditSummary) {
        files += other.files
        ready += other.ready
        blockers += other.blockers
        warnings += other.warnings
        errors += other.errors
        exitCode = max(exitCode, other.exitCode)
        for (code, n) in other.byCode { byCode[code, default: 0] += n }
        for (code, paths) in other.pathsByCode { keep(paths, for: code) }
    }
}

#if canImport(Glibc)
/// glibc's malloc_trim(3) and mallopt(3): <malloc.h> is not part of the Glibc module.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32

@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
