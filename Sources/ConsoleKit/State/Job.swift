/// Work that may take long (a check against Clerk and Atlassian, a fleet audit): the
/// reducer describes it as a value (`Effect.start`), the effect runner does it on a
/// thread of its own, and what it finds comes back as events while the operator goes on
/// typing, as a Bubble Tea command returns its messages. Cancelling is an effect too
/// (`Effect.cancel`): the work is told, and nothing it posts afterwards is delivered.
///
/// A new kind of work is a new `JobWork` type (the data that describes it) and its case
/// in the `JobPerformer` the executable gives the runner (the code that does it).
public struct Job: Equatable, Sendable {
    public struct ID: Hashable, Sendable {
        public let value: Int
        public init(_ value: Int) { self.value = value }
    }

    public let id: ID
    public let work: any JobWork

    public init(id: ID, work: any JobWork) {
        self.id = id
        self.work = work
    }

    public static func == (a: Job, b: Job) -> Bool { a.id == b.id && a.work.isSame(as: b.work) }
}

/// What a job is to do, as data (which check, for which file).
public protocol JobWork: Sendable {
    /// Whether `other` describes the same work (effects are compared, in tests too).
    func isSame(as other: any JobWork) -> Bool
}

extension JobWork where Self: Equatable {
    public func isSame(as other: any JobWork) -> Bool { (other as? Self) == self }
}

/// Does the work a job describes, on the job's own thread: posts what it finds through
/// `context` and returns when done, or soon after `context.isCancelled`.
public protocol JobPerformer: Sendable {
    func perform(_ job: Job, _ context: JobContext)
}

/// The performer that knows no work: every job ends at once, having posted nothing.
public struct NoJobs: JobPerformer {
    public init() {}
    public func perform(_ job: Job, _ context: JobContext) {}
}
