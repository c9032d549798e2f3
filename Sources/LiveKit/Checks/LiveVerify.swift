import SettingsKit

/// `verify`'s live checks of one file, run at once: the instance at Clerk (its
/// connection, and in production its primary domain), the public Frontend API, and
/// Atlassian's token endpoint. Answers are shared through `LiveAnswers`, so a fleet asks
/// each distinct instance once.
public enum LiveVerify {
    public static func check(
        _ settings: Settings, environment: LiveEnvironment, answers: LiveAnswers = LiveAnswers(), cancel: Cancellation = Cancellation()
    ) -> LiveVerdict {
        let secret = settings.text(Fields.secretKey) ?? ""
        let caller = Caller(environment, cancel: cancel, secrets: Secret.values(in: settings))
        let fileEnvironment = settings.text("instance.environment")
        let redirectURI = settings.filled("instance.redirectUri")
        let fileFrontend = redirectURI.flatMap(FrontendCheck.frontendURL(ofRedirectURI:))

        // The instance to ask Clerk about, or what the clerk check comes to without one.
        var target: ClerkTarget?
        var clerkOutcome = LiveCheckResult.Outcome.ran
        switch ClerkTarget.of(settings) {
        case nil: clerkOutcome = .skipped("no clerk.applicationId in the file")
        case .failure(let e)?: clerkOutcome = .failed(e)
        case .success(let t)?:
            if environment.key == nil {
                clerkOutcome = .skipped("no Platform API key (\(PlatformKey.variable) or --api-key-file)")
            } else {
                target = t
            }
        }
        let wantsDomain = target?.isProduction(environment: fileEnvironment) ?? false

        let config = Locked<Result<RemoteConfig, LiveError>?>(nil)
        let domain = Locked<Result<RemoteDomain, LiveError>?>(nil)
        let frontend = Locked<(url: String, answer: Result<FrontendState, LiveError>)?>(nil)
        let probe = Locked<Result<ProbeAnswer, LiveError>?>(nil)
        var work: [@Sendable () -> Void] = []
        if let target, let key = environment.key {
            let api = PlatformAPI(caller: caller, key: key, target: target)
            work.append { config.with { $0 = answers.config(target, environment.clerkURL) { api.readConfig() } } }
            if wantsDomain {
                work.append {
                    let found = answers.domain(target.app, environment.clerkURL) { api.primaryDomain() }
                    domain.with { $0 = found }
                    // The domain's Frontend API is the one to ask, when it is not the file's.
                    if case .success(let d) = found, d.frontendAPIURL != fileFrontend {
                        let answer = answers.frontend(d.frontendAPIURL) { FrontendCheck.read(d.frontendAPIURL, caller: caller) }
                        frontend.with { $0 = (d.frontendAPIURL, answer) }
                    }
                }
            }
        }
        // Asked at once rather than after the domain; the domain's Frontend API, when it
        // differs, replaces this answer whichever came first.
        if let fileFrontend {
            work.append {
                let answer = answers.frontend(fileFrontend) { FrontendCheck.read(fileFrontend, caller: caller) }
                frontend.with { if $0 == nil { $0 = (fileFrontend, answer) } }
            }
        }
        let probePlan = probeSkip(settings)
        if probePlan == nil, let clientId = settings.text("connection.clientId") {
            let url = environment.atlassianURL
            work.append {
                let answer = answers.probe([url, clientId, secret, redirectURI ?? ""].joined(separator: "\u{0}")) {
                    AtlassianProbe.ask(clientId: clientId, secret: secret, redirectURI: redirectURI, caller: caller)
                }
                probe.with { $0 = answer }
            }
        }
        Threads.runAll(work)
        let checkedAt = SystemIO.utcTimestamp()

        var findings: [Finding] = []
        var checks: [LiveCheckResult] = []

        // Clerk: the connection and the domain.
        if let target {
            var failure: LiveError?
            switch config.with({ $0 }) {
            case .success(let remote)?:
                findings += connectionFindings(remote.connection, settings, production: target.isProduction(environment: fileEnvironment))
            case .failure(let e)?: failure = e
            case nil: break
            }
            switch domain.with({ $0 }) {
            case .success(let d)?:
                if settings.text("instance.redirectUri")?.isSameBytes(as: d.redirectURI) != true {
                    findings.append(LiveFindings.finding("live/redirect-uri-differs", value: caller.quote(d.redirectURI)))
                }
            case .failure(let e)?: failure = failure ?? e
            case nil: break
            }
            clerkOutcome = failure.map { .failed($0) } ?? .ran
        }
        checks.append(LiveCheckResult(check: .clerk, outcome: clerkOutcome))

        // The Frontend API.
        if let (url, answer) = frontend.with({ $0 }) {
            switch answer {
            case .success(let state):
                let wantsSignIn = settings.flag("connection.signUpAndSignIn") == true
                if !state.enabled {
                    findings.append(
                        LiveFindings.finding("live/frontend-disabled", value: caller.quote(url), hint: "at all (oauth_atlassian is not enabled)"))
                } else if wantsSignIn && !state.authenticatable {
                    findings.append(
                        LiveFindings.finding("live/frontend-disabled", value: caller.quote(url), hint: "for sign-up and sign-in (link-only)"))
                }
                checks.append(LiveCheckResult(check: .frontend, outcome: .ran))
            case .failure(let e):
                checks.append(LiveCheckResult(check: .frontend, outcome: .failed(e)))
            }
        } else {
            checks.append(
                LiveCheckResult(check: .frontend, outcome: .skipped("no Frontend API: the file's redirect URI is not https://HOST/v1/oauth_callback"))
            )
        }

        // Atlassian.
        if let skip = probePlan {
            checks.append(LiveCheckResult(check: .atlassian, outcome: .skipped(skip)))
        } else {
            var outcome = LiveCheckResult.Outcome.ran
            switch probe.with({ $0 }) {
            case .success(.accepted)?: findings.append(LiveFindings.finding("live/credentials-accepted"))
            case .success(.refused(let said))?: findings.append(LiveFindings.finding("live/credentials-refused", value: said))
            case .success(.inconclusive(let said))?: findings.append(LiveFindings.finding("live/probe-inconclusive", value: said))
            case .failure(let e)?: outcome = .failed(e)
            case nil: break
            }
            checks.append(LiveCheckResult(check: .atlassian, outcome: outcome))
        }
        // Whatever a server said is shown only with the key and the secret masked (and cut
        // where it was quoted, not here: the finding's own words stay whole).
        findings = findings.map { f in
            Finding(code: f.code, severity: f.severity, step: f.step, field: f.field, message: caller.clean(f.message), fix: f.fix)
        }
        return LiveVerdict(findings: findings, checks: checks, time: checkedAt)
    }

