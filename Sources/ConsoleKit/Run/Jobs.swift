import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The jobs a session started (`Effect.start`), each on a thread of its own, and the
/// events they post, which the run loop takes between reads of the terminal (at least
/// every 100 ms) and feeds to the reducer like any other event. A cancelled job is told
/// (`JobContext.isCancelled`) and whatever it posts afterwards is dropped.
public final class Jobs: Sendable {
    private struct State {
        var events: [Event] = []
        var running: Set<Job.ID> = []
        var cancelled: Set<Job.ID> = []
        /// What running jobs asked to have run when they are cancelled.
        var onCancel: [Job.ID: [@Sendable () -> Void]] = [:]
    }

    private let performer: any JobPerformer
    private let state = Mutex(State())

    public init(performer: any JobPerformer = NoJobs()) {
        self.performer = performer
    }

    /// Starts `job` on a new thread. A job whose id is running already is not started twice.
    func start(_ job: Job) {
        let fresh = state.withLock { state in
            state.cancelled.remove(job.id)
            return state.running.insert(job.id).inserted
        }
        guard fresh else { return }
        let context = JobContext(id: job.id, jobs: self)
        Self.detach { [performer] in
            performer.perform(job, context)
            self.state.withLock { state in
                state.running.remove(job.id)
                state.cancelled.remove(job.id)
                state.onCancel[job.id] = nil
            }
        }
    }

    func cancel(_ id: Job.ID) {
        let handlers = state.withLock { state -> [@Sendable () -> Void] in
            guard state.running.contains(id) else { return [] }
            state.cancelled.insert(id)
            return state.onCancel.removeValue(forKey: id) ?? []
        }
        for handler in handlers { handler() }
    }

    fileprivate func onCancel(_ id: Job.ID, _ handler: @escaping @Sendable () -> Void) {
        let now = state.withLock { state -> Bool in
            if state.cancelled.contains(id) { return true }
            state.onCancel[id, default: []].append(handler)
            return false
        }
        if now { handler() }
    }

    /// What the jobs posted since the last call, in the order they posted it.
    public func takeEvents() -> [Event] {
        state.withLock { state in
            defer { state.events.removeAll() }
            return state.events
        }
    }

    /// Whether any job is still running.
    public var isBusy: Bool { state.withLock { !$0.running.isEmpty } }

    fileprivate func post(_ event: Event, from id: Job.ID) {
        state.withLock { state in
            if !state.cancelled.contains(id) { state.events.append(event) }
        }
    }

    fileprivate func isCancelled(_ id: Job.ID) -> Bool { state.withLock { $0.cancelled.contains(id) } }

    /// A detached POSIX thread: jobs may block (a network request), which the cooperative
    /// thread pool of Swift's concurrency must not be made to do. (`ParallelAudit` starts
    /// its workers the same way but joins them: it waits for the audit; the run loop never
    /// waits for a job.)
    static func detach(_ body: @escaping @Sendable () -> Void) {
        final class Box: Sendable {
            let body: @Sendable () -> Void
            init(_ body: @escaping @Sendable () -> Void) { self.body = body }
        }
        let box = Unmanaged.passRetained(Box(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                box.body()
                return nil
            }, box)
        if started == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: the work runs here rather than not at all.
            Unmanaged<Box>.fromOpaque(box).takeRetainedValue().body()
        }
    }
}

/// What a running job is given: where to post what it finds, and whether to stop.
public final class JobContext: Sendable {
    public let id: Job.ID
    private let jobs: Jobs

    init(id: Job.ID, jobs: Jobs) {
        self.id = id
        self.jobs = jobs
    }

    /// Hands `event` to the run loop (dropped once the job was cancelled).
    public func post(_ event: Event) { jobs.post(event, from: id) }

    /// The session asked the job to stop: return soon, posting nothing more.
    public var isCancelled: Bool { jobs.isCancelled(id) }

    /// Runs `handler` when the job is cancelled (at once if it is already): for work that
    /// is stopped its own way, as a live check's requests by their `Cancellation`.
    public func onCancel(_ handler: @escaping @Sendable () -> Void) { jobs.onCancel(id, handler) }
}
