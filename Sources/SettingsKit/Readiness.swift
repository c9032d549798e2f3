/// The verdict on one instance's settings, judged for production.
public struct Report: Equatable, Sendable {
    /// Step order first, then blockers before warnings before notes, then the rule table's order.
    public let findings: [Finding]
    public let environment: String?
    public let connectionEnabled: Bool

    public var blockers: [Finding] { findings.filter { $0.severity == .blocker } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var notes: [Finding] { findings.filter { $0.severity == .info } }

    public func findings(for step: Step) -> [Finding] { findings.filter { $0.step == step } }
    public func findings(forField key: String) -> [Finding] { findings.filter { $0.field == key } }

    /// A step is complete when it has no blocker.
    public func isComplete(_ step: Step) -> Bool { !findings.contains { $0.step == step && $0.severity == .blocker } }

    public var readyForProduction: Bool { blockers.isEmpty }
    /// Development instances use shared credentials: enabling the connection is enough.
    public var readyForDevelopment: Bool { connectionEnabled }
}

/// The one rule engine: `audit`, `show`, the console's step marks and its Review
/// screen all read this.
public enum Readiness {
    public static func evaluate(_ settings: Settings, fileMode: UInt32? = nil) -> Report {
        let input = RuleInput(settings, fileMode: fileMode)
        let secrets = settings.text(Fields.secretKey).map { [$0] } ?? []
        var findings: [(Finding, Int)] = []
        for (order, rule) in RuleTable.all.enumerated() {
            guard let check = Rules.checks[rule.code] else { continue }
            for hit in check(input) {
                let finding = Finding(
                    code: rule.code, severity: rule.severity, step: rule.step,
                    field: hit.field ?? rule.field,
                    message: fill(rule.message, hit, secrets: secrets), fix: fill(rule.fix, hit, secrets: secrets))
                findings.append((finding, order))
            }
        }
        findings.sort { a, b in
            if a.0.step != b.0.step { return a.0.step < b.0.step }
            if a.0.severity != b.0.severity { return a.0.severity < b.0.severity }
            return a.1 < b.1
        }
        return Report(findings: findings.map(\.0),
                      environment: settings.text("instance.environment"),
                      connectionEnabled: settings.flag("connection.enabled") == true)
    }

    public static func evaluate(_ file: LoadedFile) -> Report { evaluate(file.settings, fileMode: file.mode) }

    /// Messages quote the offending value; a value holding the secret (pasted into the
    /// redirect URI, say) is quoted masked, as everywhere else.
    static func fill(_ template: String, _ hit: Hit, secrets: [String] = []) -> String {
        var out = template
        let value = Redaction.holdsSecret(.string(hit.value), secrets) ? Secret.mask(hit.value) : hit.value
        for (name, value) in [("{value}", value), ("{label}", hit.label), ("{field}", hit.field ?? "")] {
            out = out.replacingAll(name, with: value)
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
