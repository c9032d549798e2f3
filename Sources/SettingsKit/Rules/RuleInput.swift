/// What a rule looks at: the settings and, for files on disk, their permission bits.
public struct RuleInput: Sendable, SettingsReading {
    public let settings: Settings
    public let fileMode: UInt32?
    /// The redirect URI as the URL Standard parses it, parsed once for the rules that
    /// look at it; nil when there is none (or it is blank).
    let redirect: (text: String, address: Result<WebAddress, WebAddress.Refusal>)?
    /// Every known field's value, found once: the rules read them some forty times per file.
    private let known: KnownValues

    private static let redirectField = KnownKeys.field(of: "instance.redirectUri")!

    public init(_ settings: Settings, fileMode: UInt32? = nil) {
        self.settings = settings
        self.fileMode = fileMode
        known = KnownValues(settings.root)
        if let uri = known[field: Self.redirectField]?.stringValue, !uri.trimmingWhitespace.isEmpty {
            redirect = (uri, WebAddress.parse(uri))
        } else {
            redirect = nil
        }
    }

    public func value(_ key: String) -> JSONValue? {
        if let field = KnownKeys.field(of: key) { return known[field: field] }
        return settings.value(key)
    }
}
