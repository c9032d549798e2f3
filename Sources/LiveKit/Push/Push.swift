import SettingsKit

/// `push`: writes the file's connection to the instance. Every write is preceded by
/// Clerk's own dry run of it, both with `If-Match: <config_version>`, so a change
/// someone else made meanwhile is never overwritten unseen (409).
public enum Push {
    /// The file keys `push` sends: those the file sets, with values of the right type;
    /// the credentials only when the file uses custom credentials.
    public static func keys(_ settings: Settings) -> [String] {
        let custom = settings.flag("connection.useCustomCredentials") != false
        return ConnectionMapping.rows.map(\.file).filter { key in
            switch key {
            case "connection.enabled", "connection.signUpAndSignIn": return settings.flag(key) != nil
            default: return custom && !(settings.text(key) ?? "").isEmpty
            }
        }
    }

    /// The credentials step's blockers about the Client ID and Secret, which `push`
    /// refuses to send. A development file on shared credentials sends none, so none apply.
    public static func blockers(_ report: Report, _ settings: Settings) -> [Finding] {
        if Verdict.usesSharedCredentials(settings) { return [] }
        return report.findings(for: .credentials).filter { $0.severity == .blocker && $0.code.hasPrefix("credentials/") }
    }

    /// Reads the instance and has Clerk dry-run the change. A 409 on the dry run (the
    /// instance changed between the read and the dry run) reads it again, once.
    public static func prepare(
        _ settings: Settings, target: ClerkTarget, key: PlatformKey, environment: LiveEnvironment, cancel: Cancellation = Cancellation()
    ) -> Result<PushPlan, LiveError> {
        let keys = keys(settings)
        if keys.isEmpty {
            return .failure(
                LiveError(
                    "push/nothing-to-push", "nothing to push: the file sets none of \(ConnectionMapping.rows.map(\.file).joined(separator: ", "))"))
        }
        let api = PlatformAPI(for: settings, target: target, key: key, environment: environment, cancel: cancel)
        for _ in 0..<2 {
            let plan: PushPlan
            switch api.readConfig() {
            case .success(let config):
                plan = PushPlan(target: target, version: config.version, remote: config.connection, keys: keys, settings: settings)
            case .failure(let e): return .failure(e)
            }
            switch api.patch(plan.body(), version: plan.version, dryRun: true) {
            case .success(.done): return .success(plan)
            case .success(.conflict): continue
            case .failure(let e): return .failure(e)
            }
        }
        return .failure(LiveError("clerk/conflict", "the instance \(target) kept changing during the dry run (409 twice); push again"))
    }

    public enum Outcome: Equatable, Sendable {
        case applied(version: String)
        /// 409: the instance changed since the plan's version; nothing was written.
        case conflict
    }

    /// The write itself, with the plan's If-Match.
    public static func apply(
        _ plan: PushPlan, key: PlatformKey, environment: LiveEnvironment, cancel: Cancellation = Cancellation()
    ) -> Result<Outcome, LiveError> {
        let api = PlatformAPI(for: plan.settings, target: plan.target, key: key, environment: environment, cancel: cancel)
        return api.patch(plan.body(), version: plan.version, dryRun: false).map { outcome in
            switch outcome {
            case .done(let version): return .applied(version: version)
            case .conflict: return .conflict
            }
        }
    }
}
