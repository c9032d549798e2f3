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
/// there are (a file's parsed tree takes many times its size: the README has figures),
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

    /// Bytes of files in flight at once (see the type's notes): the largest file the store
    /// reads, so hostile files are judged one at a time (with the one whose turn it is to
    /// be written), while thousands of ordinary ones (about 1 KiB each) fit at once.
    public static let defaultBytesInFlight = SettingsStore.sizeLimit

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
        let pool = Pool(
            files: AuditFiles(paths, excluding: excluding), order: order, judging: judging, budget: bytesInFlight,
            keepingPaths: pathsByCode,
            render: render, emit: emit)
        // This thread works too: one worker fewer to start.
        Threads.runAll(Array(repeating: { pool.work() }, count: min(max(1, workers), 256)))
        return pool.summary
    }
}

/// The state the worker threads share, all of it behind one monitor. It is signalled
/// when a verdict is written (its bytes leave the budget), so threads waiting for the
/// window or for room in the budget move on.
private final class Pool: @unchecked Sendable {
    private let monitor = Monitor()

    private var files: AuditFiles
    private let order: ParallelAudit.Order
    private let render: @Sendable (AuditEntry) -> String
    private let emit: (String) -> Void

    /// The sequence number the next file taken gets.
    private var taken = 0
    /// The sequence number to write next (path order only).
    private var nextToWrite = 0
    /// Rendered verdicts that came in before their turn, by sequence number, with the
    /// bytes each holds in the budget.
    private var waiting: [Int: (text: String, bytes: Int)] = [:]
    /// Bytes of files being judged or waiting to be written, and the most there may be.
    private var inFlight = 0
    private let budget: Int
    private(set) var summary: AuditSummary
    private let keepsPaths: Int
    private let judging: Audit.Judging

    init(
        files: AuditFiles, order: ParallelAudit.Order, judging: Audit.Judging, budget: Int, keepingPaths: Int,
        render: @escaping @Sendable (AuditEntry) -> String, emit: @escaping (String) -> Void
    ) {
        self.files = files
        self.order = order
        self.judging = judging
        self.budget = budget
        self.keepsPaths = keepingPaths
        self.summary = AuditSummary(keepingPaths: keepingPaths)
        self.render = render
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

            // The one sink of each file's output: its secrets masked in whatever is written
            // about it, its path included (a file named after its own secret).
            var bytes = 0
            let (entry, filter) = Self.masked(Audit.judge(path, judging) { size in bytes = self.admit(size, sequence: sequence) })
            let kept = judging.keeps(entry)
            if kept { totals.add(entry) }
            let text = kept ? filter.scrub(render(entry)) : ""
            // The file's tree is freed by now; each thread frees into its own malloc arena,
            // which would keep that memory from the next big file on another thread.
            if bytes >= Self.trimAfter { releaseFreedMemory() }

            monitor.locked {
                // A text longer than its file (messages quoting long values) counts as itself.
                if text.utf8.count > bytes {
                    inFlight += text.utf8.count - bytes
                    bytes = text.utf8.count
                }
                switch order {
                case .asJudged:
                    emit(text)
                    inFlight -= bytes
                case .byPath:
                    waiting[sequence] = (text, bytes)
                    while let next = waiting.removeValue(forKey: nextToWrite) {
                        emit(next.text)
                        inFlight -= next.bytes
                        nextToWrite += 1
                    }
                }
                monitor.broadcast()
            }
        }
    }

    /// Files at least this big give the memory of their tree back to the system when done.
    static let trimAfter = 1_048_576

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

extension Pool {
    /// A verdict as output may show it, and the filter of its file's secrets for the rest.
    static func masked(_ entry: AuditEntry) -> (AuditEntry, SecretFilter) {
        guard case .report(let path, let verdict) = entry, !verdict.report.secrets.isEmpty else { return (entry, SecretFilter()) }
        let filter = SecretFilter(verdict.report.secrets)
        let shown = filter.scrub(path)
        return (shown == path ? entry : .report(path: shown, verdict), filter)
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
/// glibc's malloc_trim(3): <malloc.h> is not part of the Glibc module.
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
