import Foundation

/// A fresh empty folder under the temp directory, removed with everything in it when the
/// value goes away (or by `remove()`). Named `social-console-<purpose>-…` so a stray one
/// says where it came from. Tests that manage the folder's life themselves (a mount point,
/// say) use `make` and `remove(_:)`.
public final class TemporaryFolder: @unchecked Sendable {
    public let path: String

    public init(_ purpose: String = "test") { path = Self.make(purpose) }

    deinit { remove() }

    public func remove() { Self.remove(path) }

    /// `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// A new empty folder's path; the caller removes it with `remove(_:)`.
    public static func make(_ purpose: String = "test") -> String {
        var template = Array((NSTemporaryDirectory() + "social-console-\(purpose)-XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    /// Removes a folder `make` gave, with everything in it.
    public static func remove(_ path: String) {
        precondition(path.hasPrefix(NSTemporaryDirectory() + "social-console-"), "not a test folder: \(path)")
        try? FileManager.default.removeItem(atPath: path)
    }
}
