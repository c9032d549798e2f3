import SettingsKit

/// The Clerk application and instance a file describes (`clerk.applicationId`,
/// `clerk.instance`): the two names in every Platform API path.
public struct ClerkTarget: Equatable, Hashable, Sendable, CustomStringConvertible {
    public let app: String
    /// `production`, `development` or an instance id (`ins_…`).
    public let instance: String

    /// Checks both names: they go into a URL path, so only letters, digits, `_` and `-`.
    public static func make(app: String, instance: String) -> Result<ClerkTarget, LiveError> {
        for (name, value) in [("application", app), ("instance", instance)] where !isName(value) {
            return .failure(
                LiveError("clerk/invalid-target", "the Clerk \(name) \"\(value)\" is not a Clerk id (letters, digits, _ and - only)"))
        }
        return .success(ClerkTarget(app: app, instance: instance))
    }

    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 100
            && text.utf8.allSatisfy { b in
                (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F || b == 0x2D
            }
    }

    /// FILE's target: `clerk.applicationId` and `clerk.instance` (else FILE's environment),
    /// overridden by the command's options. Nil when FILE names no application.
    public static func of(_ settings: Settings, app: String? = nil, instance: String? = nil) -> Result<ClerkTarget, LiveError>? {
        guard let app = app ?? settings.text("clerk.applicationId").flatMap({ $0.isEmpty ? nil : $0 }) else { return nil }
        let environment = settings.text("instance.environment").flatMap { Fields.environments.contains($0) ? $0 : nil }
        guard let instance = instance ?? settings.text("clerk.instance").flatMap({ $0.isEmpty ? nil : $0 }) ?? environment else {
            return .failure(
                LiveError("clerk/invalid-target", "no Clerk instance: set clerk.instance (production, development or ins_…) or give --instance"))
        }
        return make(app: app, instance: instance)
    }

    /// "app_…/production", as the history's `remote` records it.
    public var description: String { app + "/" + instance }

    /// Whether the instance is production: by its name, or for an `ins_…` id, by the
    /// file's environment.
    public func isProduction(environment: String?) -> Bool {
        instance == "production" || (instance != "development" && environment == "production")
    }
}
