/// What a rule looks at: the settings and, for files on disk, their permission bits.
public struct RuleInput: Sendable, SettingsReading {
    public let settings: Settings
    public let fileMode: UInt32?
    /// The redirect URI as the URL Standard parses it, parsed once for the rules that
    /// look at it; nil when there is none (or it is blank).
    let redirect: (text: String, address: Result<WebAddress, WebAddress.Refusal>)?
    /// Every known field's value, in `Fields.all`'s order, looked up once: the rules read
    /// them some forty times per file, and each lookup walked the document again.
    private let known: [JSONValue?]

    private static let knownPaths = KnownKeys.paths()

    public init(_ settings: Settings, fileMode: UInt32? = nil) {
        self.settings = settings
        self.fileMode = fileMode
        known = Self.knownPaths.map { settings.value(at: $0) }
        if let uri = known[KnownKeys.field(of: "instance.redirectUri")!]?.stringValue, !uri.trimmingWhitespace.isEmpty {
            redirect = (uri, WebAddress.parse(uri))
        } else {
            redirect = nil
        }
    }

    public func value(_ key: String) -> JSONValue? {
        if let field = KnownKeys.field(of: key) { return known[field] }
        return settings.value(key)
    }
}
