/// What the rules found in one instance's settings, judged for production. Whether that
/// stops the file depends on the environment it is meant for: `Verdict` says so.
public struct Report: Equatable, Sendable {
    /// Step order first, then blockers before warnings before notes, then the rule table's order.
    public let findings: [Finding]
    /// `instance.environment` as the file has it, whatever it is.
    public let environment: String?
    public let connectionEnabled: Bool
    /// Findings left out because one rule found more than `Readiness.findingsPerRule` in
    /// the file, by code, in rule-table order: reports say how many.
    public var leftOut: [LeftOut] = []
    /// The file's secrets (`Secret.values`): whatever shows this report (a path, a
    /// message) must not show them. The messages are masked already; an output sink masks
    /// all it writes about the file with these too (`SecretFilter`).
    public var secrets: [String] = []

    /// Where the findings' fields are named in the file, when asked for (`audit --format sarif`).
    public var fieldPositions: KeyPositions?

    public struct LeftOut: Equatable, Sendable {
        public let code: String
        public let count: Int
    }

    /// The report with more findings (the live checks' of `verify`), each placed by its
    /// step and severity as the rules' own are; among equals, after them.
    public func adding(_ more: [Finding]) -> Report {
        var all = findings
        for finding in more {
            let at = all.firstIndex { $0.step > finding.step || ($0.step == finding.step && $0.severity > finding.severity) } ?? all.count
            all.insert(finding, at: at)
        }
        var report = Report(findings: all, environment: environment, connectionEnabled: connectionEnabled, leftOut: leftOut)
        // Still the same file: its secrets and where its keys are stay with it.
        report.secrets = secrets
        report.fieldPositions = fieldPositions
        return report
    }

    public var blockers: [Finding] { findings.filter { $0.severity == .blocker } }
    public var warnings: [Finding] { findings.filter { $0.severity == .warning } }
    public var notes: [Finding] { findings.filter { $0.severity == .info } }

    public func findings(for step: Step) -> [Finding] { findings.filter { $0.step == step } }
    public func findings(forField key: String) -> [Finding] { findings.filter { $0.field == key } }

    /// A step is complete when it has no blocker.
    public func isComplete(_ step: Step) -> Bool { !findings.contains { $0.step == step && $0.severity == .blocker } }

    public var readyForProduction: Bool { !findings.contains { $0.severity == .blocker } }

    /// How many findings have this severity.
    public func count(_ severity: Severity) -> Int { findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) } }
    /// Development instances use shared credentials: enabling the connection is enough.
    public var readyForDevelopment: Bool { connectionEnabled }

    /// The environment the file names; nil when it names none of them.
    public var namedEnvironment: Environment? { Environment(named: environment) }

    /// The findings here that `old` does not have: what a change brought in. A finding is
    /// the same when its code, field and message are, byte for byte (a message quotes the
    /// value, so a new bad value is a new finding).
    public func introduced(since old: Report) -> [Finding] {
        func key(_ f: Finding) -> [UInt8] { Array((f.code + "\u{0}" + f.field + "\u{0}" + f.message).utf8) }
        let before = Set(old.findings.map(key))
        return findings.filter { !before.contains(key($0)) }
    }
}
