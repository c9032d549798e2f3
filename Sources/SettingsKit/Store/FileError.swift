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
        /// A save found the file on disk unreadable (someone else left it half written or
        /// broken): nothing to merge with, so it is replaced only when asked to.
        case unreadableOnDisk = "file/unreadable-on-disk"
        /// A save of a file that was not there when it was opened found one there now: it
        /// is someone else's, never adopted as ours; replaced only when asked to.
        case appearedOnDisk = "file/appeared-on-disk"
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
