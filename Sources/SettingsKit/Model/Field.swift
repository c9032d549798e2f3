/// What kind of value a settings key holds.
public enum FieldKind: Equatable, Sendable {
    case text
    case toggle
    /// A string limited to these values.
    case choice([String])
    /// A list of strings, typed as comma- or space-separated values.
    case list

    /// The type in words, for error messages.
    public var expected: String {
        switch self {
        case .text: return "a string"
        case .toggle: return "true or false"
        case .choice(let values): return values.map { "\"\($0)\"" }.joined(separator: " or ")
        case .list: return "a list of strings"
        }
    }
}

/// One known key of the settings file.
public struct Field: Equatable, Sendable {
    /// Dotted path, e.g. "instance.redirectUri".
    public let key: String
    /// The label on the console screen.
    public let label: String
    public let kind: FieldKind
    public let step: Step
    public let isSecret: Bool

    public init(_ key: String, _ label: String, _ kind: FieldKind, _ step: Step, secret: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.step = step
        self.isSecret = secret
    }

    public var path: [String] { key.split(separator: ".").map(String.init) }
}

/// Every key SPEC's schema version 1 knows, in the order a saved file lists them.
/// This one table drives loading checks, `set`, `show`, the schema and the console's forms.
public enum Fields {
    public static let environments = ["development", "production"]
    public static let distributionStatuses = ["not_sharing", "sharing"]

    public static let all: [Field] = [
        Field("instance.name", "Name", .text, .instance),
        Field("instance.environment", "Environment", .choice(environments), .instance),
        Field("instance.redirectUri", "Redirect URI", .text, .instance),
        Field("connection.enabled", "Enabled", .toggle, .credentials),
        Field("connection.signUpAndSignIn", "Sign-up and sign-in", .toggle, .credentials),
        Field("connection.useCustomCredentials", "Use custom credentials", .toggle, .credentials),
        Field("connection.clientId", "Client ID", .text, .credentials),
        Field("connection.clientSecret", "Client Secret", .text, .credentials, secret: true),
        Field("connection.scopes", "Additional scopes", .list, .credentials),
        Field("atlassianApp.name", "Name", .text, .app),
        Field("atlassianApp.description", "Description", .text, .app),
        Field("atlassianApp.logo", "Logo", .text, .app),
        Field("atlassianApp.scopes", "Scopes", .list, .permissions),
        Field("atlassianApp.callbackUrls", "Callback URLs", .list, .authorization),
        Field("atlassianApp.distribution.status", "Sharing", .choice(distributionStatuses), .distribution),
        Field("atlassianApp.distribution.vendorName", "Vendor name", .text, .distribution),
        Field("atlassianApp.distribution.privacyPolicyUrl", "Privacy policy URL", .text, .distribution),
        Field("atlassianApp.distribution.termsUrl", "Terms URL", .text, .distribution),
        Field("atlassianApp.distribution.contactUrl", "Contact URL", .text, .distribution),
        Field("atlassianApp.distribution.storesPersonalData", "Stores personal data", .toggle, .distribution),
    ]

    /// The objects that hold the fields; each must be an object when present.
    public static let containers = ["instance", "connection", "atlassianApp", "atlassianApp.distribution"]

    public static let secretKey = "connection.clientSecret"

    private static let byKey: [String: Field] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    public static func field(_ key: String) -> Field? { byKey[key] }

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
