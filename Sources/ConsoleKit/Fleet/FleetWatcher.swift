import SettingsKit

#if canImport(Glibc)
import Glibc
#endif

/// The fleet list's job at work (`FleetWatch`): counts the settings files below the folder,
/// judges them all on the parallel audit's threads and posts their rows in batches as they
/// come, then watches the folder (inotify; where it cannot be had, a look at every file's
/// stamp every `Timing.poll`) and judges again only the files that changed, posting what
/// is new and what is gone. A file being written is left alone until its writer closes it.
final class FleetWatcher {
    struct Timing: Sendable {
        /// Rows go to the list at most this often while the audit runs.
        var batch: Duration
        /// After a change, how long to wait for the next before judging (a save comes in steps).
        var quiet: Duration
        /// Without inotify, how often every file's stamp is looked at.
        var poll: Duration
        /// A file written to and never closed is judged after this long without a change.
        var writingIdle: Duration
        /// inotify, where the system has it (tests look the other way too).
        var inotify: Bool
        var now: @Sendable () -> MonotonicInstant

        static let standard = Timing(
            batch: .milliseconds(50), quiet: .milliseconds(30), poll: .seconds(1), writingIdle: .seconds(2), inotify: true,
            now: { MonotonicInstant.now })
    }

    private let folder: String
    private let context: JobContext
    private let timing: Timing
    /// Files with a row, by path below the folder.
    private var known = Set<String>()
    /// Their identities as judged, kept only while changes are looked for by them (no inotify).
    private var stamps: [String: FileIdentity] = [:]
    /// Files being written: when they last were.
    private var writing: [String: MonotonicInstant] = [:]
    /// Files to judge again soon: they changed while they were read.
    private var unsettled: Set<String> = []
    private var events: FolderEvents?

    init(folder: String, context: JobContext, timing: Timing) {
        self.folder = folder
        self.context = context
        self.timing = timing
    }

    private func post(_ news: FleetEvent) { context.post(.fleet(news)) }

    /// Bytes of files judged at once (`ParallelAudit`'s budget): less than `audit`'s, as
    /// the list itself stays in memory beside them. Thousands of ordinary files still fit;
    /// a big one is judged alone.
    static let bytesInFlight = 1 << 20

    /// Lists, judges, then watches until the job is cancelled.
    func run() {
        // The list stays in memory for hours beside whatever big file was judged last.
        ParallelAudit.returnBigBlocksWhenFreed()
        // Judging thousands of files must not slow the keys and frames of the list itself.
        Threads.lowerPriorityOfThisThread()
        // Watching first: a file changed while the rest are judged is not missed. The walk
        // that sets the watches counts the files too.
        if timing.inotify { events = FolderEvents(folder) }
        var lost = false
        let count = events?.watch("", lost: &lost) ?? AuditFiles.count([folder])
        if lost { events = nil }
        post(.listed(count))
        judge([folder], workers: ParallelAudit.defaultWorkers)
        post(.loaded)
        if events == nil && timing.inotify {
            post(.watching("Changes on disk are looked for every \(timing.poll.components.seconds) s (no inotify)"))
        }
        watch()
    }

    /// Judges files once more (`FleetJudge`): below the folder.
    func judgeAgain(_ paths: [String]) {
        judge(paths.map { FleetWatch.path($0, in: folder) }, workers: min(ParallelAudit.defaultWorkers, paths.count))
    }

