import SettingsKit

/// The live checks' findings, from Resources/live.json (`RuleTable.live`): codes,
/// severities, steps and wording as data, like the rule table's. Their checks are the live
/// checks themselves.
public enum LiveFindings {
    /// Every live finding code, in table order.
    public static var codes: [String] { RuleTable.live.map(\.code) }

    public static func severity(of code: String) -> Severity? { RuleTable.live.first { $0.code == code }?.severity }

    /// The finding `code` with its placeholders ({value}, {label}, {field}, {hint}) filled in.
    static func finding(_ code: String, value: String = "", label: String = "", field: String? = nil, hint: String = "") -> Finding {
        guard let row = RuleTable.live.first(where: { $0.code == code }) else { preconditionFailure("no live finding \(code)") }
        return row.finding(value: value, label: label, field: field, hint: hint)
    }
}
