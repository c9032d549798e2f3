import SettingsKit

/// The fleet list's columns at a width, as `audit --format table` has them (path,
/// environment, ready, blockers, warnings, first blocker): full headings from 120 columns,
/// short ones below, and fewer columns on narrow screens, where the path keeps the room.
struct FleetColumns: Equatable, Sendable {
    enum Kind: Equatable, Sendable { case path, environment, ready, blockers, warnings, first }

    struct Column: Equatable, Sendable {
        let kind: Kind
        let heading: String
        let x: Int
        let width: Int
        /// Counts are aligned on the right.
        var alignsRight: Bool { kind == .blockers || kind == .warnings }
    }

    let columns: [Column]
    /// Environments by their short names ("prod", "dev").
    let shortNames: Bool

    /// Left of the path: the cursor's mark and a space.
    static let markWidth = 2
    static let gap = 2
    /// The longest code, so a first blocker is never cut where there is room for it.
    static let longestCode = FleetCodes.all.map(\.count).max() ?? 30

    /// `widestPath`: the widest path of the list, in columns (`FleetList.widestPath`).
    init(width: Int, widestPath: Int) {
        let wide = width >= 120
        shortNames = !wide
        // Heading and width of each fixed column, in the order shown.
        var fixed: [(Kind, String, Int)] =
            wide
            ? [(.environment, "ENVIRONMENT", 11), (.ready, "READY", 5), (.blockers, "BLOCKERS", 8), (.warnings, "WARNINGS", 8)]
            : [(.environment, "ENV", 4), (.ready, "READY", 5), (.blockers, "BLK", 3), (.warnings, "WARN", 4)]
        // Narrower, the path keeps the room: the first blocker is in the by-code panel
        // and the file; narrower still, the warnings go too.
        let showsFirst = width >= 70
        if width < 60 { fixed.removeAll { $0.0 == .warnings } }
        let fixedWidth = fixed.reduce(0) { $0 + $1.2 + Self.gap }
        let rest = max(0, width - Self.markWidth - fixedWidth - 1)
        var path = max(4, rest)
        if showsFirst {
            // The paths as wide as they are and the codes whole, where there is room; else
            // the path gives way down to half the room.
            let need = max(4, widestPath)
            path =
                need + Self.gap + Self.longestCode <= rest
                ? rest - Self.gap - Self.longestCode : min(need, max(rest - Self.gap - Self.longestCode, rest / 2))
        }
        var out = [Column(kind: .path, heading: "PATH", x: Self.markWidth, width: path)]
        var x = Self.markWidth + path + Self.gap
        for (kind, heading, w) in fixed {
            out.append(Column(kind: kind, heading: heading, x: x, width: w))
            x += w + Self.gap
        }
        if showsFirst { out.append(Column(kind: .first, heading: "FIRST BLOCKER", x: x, width: max(0, width - x - 1))) }
        columns = out
    }

    /// A cell's text, cut to its column (the path and the code end in "…" when cut).
    func text(of row: FleetRow, in column: Column) -> String {
        switch column.kind {
        case .path: return TextWrap.truncate(row.shownPath.displayEscaped, width: column.width)
        case .environment:
            if row.isError || row.environment.isEmpty { return "-" }
            let name = shortNames ? Self.shortName(row.environment) : row.environment
            return TextWrap.truncate(name.displayEscaped, width: column.width)
        case .ready: return row.isError ? (column.width >= 5 ? "error" : "!") : row.ready ? "✓" : "✗"
        case .blockers: return row.isError ? "-" : String(row.blockers)
        case .warnings: return row.isError ? "-" : String(row.warnings)
        case .first: return TextWrap.truncate(row.firstCode ?? "-", width: column.width)
        }
    }

    static func shortName(_ environment: String) -> String {
        switch Environment(named: environment) {
        case .production?: return "prod"
        case .development?: return "dev"
        case nil: return environment
        }
    }
}
