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

    public init(code: String, severity: Severity, step: Step, field: String, message: String, fix: String, entry: String? = nil) {
        self.code = code
        self.severity = severity
        self.step = step
        self.field = field
        self.message = message
        self.fix = fix
        self.entry = entry
    }
}
