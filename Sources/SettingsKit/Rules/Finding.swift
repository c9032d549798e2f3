/// One thing standing between an instance and production.
public struct Finding: Equatable, Sendable {
    public let code: String
    public let severity: Severity
    public let step: Step
    /// The dotted key the finding is about, e.g. "atlassianApp.scopes".
    public let field: String
    public let message: String
    public let fix: String
    /// The catalogue scope the finding is about, where that must be found again: the
    /// scope the connection requests that the app has not enabled, so the console can
    /// focus its checkbox. Only the catalogue's public names, never a value of the file.
    public var entry: String? = nil
    /// Where in a value the mistake is (the `-` of `oauth-callback`), so a screen can draw a
    /// caret under it; the message names it in words too.
    public var mark: Mark? = nil

    public init(
        code: String, severity: Severity, step: Step, field: String, message: String, fix: String, entry: String? = nil, mark: Mark? = nil
    ) {
        self.code = code
        self.severity = severity
        self.step = step
        self.field = field
        self.message = message
        self.fix = fix
        self.entry = entry
        self.mark = mark
    }

    public struct Mark: Equatable, Sendable {
        /// The value (one list item, for a list), as the message quotes it.
        public let text: String
        /// The first character that is wrong, in Unicode scalars from the start of `text`.
        public let offset: Int

        public init(text: String, offset: Int) {
            self.text = text
            self.offset = offset
        }
    }
}
