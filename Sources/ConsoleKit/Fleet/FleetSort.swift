/// The orders of the fleet list; `s` goes to the next. Each ends with the path, so the
/// order is the same however the rows came in.
enum FleetSort: CaseIterable, Equatable, Sendable {
    /// The worst first: files that cannot be read, then most blockers, then most warnings.
    case blockers
    case path
    /// Development, then production, then other values, then files naming none.
    case environment

    var next: FleetSort {
        let all = FleetSort.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// As the status line names it.
    var name: String {
        switch self {
        case .blockers: return "blockers"
        case .path: return "path"
        case .environment: return "environment"
        }
    }

    /// Whether row `a` comes before row `b` (places in `rows`). Rows are read where they
    /// are and paths as bytes (`FleetPaths`): a copy of a row or a path is a string retained
    /// and released, on each of a sort's million steps.
    func less(_ a: Int, _ b: Int, _ rows: UnsafePointer<FleetRow>, _ paths: FleetPaths.View) -> Bool {
        let (x, y) = (rows + a, rows + b)
        switch self {
        case .blockers:
            if x.pointee.isError != y.pointee.isError { return x.pointee.isError }
            if x.pointee.blockers != y.pointee.blockers { return x.pointee.blockers > y.pointee.blockers }
            if x.pointee.warnings != y.pointee.warnings { return x.pointee.warnings > y.pointee.warnings }
        case .path:
            break
        case .environment:
            if x.pointee.environmentRank != y.pointee.environmentRank { return x.pointee.environmentRank < y.pointee.environmentRank }
            if x.pointee.environmentRank == FleetRow.otherEnvironment, x.pointee.environment != y.pointee.environment {
                return x.pointee.environment.utf8.lexicographicallyPrecedes(y.pointee.environment.utf8)
            }
            if x.pointee.blockers != y.pointee.blockers { return x.pointee.blockers > y.pointee.blockers }
        }
        return paths.before(a, b)
    }
}
