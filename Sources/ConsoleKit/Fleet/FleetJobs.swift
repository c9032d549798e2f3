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
