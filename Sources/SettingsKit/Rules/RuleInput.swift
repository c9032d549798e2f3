/// What a rule looks at: the settings and, for files on disk, their permission bits.
public struct RuleInput: Sendable, SettingsReading {
    public let settings: Settings
    public let fileMode: UInt32?
    /// The redirect URI as the URL Standard parses it, parsed once for the rules that
    /// look at it; nil when there is none (or it is blank).
    let redirect: (text: String, address: Result<WebAddress, WebAddress.Refusal>)?
    /// The list fields' text items, by place in `Fields.all` (nil for other fields).
    private let lists: [[String]?]

    private static let redirectField = KnownKeys.field(of: "instance.redirectUri")!

    public init(_ settings: Settings, fileMode: UInt32? = nil) {
        self.settings = settings
        self.fileMode = fileMode
        let known = settings.known
        lists = Fields.all.indices.map { field in
            Fields.all[field].kind == .list ? known[field: field]?.textItems : nil
        }
        if let uri = known[field: Self.redirectField]?.stringValue, !uri.trimmingWhitespace.isEmpty {
            redirect = (uri, WebAddress.parse(uri))
        } else {
            redirect = nil
        }
    }

    public func value(_ key: String) -> JSONValue? {
        settings.value(key)
    }

    /// A list field's text items (as `SettingsReading.list`), made once: a dozen rules
    /// read the scope and callback lists.
    public func list(_ key: String) -> [String]? {
        if let field = KnownKeys.field(of: key), Fields.all[field].kind == .list { return lists[field] }
        return value(key)?.textItems
    }

    /// A URL as the URL Standard parses it: the redirect URI's parse again when it is the
    /// same text (a callback URL usually is).
    func webAddress(_ text: String) -> Result<WebAddress, WebAddress.Refusal> {
        if let redirect, redirect.text.isSameBytes(as: text) { return redirect.address }
        return WebAddress.parse(text)
    }

    /// An absolute http(s) URL with a host, parsed through `webAddress`.
    func isWebURL(_ text: String) -> Bool {
        if case .success(let address) = webAddress(text) { return address.isHTTP }
        return false
    }
}
