import SettingsKit

/// A piece of live work described as a value: what the console's reducer asks for as an
/// effect (the reducer never waits on the network), and what `verify`, `pull` and
/// `push` do on the command line.
public enum LiveTask: Equatable, Sendable {
    /// `verify`'s live checks of these settings.
    case verify(Settings)
    /// Read the instance and have Clerk dry-run pushing these settings.
    case pushPreview(Settings)
    /// The write a preview planned (If-Match its version).
    case pushApply(PushPlan)
    /// Read the instance's connection and primary domain for these settings.
    case pull(Settings)
}

/// What a task came to, as a plain value: the console turns it into an event.
public enum LiveResult: Equatable, Sendable {
    case verified(LiveVerdict)
    case pushPlanned(PushPlan)
    case pushed(PushPlan, Push.Outcome)
    case pulled(Pull.Remote)
    case failed(LiveError)
}

/// Runs a task where it is called: on the console's job thread (`LivePerformer`), and in
/// `push` on the command line. A raised `Cancellation` ends its requests within about a
/// second; the result is then `.failed` with `net/cancelled`.
public enum LiveJob {
    /// Runs a task, returning its result.
    public static func run(
        _ task: LiveTask, environment: LiveEnvironment, answers: LiveAnswers = LiveAnswers(), cancel: Cancellation = Cancellation()
    ) -> LiveResult {
        if case .failure(let failure) = HTTPClient.availability() { return .failed(LiveError("net/no-http-client", failure.message)) }
        let result: LiveResult
        switch task {
        case .verify(let settings):
            result = .verified(LiveVerify.check(settings, environment: environment, answers: answers, cancel: cancel))
        case .pushPreview(let settings):
            result = needs(settings, environment) { target, key in
                Push.prepare(settings, target: target, key: key, environment: environment, cancel: cancel).map(LiveResult.pushPlanned)
            }
        case .pushApply(let plan):
            guard let key = environment.key else { return .failed(noKey) }
            switch Push.apply(plan, key: key, environment: environment, cancel: cancel) {
            case .success(let outcome): result = .pushed(plan, outcome)
            case .failure(let e): result = .failed(e)
            }
        case .pull(let settings):
            result = needs(settings, environment) { target, key in
                Pull.read(target, for: settings, key: key, environment: environment, cancel: cancel).map(LiveResult.pulled)
            }
        }
        return cancel.isCancelled ? .failed(.cancelled()) : result
    }

    public static let noKey = LiveError(
        "key/missing", "no Platform API key: set \(PlatformKey.variable) or give --api-key-file (the Platform API is in private beta)")

    private static func needs(
        _ settings: Settings, _ environment: LiveEnvironment, _ body: (ClerkTarget, PlatformKey) -> Result<LiveResult, LiveError>
    ) -> LiveResult {
        guard let key = environment.key else { return .failed(noKey) }
        switch ClerkTarget.of(settings) {
        case nil: return .failed(LiveError("clerk/invalid-target", "the file names no Clerk application: set clerk.applicationId"))
        case .failure(let e)?: return .failed(e)
        case .success(let target)?:
            switch body(target, key) {
            case .success(let result): return result
            case .failure(let e): return .failed(e)
            }
        }
    }
}
