import SettingsKit

/// `pull`: reads the instance's Atlassian connection and, for production, its primary
/// domain, and records them in the settings file. The remote secret is never taken (Clerk
/// reads it back masked, if at all).
public enum Pull {
    /// What was read from Clerk.
    public struct Remote: Equatable, Sendable {
        public let target: ClerkTarget
        public let config: RemoteConfig
        /// The primary domain (production only).
        public let domain: RemoteDomain?
    }

    /// Reads the connection and (when the target is production for `settings`) the primary
    /// domain, at once. The secrets of `settings` are masked in whatever a server says, like the key.
    public static func read(
        _ target: ClerkTarget, for settings: Settings, key: PlatformKey, environment: LiveEnvironment, cancel: Cancellation = Cancellation()
    ) -> Result<Remote, LiveError> {
        let production = target.isProduction(environment: settings.text("instance.environment"))
        let api = PlatformAPI(for: settings, target: target, key: key, environment: environment, cancel: cancel)
        let config = Locked<Result<RemoteConfig, LiveError>?>(nil)
        let domain = Locked<Result<RemoteDomain, LiveError>?>(nil)
        var work: [@Sendable () -> Void] = [{ config.with { $0 = api.readConfig() } }]
        if production { work.append { domain.with { $0 = api.primaryDomain() } } }
        Threads.runAll(work)
        return config.with { $0! }.flatMap { config in
            guard production else { return .success(Remote(target: target, config: config, domain: nil)) }
            return domain.with { $0! }.map { Remote(target: target, config: config, domain: $0) }
        }
    }

    /// Records what was read in `settings` (the key mapping), with the target's names.
    public static func apply(_ remote: Remote, to settings: inout Settings) {
        let connection = remote.config.connection
        settings.setText("clerk.applicationId", remote.target.app)
        settings.setText("clerk.instance", remote.target.instance)
        if let enabled = connection.enabled { settings.setFlag("connection.enabled", enabled) }
        if let authenticatable = connection.authenticatable { settings.setFlag("connection.signUpAndSignIn", authenticatable) }
        if let clientId = connection.clientId {
            if clientId.isEmpty {
                settings.setValue(nil, for: "connection.clientId")
            } else {
                settings.setText("connection.clientId", clientId)
                settings.setFlag("connection.useCustomCredentials", true)
            }
        }
        if let domain = remote.domain { settings.setText("instance.redirectUri", domain.redirectURI) }
    }

    /// Whether to tell the operator to paste the secret: the instance has one, the file none.
    public static func secretMissingInFile(_ remote: Remote, _ settings: Settings) -> Bool {
        remote.config.connection.hasSecret == true && (settings.text(Fields.secretKey) ?? "").isEmpty
    }
}
