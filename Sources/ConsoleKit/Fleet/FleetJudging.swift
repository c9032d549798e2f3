import SettingsKit

#if canImport(Glibc)
import Glibc
#endif

/// One file of a fleet judged for its row: the audit's own judging (`Audit.judge`, the
/// secrets of the file masked as `audit` masks them), taken only of a file that did not
/// change while it was read, so that a file being written meanwhile never becomes a row's
/// verdict.
enum FleetJudging {
    /// What judging a file came to.
    enum Outcome: Equatable, Sendable {
        /// Its row, and the file's identity as it was read (nil: it could not be read).
        case row(FleetRow, FileIdentity?)
        /// No such file any more.
        case gone(String)
        /// It changed while it was read, or it is broken and was written a moment ago (a
        /// writer halfway through): judged again once it is left alone.
        case unsettled(String)
    }

    /// A broken file changed less than this long ago may be one being written.
    static let settleSeconds = 1.0

    /// Judges `relative` below `folder`; `admit` is the parallel audit's budget; `now`,
    /// the wall clock in seconds.
    static func judge(
        _ relative: String, in folder: String, admit: (Int) -> Void = { _ in }, now: () -> Double = wallClock
    )
        -> Outcome
    {
        let path = FleetWatch.path(relative, in: folder)
        var opened: FileIdentity?, read: FileIdentity?
        let (entry, filter) = ParallelAudit.masked(
            Audit.judge(path, admit: admit) {
                opened = $0
                read = $1
            })
        // A link that leads nowhere is a file of the folder all the same: a row, as in `audit`.
        if case .error(_, let error) = entry, error.code == .notFound, SystemIO.linkStatus(path) == nil { return .gone(relative) }
        if let opened, let read, opened != read { return .unsettled(relative) }
        // Not read at all (a FIFO, a folder, no permission): as it is now.
        let identity = read ?? SystemIO.status(path).map(FileIdentity.init)
        // A file that reads as broken just after a change may be a writer's half: it waits.
        if case .error = entry, let identity, (0..<settleSeconds).contains(now() - identity.changed) { return .unsettled(relative) }
        return .row(FleetRow(path: relative, entry, filter: filter), identity)
    }

    /// Seconds since the epoch.
    @Sendable static func wallClock() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
