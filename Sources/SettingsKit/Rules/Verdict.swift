/// A report judged for the environment its file is meant for: whether the file is ready,
/// which findings count, and which are listed only because production would need them.
/// `audit` and every other report, the console and plain mode read this one verdict.
///
/// A development instance signs in with Clerk's shared credentials: it is ready when its
/// connection is enabled. What only production needs (its own app, credentials, sharing)
/// is still listed, marked as such, and counts toward nothing. A file that names no valid
/// environment is judged for production.
public struct Verdict: Equatable, Sendable {
    /// What a file is judged for.
    public enum Basis: Equatable, Sendable {
        /// The environment the file names (production when it names none).
        case ownEnvironment
        /// Production, whatever the file names (`audit --for production`).
        case production
    }

    public let report: Report
    /// The environment the file is judged for.
    public let environment: Environment

    public init(_ report: Report, for basis: Basis = .ownEnvironment) {
        self.report = report
        environment = basis == .production ? .production : report.namedEnvironment ?? .production
    }

    /// The rules a development instance must pass too (the rows of rules.json and live.json
    /// marked `"development": true`); every other finding on one is listed for production only.
    public static let developmentCodes = RuleTable.developmentCodes

    /// How text marks a finding listed only for production, after its severity's glyph.
    public static let productionTag = "(production)"

    /// Whether the finding is listed only because production would need it.
    public func isProductionOnly(_ finding: Finding) -> Bool {
        environment == .development && !Verdict.developmentCodes.containsBytes(finding.code)
    }

    public var findings: [Finding] { report.findings }
    /// The findings that count for the environment judged for.
    public var counted: [Finding] { findings.filter { !isProductionOnly($0) } }
    /// The findings listed only for production.
    public var productionOnly: [Finding] { findings.filter(isProductionOnly) }
    public var blockers: [Finding] { counted.filter { $0.severity == .blocker } }
    public var warnings: [Finding] { counted.filter { $0.severity == .warning } }

    /// How many counted findings have this severity.
    public func count(_ severity: Severity) -> Int {
        findings.reduce(0) { $0 + ($1.severity == severity && !isProductionOnly($1) ? 1 : 0) }
    }

    /// Ready for the environment judged for: no blocker that counts.
    public var ready: Bool { !findings.contains { $0.severity == .blocker && !isProductionOnly($0) } }
    public var readyForProduction: Bool { report.readyForProduction }

    /// What `audit` exits with for this file alone: 0 ready, 1 a blocker.
    public var exitCode: Int32 { ready ? 0 : 1 }

    /// A step: complete, complete but for what production needs, or blocked.
    public enum StepState: Equatable, Sendable {
        case complete, productionOnly, incomplete

        /// The step's mark in a list of steps (✓, ◦ dim, ✗).
        public var glyph: String {
            switch self {
            case .complete: return "✓"
            case .productionOnly: return "◦"
            case .incomplete: return "✗"
            }
        }
    }

    public func state(of step: Step) -> StepState {
        var productionOnly = false
        for finding in findings where finding.step == step && finding.severity == .blocker {
            if !isProductionOnly(finding) { return .incomplete }
            productionOnly = true
        }
        return productionOnly ? .productionOnly : .complete
    }

    /// A step is complete when no blocker that counts is left in it.
    public func isComplete(_ step: Step) -> Bool { state(of: step) != .incomplete }

    /// A part of the headline, with the tone it is shown in.
    public struct Phrase: Equatable, Sendable {
        public enum Tone: Equatable, Sendable { case ready, notReady, plain }
        public let text: String
        public let tone: Tone

        init(_ text: String, _ tone: Tone) {
            self.text = text
            self.tone = tone
        }
    }

    /// The verdict in a line, as every report opens: "ready for development; not ready for
    /// production: 5 blockers, 1 warning". The counts are production's: what is left to do.
    public var headline: [Phrase] {
        var phrases: [Phrase] = []
        if report.namedEnvironment == .development {
            phrases.append(
                report.readyForDevelopment
                    ? Phrase("ready for development", .ready) : Phrase("not ready for development (connection not enabled)", .notReady))
            phrases.append(Phrase("; ", .plain))
        }
        let blockers = report.count(.blocker), warnings = report.count(.warning)
        if report.readyForProduction {
            phrases.append(Phrase("ready for production", .ready))
            if warnings > 0 { phrases.append(Phrase(" (\(plural(warnings, Severity.warning.word)))", .plain)) }
        } else {
            phrases.append(Phrase("not ready for production", .notReady))
            phrases.append(Phrase(": \(plural(blockers, Severity.blocker.word)), \(plural(warnings, Severity.warning.word))", .plain))
        }
        return phrases
    }
}
