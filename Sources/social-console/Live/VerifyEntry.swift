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

    /// The live checks of an audited file. The file is read again for its values (the
    /// audit's entry keeps only its report); one that changed in between is judged as it
    /// is now.
    static func judge(_ audited: AuditEntry, environment: LiveEnvironment, answers: LiveAnswers) -> VerifyEntry {
        guard case .report(let path, _) = audited else { return VerifyEntry(entry: audited, live: nil) }
        let loaded: LoadedFile
        do {
            loaded = try SettingsStore.load(path)
        } catch {
            return VerifyEntry(entry: .error(path: path, error), live: nil)
        }
        let live = LiveVerify.check(loaded.settings, environment: environment, answers: answers)
        let report = Readiness.evaluate(loaded).adding(live.findings)
        return VerifyEntry(entry: .report(path: path, Verdict(report)), live: live)
    }

    /// The audit's JSON entry (its one writer), with `live` and `checkedAt` added.
    var compactJSON: String {
        let audit = entry.compactJSON
        guard let live, audit.hasSuffix("}") else { return audit }
        let checks = JSONWriter.compact(.array(live.checks.map(\.json)))
        return String(audit.dropLast()) + ", \"live\": " + checks + ", \"checkedAt\": " + JSONWriter.compact(.string(live.time)) + "}"
    }
}

/// Totals across files, summed by whichever thread judged each.
final class VerifyTally: Sendable {
    private struct Totals {
        var summary = AuditSummary()
        var checkErrors = 0
        var exitCode: Int32 = 0
    }

    private let totalsSoFar = Locked(Totals())

    func add(_ verified: VerifyEntry) {
        totalsSoFar.with { t in
            t.summary.add(verified.entry)
            t.checkErrors += verified.live?.errors.count ?? 0
            t.exitCode = max(t.exitCode, verified.exitCode)
        }
    }

    var totals: (AuditSummary, Int, Int32) { totalsSoFar.with { ($0.summary, $0.checkErrors, $0.exitCode) } }
}
