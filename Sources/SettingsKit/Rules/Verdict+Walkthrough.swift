/// What the walkthroughs ask of a development instance that signs in with Clerk's shared
/// credentials: only what it uses (the instance, and its connection switched on). Every
/// other field is what production would need (`Verdict.isProductionOnly` lists its
/// findings so): the console's Enter and plain mode's questions pass over those until
/// asked for them, and PgDn, Tab or plain mode's `+` still reach them.
extension Verdict {
    /// The fields such an instance uses.
    public static let sharedCredentialsKeys = [
        "instance.name", "instance.environment", "instance.redirectUri", "clerk.applicationId", "clerk.instance",
        "connection.useCustomCredentials", "connection.enabled", "connection.signUpAndSignIn",
    ]

    /// A development instance whose connection does not use custom credentials.
    public static func usesSharedCredentials(_ settings: some SettingsReading) -> Bool {
        Environment(named: settings.text("instance.environment")) == .development && settings.flag("connection.useCustomCredentials") != true
    }

    /// Whether a walkthrough asks for the field `key` (nil: an action, which production
    /// needs) of `settings` without being asked for what production would need.
    public static func walks(_ key: String?, in settings: some SettingsReading) -> Bool {
        guard usesSharedCredentials(settings) else { return true }
        return key.map { sharedCredentialsKeys.containsBytes($0) } ?? false
    }
}
