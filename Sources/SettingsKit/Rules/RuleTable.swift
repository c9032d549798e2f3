/// A rule's row from Resources/rules.json: everything but the check itself.
public struct RuleInfo: Equatable, Sendable {
    public let code: String
    public let severity: Severity
    public let step: Step
    public let field: String
    public let message: String
    public let fix: String
    /// Other messages for particular cases, by name (e.g. "notAChoice"): a check picks one.
    public let messages: [String: String]
    /// Other fixes for particular cases, by name, picked the same way.
    public let fixes: [String: String]
    /// A development instance must pass it too (`"development": true`); on one, any other
    /// finding is listed only for what production would need (`Verdict`).
    public let countsForDevelopment: Bool
}

/// The rule table, in file order: the order findings of one step and severity are listed in.
public enum RuleTable {
    /// Made at build time from Resources/rules.json (EmbedResourcesTool): no start parses it.
    public static let all: [RuleInfo] = EmbeddedResources.ruleTable

    /// `verify`'s live findings (Resources/live.json, made at build time the same way), rows
    /// of the same shape whose checks are the live checks themselves (LiveKit).
    public static let live: [RuleInfo] = EmbeddedResources.liveTable

    /// The codes a development instance must pass too, of both tables.
    public static let developmentCodes: [String] = (all + live).filter(\.countsForDevelopment).map(\.code)

    public static func rule(_ code: String) -> RuleInfo? { all.first { $0.code == code } }
}
