/// The title's totals and the by-code panel's counts, kept as rows come and go (a row is
/// taken out before its new verdict is added), never summed over the whole list again.
struct FleetCounts: Equatable, Sendable {
    var files = 0
    var ready = 0
    /// Files whose blockers count for their environment.
    var withBlockers = 0
    var errors = 0
    /// Files with each code, by its place in `FleetCodes.all`.
    private(set) var byCode = [Int](repeating: 0, count: FleetCodes.all.count)

    mutating func add(_ row: FleetRow) { count(row, 1) }
    mutating func remove(_ row: FleetRow) { count(row, -1) }

    private mutating func count(_ row: FleetRow, _ n: Int) {
        files += n
        if row.isError {
            errors += n
        } else if row.ready {
            ready += n
        } else {
            withBlockers += n
        }
        row.codes.forEach { if $0 < byCode.count { byCode[$0] += n } }
    }

    /// The codes some file has, most files first; ties in the rule table's order.
    var codesByCount: [(code: Int, files: Int)] {
        byCode.enumerated().filter { $0.element > 0 }.map { ($0.offset, $0.element) }
            .sorted { $0.files != $1.files ? $0.files > $1.files : $0.code < $1.code }
    }
}
