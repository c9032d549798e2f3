import SettingsKit

/// One file of a fleet as the list shows it: a summary of its verdict, not the parsed
/// file, so 100,000 rows fit in a few megabytes. Made on the thread that judged the file,
/// with the file's own secrets masked in all it shows.
public struct FleetRow: Equatable, Sendable {
    /// The file below the fleet's folder ("eu/acme.json"): what names the row.
    let path: String
    /// The path as shown and filtered, when the file is named after its own secret; nil
    /// when that is `path` itself.
    let maskedPath: String?
    /// `instance.environment` as the file has it ("" when it has none), masked and cut
    /// short: a hostile value is no wider than a real one.
    let environment: String
    /// Ready for the environment it names (`Verdict.ready`); never for a file error.
    let ready: Bool
    /// The file could not be judged (`codes` holds its error).
    let isError: Bool
    /// Blockers and warnings that count for its environment, as `audit` counts them.
    let blockers: Int32
    let warnings: Int32
    /// The first blocker's code, or the file error's, by its place in `FleetCodes.all`
    /// (-1: none).
    let first: Int16
    /// How many columns the path takes on screen (measured by the thread that judged it).
    let pathWidth: UInt16
    /// Where the environment sorts: development, production, another value, none (or a
    /// file error).
    let environmentRank: UInt8
    static let otherEnvironment: UInt8 = 2
    /// Every code the file has, production-only findings included (the by-code panel
    /// counts files as `audit --by-code` does).
    let codes: FleetCodes

    /// The longest environment a row keeps, in characters.
    static let environmentLimit = 20

    init(
        path: String, maskedPath: String? = nil, environment: String = "", ready: Bool = false, isError: Bool = false,
        blockers: Int = 0, warnings: Int = 0, first: String? = nil, codes: [String] = []
    ) {
        self.path = path
        self.maskedPath = maskedPath
        pathWidth = UInt16(clamping: DisplayWidth.of((maskedPath ?? path).displayEscaped))
        self.environment =
            environment.count > Self.environmentLimit ? String(environment.prefix(Self.environmentLimit - 1)) + "…" : environment
        self.ready = ready
        self.isError = isError
        switch Environment(named: environment) {
        case _ where isError || environment.isEmpty: environmentRank = 3
        case .development?: environmentRank = 0
        case .production?: environmentRank = 1
        case nil: environmentRank = Self.otherEnvironment
        }
        self.blockers = Int32(clamping: blockers)
        self.warnings = Int32(clamping: warnings)
        self.first = first.flatMap(FleetCodes.index(of:)).map { Int16($0) } ?? -1
        self.codes = FleetCodes(codes)
    }

    /// The row of a judged file. `path`: below the fleet's folder; `filter`: the file's
    /// secrets, masked in what the row shows (`ParallelAudit.masked`).
    init(path: String, _ entry: AuditEntry, filter: SecretFilter) {
        let shown = filter.scrub(path)
        switch entry {
        case .report(_, let verdict):
            self.init(
                path: path, maskedPath: shown == path ? nil : shown, environment: filter.scrub(verdict.report.environment ?? ""),
                ready: verdict.ready, blockers: verdict.count(.blocker), warnings: verdict.count(.warning),
                first: verdict.blockers.first?.code, codes: verdict.findings.map(\.code))
        case .error(_, let error):
            self.init(path: path, maskedPath: shown == path ? nil : shown, isError: true, first: error.code.rawValue, codes: [error.code.rawValue])
        }
    }

    /// What the list shows and the filter reads for the path.
    var shownPath: String { maskedPath ?? path }

    /// The first blocker's or the error's code, if any.
    var firstCode: String? { first >= 0 ? FleetCodes.all[Int(first)] : nil }
}
