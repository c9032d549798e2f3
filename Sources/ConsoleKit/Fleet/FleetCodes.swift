import SettingsKit

/// The finding and file error codes a fleet row can have (`Audit.codes`: the rule table's,
/// then a file's errors), each by its place in that list, so a row keeps its codes in two
/// words instead of a list of strings.
struct FleetCodes: Equatable, Hashable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// Every code, in `Audit.codes`' order.
    static let all: [String] = Audit.codes
    /// Room for 128 codes; `FleetListTests` checks the rule table still fits.
    static let capacity = 128

    private static let indexOf: [String: Int] = Dictionary(
        all.enumerated().prefix(capacity).map { ($1, $0) }, uniquingKeysWith: { first, _ in first })

    /// The place of `code` in `all` (nil for one the table does not know).
    static func index(of code: String) -> Int? { indexOf[code] }

    init() {}

    init(_ codes: some Sequence<String>) {
        for code in codes { if let i = Self.index(of: code) { insert(i) } }
    }

    mutating func insert(_ index: Int) {
        if index < 64 { low |= 1 << UInt64(index) } else if index < 128 { high |= 1 << UInt64(index - 64) }
    }

    func contains(_ index: Int) -> Bool {
        index < 64 ? low & (1 << UInt64(index)) != 0 : index < 128 && high & (1 << UInt64(index - 64)) != 0
    }

    func intersects(_ other: FleetCodes) -> Bool { low & other.low != 0 || high & other.high != 0 }

    func isSubset(of other: FleetCodes) -> Bool { low & ~other.low == 0 && high & ~other.high == 0 }

    var isEmpty: Bool { low == 0 && high == 0 }

    /// Calls `body` with the place of each code held, in `all`'s order, allocating nothing
    /// (the fleet's counts take every row added or removed through it).
    func forEach(_ body: (Int) -> Void) {
        var bits = low
        while bits != 0 {
            body(bits.trailingZeroBitCount)
            bits &= bits - 1
        }
        bits = high
        while bits != 0 {
            body(64 + bits.trailingZeroBitCount)
            bits &= bits - 1
        }
    }

    /// How a code's files are shown in the by-code panel: its rule's severity, or a file error.
    static func severity(of index: Int) -> Severity? { RuleTable.rule(all[index])?.severity }
}
