/// Why a settings file could not be used. Commands print it, exit 2, and never touch the file.
/// Messages never quote values from the file (one of them may be the secret).
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case notFound = "file/not-found"
        case unreadable = "file/unreadable"
        case invalidJSON = "file/invalid-json"
        case schema = "file/schema"
        case unsupportedVersion = "file/unsupported-version"
        /// Saving failed (disk full, read-only, permission denied); the old file is intact.
        case unwritable = "file/unwritable"
        /// Creating a file that already exists.
        case exists = "file/exists"
        /// The file changed on disk since it was loaded (someone else saved it).
        case conflict = "file/conflict"
    }

    public let code: Code
    public let path: String
    public let message: String
    public let position: TextPosition?

    public init(_ code: Code, path: String, _ message: String, at position: TextPosition? = nil) {
        self.code = code
        self.path = path
        self.message = message
        self.position = position
    }

    public var line: Int? { position?.line }
    public var column: Int? { position?.column }

    /// "acme.json:3:7: expected ',' or '}' after an object member (file/invalid-json)"
    public var description: String {
        var where_ = path
        if let position { where_ += ":\(position.line):\(position.column)" }
        return "\(where_): \(message) (\(code.rawValue))"
    }
}
