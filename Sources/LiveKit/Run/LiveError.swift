/// Why a live check, `pull` or `push` could not do its work: a published code
/// (`net/unreachable`, `clerk/unauthorized`, …) and one line for people. Never a finding:
/// an error says nothing about the instance, only that it could not be asked.
public struct LiveError: Error, Equatable, Sendable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(message) (\(code))" }

    public static func cancelled() -> LiveError { LiveError("net/cancelled", "cancelled") }

    /// The work was cancelled (the console's Esc), not refused by anyone.
    public var isCancellation: Bool { code == "net/cancelled" }
}

/// The three services, each with the prefix of its error codes.
public enum Service: String, Sendable, CaseIterable {
    case clerk
    case frontend
    case atlassian

    /// How the service is named in messages.
    public var name: String {
        switch self {
        case .clerk: return "Clerk's Platform API"
        case .frontend: return "the Frontend API"
        case .atlassian: return "Atlassian's token endpoint"
        }
    }
}