    /// Why the Atlassian probe does not run for this file, or nil when it does.
    static func probeSkip(_ settings: Settings) -> String? {
        if Verdict.usesSharedCredentials(settings) { return "a development instance using shared credentials" }
        guard let id = settings.text("connection.clientId"), !id.isEmpty, let secret = settings.text(Fields.secretKey), !secret.isEmpty else {
            return "no Client ID and Secret in the file"
        }
        return nil
    }

    /// live/instance-differs and live/instance-secret-missing.
    static func connectionFindings(_ remote: RemoteConnection, _ settings: Settings, production: Bool) -> [Finding] {
        var differing: [(label: String, field: String)] = []
        if let enabled = settings.flag("connection.enabled"), enabled != (remote.enabled ?? false) {
            differing.append(("enabled", "connection.enabled"))
        }
        if let signIn = settings.flag("connection.signUpAndSignIn"), signIn != (remote.authenticatable ?? false) {
            differing.append(("authenticatable (sign-up and sign-in)", "connection.signUpAndSignIn"))
        }
        if settings.flag("connection.useCustomCredentials") != false, let id = settings.text("connection.clientId"), !id.isEmpty,
            !id.isSameBytes(as: remote.clientId ?? "")
        {
            differing.append(("client_id", "connection.clientId"))
        }
        var out: [Finding] = []
        if let first = differing.first {
            out.append(LiveFindings.finding("live/instance-differs", label: differing.map(\.label).joined(separator: ", "), field: first.field))
        }
        if production && remote.hasSecret != true { out.append(LiveFindings.finding("live/instance-secret-missing")) }
        return out
    }
}
