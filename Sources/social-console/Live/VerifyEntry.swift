import LiveKit
import SettingsKit

/// One file's verdict in `verify`: the audit's entry, with the live findings added to its
/// report, and what each live check came to.
struct VerifyEntry: Sendable {
    let entry: AuditEntry
    /// Nil for a file that could not be read: no live check ran for it.
    let live: LiveVerdict?

    /// 2 when a check could not run (or the file could not be read), else the audit's.
    var exitCode: Int32 { max(entry.exitCode, live?.failed == true ? 2 : 0) }

    /// Judges one file as `audit` does, with the live checks of the settings it read
    /// among the rules' findings: the file is read once. `live` is nil for a file that
    /// could not be read.
    static func judge(_ path: String, admit: (Int) -> Void, environment: LiveEnvironment, answers: LiveAnswers) -> VerifyEntry {
        var live: LiveVerdict?
        let entry = Audit.judge(
            path, admit: admit,
            adding: { settings in
                let verdict = LiveVerify.check(settings, environment: environment, answers: answers)
                live = verdict
                return verdict.findings
            })
        return VerifyEntry(entry: entry, live: live)
    }

    /// The audit's JSON entry (its one writer), with `live` and `checkedAt` added.
    var compactJSON: String {
        let audit = entry.compactJSON
        guard let live, audit.hasSuffix("}") else { return audit }
        let checks = JSONWriter.compact(.array(live.checks.map(\.json)))
        return String(audit.dropLast()) + ", \"live\": " + checks + ", \"checkedAt\": " + JSONWriter.compact(.string(live.time)) + "}"
    }
}

/// What verify counts beyond the audit's summary (which `ParallelAudit` sums per thread):
/// the checks that could not run, and the exit code, from whichever thread judged each file.
final class VerifyTally: Sendable {
    private struct Totals {
        var checkErrors = 0
        var exitCode: Int32 = 0
    }

    private let totalsSoFar = Locked(Totals())

    func add(_ verified: VerifyEntry) {
        totalsSoFar.with { t in
            t.checkErrors += verified.live?.errors.count ?? 0
            t.exitCode = max(t.exitCode, verified.exitCode)
        }
    }

    var totals: (checkErrors: Int, exitCode: Int32) { totalsSoFar.with { ($0.checkErrors, $0.exitCode) } }
}
