/// Every key schema version 1 of the settings file knows, in the order a saved file lists them.
/// This one table drives loading checks, `set`, `show`, the JSON Schema (`SettingsSchema`)
/// and the console's forms: a new field is one row here.
public enum Fields {
    public static let environments = Environment.allCases.map(\.rawValue)
    public static let distributionStatuses = ["not_sharing", "sharing"]

    public static let all: [Field] = [
        Field(
            "instance.name", "Name", .text, .instance,
            "A label for the instance, e.g. acme-prod."),
        Field(
            "instance.environment", "Environment", .choice(environments), .instance,
            "Instance kind: development (shared credentials, nothing else needed) or production."),
        Field(
            "instance.redirectUri", "Redirect URI", .text, .instance,
            "The Callback URL the Clerk Dashboard shows on the instance's Atlassian connection: the Frontend API URL followed by /v1/oauth_callback."),
        Field(
            "clerk.applicationId", "Clerk application", .text, .instance,
            "The Clerk application (app_…) that `pull`, `push` and `verify` read and write."),
        Field(
            "clerk.instance", "Clerk instance", .text, .instance,
            "The Clerk instance: production, development or an instance id (ins_…)."),
        Field(
            "connection.enabled", "Enabled", .toggle, .credentials, dashboard: "Enable connection",
            "Clerk's Enable connection: the Atlassian connection is on for the instance."),
        Field(
            "connection.signUpAndSignIn", "Sign-up and sign-in", .toggle, .credentials, dashboard: "Enable for sign-up and sign-in",
            "Clerk's Enable for sign-up and sign-in: users may sign up and sign in with Atlassian (off: they can only link it to an account)."),
        Field(
            "connection.useCustomCredentials", "Use custom credentials", .toggle, .credentials,
            "Clerk's Use custom credentials: the instance uses its own Client ID and Secret, not the shared development ones."),
        Field(
            "connection.clientId", "Client ID", .text, .credentials,
            "The app's Client ID (its Settings tab, Authentication details), as pasted on the instance's Atlassian connection."),
        Field(
            "connection.clientSecret", "Client Secret", .text, .credentials, secret: true,
            "The app's Secret. Sensitive: files holding it should be mode 0600."),
        Field(
            "connection.scopes", "Additional scopes", .list, .credentials,
            "Scopes the instance requests beyond the default ones (the Scopes field Clerk shows with custom credentials); offline_access goes here."),
        Field(
            "atlassianApp.name", "Name", .text, .app,
            "The app's name in the Atlassian developer console."),
        Field(
            "atlassianApp.description", "Description", .text, .app,
            "The app's description, shown on the consent screen."),
        Field(
            "atlassianApp.logo", "Logo", .text, .app,
            "The app's avatar (logo), shown on the consent screen."),
        Field(
            "atlassianApp.scopes", "Scopes", .list, .permissions,
            "Scopes enabled on the app's Permissions tab."),
        Field(
            "atlassianApp.callbackUrls", "Callback URLs", .list, .authorization,
            "Callback URLs on the app's Authorization tab (OAuth 2.0 (3LO)); one must equal the instance's redirect URI."),
        Field(
            "atlassianApp.distribution.status", "Sharing", .choice(distributionStatuses), .distribution,
            names: ["not_sharing": "Not sharing", "sharing": "Sharing"], default: "not_sharing",
            "Distribution tab: not_sharing (only the owner can use the app; new apps start so) or sharing."),
        Field(
            "atlassianApp.distribution.vendorName", "Vendor name", .text, .distribution,
            "Distribution tab: the vendor name."),
        Field(
            "atlassianApp.distribution.privacyPolicyUrl", "Privacy policy URL", .text, .distribution,
            "Distribution tab: the privacy policy's address."),
        Field(
            "atlassianApp.distribution.termsUrl", "Terms URL", .text, .distribution,
            "Distribution tab: the terms of service's address."),
        Field(
            "atlassianApp.distribution.contactUrl", "Contact URL", .text, .distribution,
            "Distribution tab: the customer support contact (a web address or mailto:)."),
        Field(
            "atlassianApp.distribution.storesPersonalData", "Stores personal data", .toggle, .distribution,
            "Distribution tab: \"Does your app store personal data?\" (yes for a sign-in provider)."),
    ]

    /// The objects that hold the fields; each must be an object when present.
    public static let containers = ["instance", "clerk", "connection", "atlassianApp", "atlassianApp.distribution"]

    public static let secretKey = "connection.clientSecret"

    /// The field with this key, byte for byte.
    public static func field(_ key: String) -> Field? { KnownKeys.field(of: key).map { all[$0] } }

    public static func fields(of step: Step) -> [Field] { all.filter { $0.step == step } }

    /// Where a key goes among its siblings in a saved file: schemaVersion first, then the
    /// order of `all`. Unknown keys rank last, so new known keys go before them.
    static func rank(of name: String, under parent: [String]) -> Int {
        if parent.isEmpty && name == "schemaVersion" { return -1 }
        var seen: [String] = []
        for field in all {
            let path = field.path
            guard path.count > parent.count, Array(path.prefix(parent.count)) == parent else { continue }
            let child = path[parent.count]
            if !seen.contains(child) { seen.append(child) }
        }
        return seen.firstIndex(of: name) ?? Int.max
    }
}