    /// Judges `paths` (files, or folders for every file below them) and posts the rows as
    /// they come, the first at once, then in batches.
    private func judge(_ paths: [String], workers: Int) {
        var batches = FleetBatches(interval: timing.batch)
        var gone: [String] = []
        let folder = self.folder, context = self.context
        _ = ParallelAudit.run(
            paths, workers: max(1, workers), order: .asJudged, bytesInFlight: Self.bytesInFlight,
            judge: { path, admit, _ -> (FleetJudging.Outcome, bytes: Int) in
                let relative = FleetWatch.relative(path, in: folder)
                // Cancelled: the rest of the walk goes by unread.
                if context.isCancelled { return (.unsettled(relative), 0) }
                return (FleetJudging.judge(relative, in: folder, admit: admit), 0)
            },
            emit: { (outcome: FleetJudging.Outcome) in
                switch outcome {
                case .row(let row, let stamp):
                    self.known.insert(row.path)
                    if self.events == nil { self.stamps[row.path] = stamp }
                    if let batch = batches.add(row, now: self.timing.now()) { self.post(.judged(batch)) }
                case .gone(let path):
                    self.known.remove(path)
                    self.stamps[path] = nil
                    gone.append(path)
                case .unsettled(let path):
                    self.unsettled.insert(path)
                }
            })
        if let rest = batches.flush() { post(.judged(rest)) }
        if !gone.isEmpty { post(.removed(gone)) }
    }

    // MARK: Watching

    private func watch() {
        var lastPoll = timing.now()
        while !context.isCancelled {
            var changed = Set<String>()
            var goneFolders: [String] = []
            var everything = false
            if let watching = events {
                if watching.wait(milliseconds: 200) {
                    // An editor's or a save's steps come close together: take them all first.
                    let start = timing.now()
                    repeat {
                        for change in watching.changes() {
                            take(change, into: &changed, goneFolders: &goneFolders, everything: &everything)
                        }
                    } while timing.now() - start < .milliseconds(250) && watching.wait(milliseconds: Int32(timing.quiet.wholeMilliseconds))
                }
            } else if timing.now() - lastPoll >= timing.poll {
                lastPoll = timing.now()
                everything = true
            } else {
                usleep(50_000)
            }
            for (path, since) in writing where timing.now() - since >= timing.writingIdle {
                writing[path] = nil
                changed.insert(path)
            }
            changed.formUnion(unsettled)
            unsettled = []
            if !goneFolders.isEmpty { forget(below: goneFolders) }
            if everything { changed.formUnion(lookAgain(comparingStamps: events == nil)) }
            if !changed.isEmpty {
                judge(changed.sorted().map { FleetWatch.path($0, in: folder) }, workers: min(ParallelAudit.defaultWorkers, changed.count))
            }
        }
    }

    private func take(_ change: FolderEvents.Change, into changed: inout Set<String>, goneFolders: inout [String], everything: inout Bool) {
        switch change {
        case .file(let path), .gone(let path):
            writing[path] = nil
            changed.insert(path)
        case .writing(let path):
            // Left alone until its writer closes it (or stops for `writingIdle`).
            writing[path] = timing.now()
            changed.remove(path)
        case .folder(let path):
            var lost = false
            _ = events?.watch(path, lost: &lost)
            if lost {
                events = nil
                post(.watching("Too many folders to watch: changes on disk are looked for every \(timing.poll.components.seconds) s"))
            }
            changed.insert(path)
        case .goneFolder(let path):
            goneFolders.append(path)
        case .overflow:
            everything = true
        }
    }

    /// Rows of folders that went, with every file below them.
    private func forget(below folders: [String]) {
        forget(known.filter { path in folders.contains { $0.isEmpty || path.hasPrefix($0 + "/") } })
    }

    /// Files that are gone: no longer known, and their rows removed.
    private func forget(_ gone: Set<String>) {
        known.subtract(gone)
        for path in gone { stamps[path] = nil }
        if !gone.isEmpty { post(.removed(gone.sorted())) }
    }

    /// Walks the folder again: the files that are gone are posted, and the files to judge
    /// are returned (those whose stamp changed, or all of them after inotify lost track).
    private func lookAgain(comparingStamps: Bool) -> Set<String> {
        var seen = Set<String>()
        var changed = Set<String>()
        for path in AuditFiles([folder]) {
            let relative = FleetWatch.relative(path, in: folder)
            seen.insert(relative)
            if !comparingStamps { changed.insert(relative); continue }
            if let stamp = stamps[relative], stamp == SystemIO.status(path).map(FileIdentity.init) { continue }
            changed.insert(relative)
        }
        forget(known.subtracting(seen))
        return changed
    }
}
