import LiveKit
import SettingsKit

/// `verify`'s text: the audit's text of each file (its findings now with the live ones),
/// then what each live check came to.
enum VerifyText {
    static let probeLimits =
        "Atlassian's answer tells whether it accepts the Client ID and Secret; nothing about callback URLs, scopes or sharing."

    /// One file's part, line by line as `AuditText.render` gives it, with the live checks after.
    static func render(_ verified: VerifyEntry) -> [String] {
        var lines = AuditText.render(verified.entry)
        guard let live = verified.live else { return lines }
        lines.append("  Live checks (\(live.time)):")
        for check in live.checks {
            switch check.outcome {
            case .ran:
                lines.append("    \(Output.green("✓")) \(check.check.rawValue): \(check.check.name) answered")
            case .skipped(let why):
                lines.append("    \(Output.dim("-")) \(check.check.rawValue): skipped: \(why)")
            case .failed(let error):
                lines.append("    \(Output.red("✗")) \(check.check.rawValue): could not run: \(error)")
            }
        }
        if live.checks.contains(where: { $0.check == .atlassian && $0.outcome == .ran }) { lines.append("  " + Output.dim(probeLimits)) }
        return lines
    }

    static func summary(_ summary: AuditSummary, checkErrors: Int) -> [String] {
        var lines = AuditText.summary(summary, byCode: false)
        if checkErrors > 0, !lines.isEmpty { lines[lines.count - 1] += ", " + Output.red(plural(checkErrors, "live check") + " could not run") }
        return lines
    }
}
