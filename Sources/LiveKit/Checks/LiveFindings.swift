import SettingsKit

/// The live checks' findings, from Resources/live.json: codes, severities, steps and
/// wording as data, like the rule table's. Their checks are the live checks themselves.
public enum LiveFindings {
    struct Row {
        let code: String
        let severity: Severity
        let step: Step
        let field: String
        let message: String
        let fix: String
    }

    static let rows: [Row] = {
        guard case .array(let items)? = try? JSONParser.parse(Array(BundledResources.live.utf8)) else {
            fatalError("Resources/live.json is not a JSON list")
        }
        return items.map { item in
            let o = item.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            guard let severity = Severity(rawValue: s("severity")), let step = Step(rawValue: s("step")) else {
                fatalError("Resources/live.json: bad severity or step in \(s("code"))")
            }
            return Row(code: s("code"), severity: severity, step: step, field: s("field"), message: s("message"), fix: s("fix"))
        }
    }()

    /// Every live finding code, in table order.
    public static var codes: [String] { rows.map(\.code) }

    public static func severity(of code: String) -> Severity? { rows.first { $0.code == code }?.severity }

    /// The finding `code` with its placeholders ({value}, {keys}, {field}, {hint}) filled
    /// in, one pass each, so a filled-in value is never read as a placeholder.
    static func finding(_ code: String, _ values: [String: String] = [:]) -> Finding {
        guard let row = rows.first(where: { $0.code == code }) else { preconditionFailure("no live finding \(code)") }
        func fill(_ template: String) -> String {
            var out = ""
            var rest = Substring(template)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                let name = String(rest[rest.index(after: open)..<close])
                out += rest[..<open]
                if let value = values[name] { out += value } else { out += rest[open...close] }
                rest = rest[rest.index(after: close)...]
            }
            return out + rest
        }
        return Finding(code: row.code, severity: row.severity, step: row.step, field: fill(row.field), message: fill(row.message), fix: fill(row.fix))
    }
}
