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
}

/// The rule table, in file order: the order findings of one step and severity are listed in.
public enum RuleTable {
    public static let all: [RuleInfo] = {
        guard case .array(let rows)? = try? JSONParser.parse(Array(BundledResources.rules.utf8)) else {
            fatalError("Resources/rules.json is not a JSON list")
        }
        return rows.map { row in
            let o = row.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            guard let severity = Severity(rawValue: s("severity")), let step = Step(rawValue: s("step")) else {
                fatalError("Resources/rules.json: bad severity or step in \(s("code"))")
            }
            func named(_ key: String) -> [String: String] {
                var out: [String: String] = [:]
                for (name, text) in o[key]?.objectValue ?? JSONObject() { out[name] = text.stringValue }
                return out
            }
            return RuleInfo(
                code: s("code"), severity: severity, step: step, field: s("field"), message: s("message"), fix: s("fix"),
                messages: named("messages"), fixes: named("fixes"))
        }
    }()

    public static func rule(_ code: String) -> RuleInfo? { all.first { $0.code == code } }
}
