import LiveKit
import SettingsKit

#if canImport(Glibc)
import Glibc
#endif

/// Does the console's live work (`LiveWork`) on the job's own thread: LiveKit's task,
/// with the process's environment and the work's key; the spinner's news every
/// `tickMilliseconds` meanwhile; a cancelled job's requests ended through their `Cancellation`; and, once a
/// push was written, its history line through the store. Work of any other kind goes to
/// `next`, so the executable can chain performers.
public struct LivePerformer: JobPerformer {
    /// How a task is done: `LiveJob.run`, or a test's stand-in for the network.
    public typealias Run = @Sendable (LiveTask, LiveEnvironment, Cancellation) -> LiveResult

    let environment: LiveEnvironment
    let next: any JobPerformer
    let tickMilliseconds: Int
    let run: Run

    /// `environment`: URLs, CA bundle and timeouts from the process (its key is not used:
    /// each piece of work carries the key the console holds).
    public init(
        environment: LiveEnvironment, next: any JobPerformer = NoJobs(), tickMilliseconds: Int = 100,
        run: @escaping Run = { LiveJob.run($0, environment: $1, cancel: $2) }
    ) {
        self.environment = environment
        self.next = next
        self.tickMilliseconds = tickMilliseconds
        self.run = run
    }

    public func perform(_ job: Job, _ context: JobContext) {
        guard let work = job.work as? LiveWork else { return next.perform(job, context) }
        var environment = self.environment
        environment.key = work.key
        let cancel = Cancellation()
        context.onCancel { cancel.cancel() }
        // The spinner turns on a thread of its own while this one waits on the network.
        let finished = Locked(false)
        let tick = UInt32(max(1, tickMilliseconds) * 1000)
        Threads.detach {
            while true {
                usleep(tick)
                if finished.with({ $0 }) { return }
                context.post(.live(.working(job.id)))
            }
        }
        let result = run(work.task, environment, cancel)
        finished.with { $0 = true }
        context.post(.live(.finished(job.id, result, historyError: record(result, work))))
    }

    /// A push that was written gets its history line, as every save records one: what was
    /// pushed (the secret only as changed) and where. Returns why it could not be written.
    func record(_ result: LiveResult, _ work: LiveWork) -> String? {
        guard case .pushed(let plan, .applied) = result, let path = work.historyPath else { return nil }
        do {
            try plan.recordHistory(in: path, key: work.key)
            return nil
        } catch {
            return error.message
        }
    }
}
