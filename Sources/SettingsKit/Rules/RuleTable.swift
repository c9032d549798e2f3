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
    public static let all: [RuleInfo] = rows(BundledResources.rules, file: "rules.json")

    /// `verify`'s live findings (Resources/live.json), rows of the same shape whose checks
    /// are the live checks themselves (LiveKit).
    public static let live: [RuleInfo] = rows(BundledResources.live, file: "live.json")

    /// The codes a development instance must pass too, of both tables.
    public static let developmentCodes: [String] = (all + live).filter(\.countsForDevelopment).map(\.code)

    static func rows(_ json: String, file: String) -> [RuleInfo] {
        guard case .array(let rows)? = try? JSONParser.parse(Array(json.utf8)) else {
            fatalError("Resources/\(file) is not a JSON list")
        }
        return rows.map { row in
            let o = row.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            guard let severity = Severity(rawValue: s("severity")), let step = Step(rawValue: s("step")) else {
                fatalError("Resources/\(file): bad severity or step in \(s("code"))")
            }
            func named(_ key: String) -> [String: String] {
                var out: [String: String] = [:]
                for (name, text) in o[key]?.objectValue ?? JSONObject() { out[name] = text.stringValue }
                return out
            }
            return RuleInfo(
                code: s("code"), severity: severity, step: step, field: s("field"), message: s("message"), fix: s("fix"),
                messages: named("messages"), fixes: named("fixes"), countsForDevelopment: o["development"] == .bool(true))
        }
    }

    public static func rule(_ code: String) -> RuleInfo? { all.first { $0.code == code } }
}
