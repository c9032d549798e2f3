import LiveKit
import SettingsKit

/// What the console keeps of Review's two live actions (Test with Clerk and Atlassian,
/// Push to Clerk): the Platform API key, in memory only; the job under way and its
/// spinner; the last test's findings with the settings they judged; and where a push
/// stands after Clerk answered 409.
struct LiveState: Equatable, Sendable {
    /// What the operator asked for.
    enum Request: Equatable, Sendable {
        /// `verify`'s live checks of the settings on screen.
        case test
        /// Clerk's dry run of pushing the settings on screen, then the write once confirmed.
        case push
    }

    /// What the job under way does.
    enum Stage: Equatable, Sendable {
        case testing
        /// Reading the instance and having Clerk dry-run the push.
        case planning
        /// The write itself: never cancelled halfway (Clerk may have applied it already).
        case pushing

        /// What is under way, as the status line and Review say it.
        var doing: String {
            switch self {
            case .testing: return "Testing with Clerk and Atlassian"
            case .planning: return "Asking Clerk for a dry run of the push"
            case .pushing: return "Pushing to Clerk"
            }
        }

        /// What Esc (or the job's own end by cancellation) says.
        var stopped: String {
            switch self {
            case .testing: return "Stopped the test with Clerk and Atlassian"
            case .planning: return "Stopped the push's dry run: nothing was written to Clerk"
            case .pushing: return "The push was stopped: Clerk may have applied it; test again to see"
            }
        }

        /// How a failure of it starts.
        var failed: String {
            switch self {
            case .testing: return "The test could not run"
            case .planning: return "Not pushed: Clerk's dry run failed"
            case .pushing: return "The push failed"
            }
        }
    }

    struct Running: Equatable, Sendable {
        let id: Job.ID
        let stage: Stage
        /// What the job works on: a test's findings judge these settings.
        let settings: Settings
        /// Turns of the spinner so far.
        var frame = 0
    }

    /// The last test: its verdict, and the settings it judged.
    struct Results: Equatable, Sendable {
        let verdict: LiveVerdict
        let checked: Settings
        /// A push was written since: what the test read of the instance is out of date.
        var pushedSince = false

        /// Review's order: blockers, then warnings, then notes.
        var findings: [Finding] {
            let all = verdict.findings
            return all.filter { $0.severity == .blocker } + all.filter { $0.severity == .warning } + all.filter { $0.severity == .info }
        }

        /// Why the finding may no longer hold: a key it judged was edited since the check,
        /// or (for what it read of the instance) a push was written since. Nil: it stands.
        func staleness(_ finding: Finding, now: Settings) -> String? {
            if LiveVerdict.judgedKeys(finding.code).contains(where: { checked.value($0) != now.value($0) }) { return "edited since" }
            if pushedSince, Self.readsTheInstance(finding.code) { return "pushed since" }
            return nil
        }

        /// Findings about what Clerk has (its connection, its Frontend API), which a push changes.
        static func readsTheInstance(_ code: String) -> Bool {
            code.hasPrefix("live/instance-") || code == "live/frontend-disabled"
        }
    }

    /// From CLERK_PLATFORM_API_KEY, --api-key-file or the console's prompt. Never in any
    /// file: not the settings, their history, nor the recovery file.
    var key: PlatformKey?
    var running: Running?
    /// The last job's number: a session never uses one twice.
    var lastJob = 0
    var results: Results?
    /// The plan a 409 turned down: the next dry run says what changed at Clerk since, and
    /// a second 409 ends the push.
    var conflicted: PushPlan?

    /// Esc stops a test or a dry run; a write is let finish.
    var isCancellable: Bool { running.map { $0.stage != .pushing } ?? false }

    /// The live findings on Review, after the file's own.
    var findings: [Finding] { results?.findings ?? [] }

    /// The time of a check as Review shows it: "10:04:05 UTC" of "2026-11-29T10:04:05Z".
    static func clock(_ time: String) -> String {
        guard let t = time.firstIndex(of: "T") else { return time }
        return String(time[time.index(after: t)...].prefix { $0 != "Z" }) + " UTC"
    }

    /// One line on what a test came to: its findings counted, and each check that was
    /// skipped or could not run, and why.
    static func summary(_ verdict: LiveVerdict) -> String {
        let findings = verdict.findings
        func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }
        var text =
            "Live check at \(clock(verdict.time)): \(plural(count(.blocker), "blocker")), "
            + "\(plural(count(.warning), "warning")), \(plural(count(.info), "note"))"
        for check in verdict.checks {
            switch check.outcome {
            case .ran: break
            case .skipped(let why): text += "; the \(check.check.rawValue) check was skipped: \(why)"
            case .failed(let error): text += "; the \(check.check.rawValue) check could not run: \(error.description)"
            }
        }
        return text + "."
    }
}
