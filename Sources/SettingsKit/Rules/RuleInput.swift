/// What a rule looks at: the settings and, for files on disk, their permission bits.
public struct RuleInput: Sendable {
    public let settings: Settings
    public let fileMode: UInt32?
    /// The redirect URI as the URL Standard parses it, parsed once for the rules that
    /// look at it; nil when there is none (or it is blank).
    let redirect: (text: String, address: Result<WebAddress, WebAddress.Refusal>)?

    public init(_ settings: Settings, fileMode: UInt32? = nil) {
        self.settings = settings
        self.fileMode = fileMode
        if let uri = settings.text("instance.redirectUri"), !uri.trimmingWhitespace.isEmpty {
            redirect = (uri, WebAddress.parse(uri))
        } else {
            redirect = nil
        }
    }
}
