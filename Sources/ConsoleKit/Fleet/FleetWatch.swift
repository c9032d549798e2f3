import SettingsKit

/// The fleet list's job: walk the folder, judge every settings file below it on the
/// parallel audit's threads (`ParallelAudit`, `Audit.judge`, the one `Verdict`), post the
/// rows as they come, then watch the folder and judge again what changes, until the list
/// is closed. Done by `FleetJobs`.
public struct FleetWatch: JobWork, Equatable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// A path below `folder` as the system knows it.
    static func path(_ relative: String, in folder: String) -> String {
        relative.isEmpty ? folder : AuditFiles.joinable(folder) + "/" + relative
    }

    /// What `AuditFiles` found below `folder`, as a path below it.
    static func relative(_ path: String, in folder: String) -> String {
        let base = AuditFiles.joinable(folder)
        guard path.hasPrefix(base) else { return path }
        let rest = path.dropFirst(base.count)
        return String(rest.first == "/" ? rest.dropFirst() : rest)
    }
}

/// Files of a fleet to judge once more (the file whose walkthrough was just left).
public struct FleetJudge: JobWork, Equatable {
    public let folder: String
    /// Below `folder`.
    public let paths: [String]
}

/// Does the fleet list's jobs (`FleetWatch`, `FleetJudge`); any other work goes to `next`
/// (a walkthrough's own jobs, say Review's live checks).
public struct FleetJobs: JobPerformer {
    let next: any JobPerformer
    /// How the watch tells time and how often it posts what it found.
    let timing: FleetWatcher.Timing

    public init(next: any JobPerformer = NoJobs()) {
        self.init(next: next, timing: .standard)
    }

    init(next: any JobPerformer = NoJobs(), timing: FleetWatcher.Timing) {
        self.next = next
        self.timing = timing
    }

    public func perform(_ job: Job, _ context: JobContext) {
        if let watch = job.work as? FleetWatch {
            FleetWatcher(folder: watch.folder, context: context, timing: timing).run()
        } else if let judge = job.work as? FleetJudge {
            FleetWatcher(folder: judge.folder, context: context, timing: timing).judgeAgain(judge.paths)
        } else {
            next.perform(job, context)
        }
    }
}
