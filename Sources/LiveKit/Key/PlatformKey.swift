import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Clerk's Platform API key (`ak_…`): a secret by the same rules as the client secret
/// (`Secret`). It is taken from `CLERK_PLATFORM_API_KEY` or a file given with
/// `--api-key-file`, never from the command line; it is sent only in the Authorization
/// header, and no file of ours ever holds it.
public struct PlatformKey: Equatable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    public static let variable = "CLERK_PLATFORM_API_KEY"
    /// Longer files (or text typed at the console's prompt) are not a key.
    public static let fileLimit = 4096

    let value: String

    /// Checks the text of a key: one line of printable ASCII; an `sk_` key (the Backend
    /// API's secret key) is refused with a hint, as Clerk's own CLI does.
    public static func make(_ text: String, from source: String) -> Result<PlatformKey, LiveError> {
        let key = text.trimmingWhitespace
        if key.isEmpty { return .failure(LiveError("key/invalid", "\(source) is empty")) }
        if !key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            return .failure(LiveError("key/invalid", "\(source) is not one line of printable text: not a Platform API key"))
        }
        if key.hasPrefix("sk_") {
            return .failure(
                LiveError(
                    "key/invalid",
                    "\(source) holds a secret key (sk_…), not a Platform API key (ak_…); social connections are set through the Platform API only"))
        }
        return .success(PlatformKey(value: key))
    }

    /// The key from `--api-key-file` when given, else from `CLERK_PLATFORM_API_KEY`, else
    /// nil. The variable is removed from this process's environment once read, so no
    /// program this one might start inherits it, and its text wiped (`wipeFromEnvironment`).
    public static func fromProcess(file: String?) -> Result<PlatformKey?, LiveError> {
        let fromEnvironment = getenv(variable).map { String(cString: $0) }
        wipeFromEnvironment()
        if let file { return read(file).map { $0 } }
        guard let text = fromEnvironment, !text.isEmpty else { return .success(nil) }
        return make(text, from: variable).map { $0 }
    }

    /// Overwrites the variable's text with zeros where the environment holds it, then
    /// removes it. unsetenv alone drops only the pointer: the bytes stay in the block the
    /// kernel shows as /proc/PID/environ for as long as the console runs, and a program
    /// of the same user may read that file even where it may not trace this one (Yama).
    static func wipeFromEnvironment() {
        let prefix = variable + "="
        let count = prefix.utf8.count
        // Never null here: the C library points it at the block the kernel passed, and
        // nothing in this program clears the environment.
        var entry = environ
        while let string = entry.pointee {
            if strncmp(string, prefix, count) == 0 { memset(string + count, 0, strlen(string + count)) }
            entry += 1
        }
        unsetenv(variable)
    }

    /// Reads a key file: a regular file, not readable by group or others (it holds a
    /// secret that opens every instance of the workspace).
    static func read(_ path: String) -> Result<PlatformKey, LiveError> {
        let fd = SystemIO.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else {
            if looksLikeAKey(path) {
                // The key pasted in place of its file's name: said, never repeated.
                return .failure(
                    LiveError(
                        "key/unreadable",
                        "--api-key-file takes a file holding the key, and what was given looks like a key itself (not shown); put it in a file only you can read, or in \(variable)"
                    ))
            }
            return .failure(LiveError("key/unreadable", "--api-key-file \(path): \(SystemIO.errorText(errno))"))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            return .failure(LiveError("key/unreadable", "--api-key-file \(path) is not a regular file"))
        }
        if st.st_mode & 0o044 != 0 {
            return .failure(
                LiveError(
                    "key/file-readable-by-others",
                    "--api-key-file \(path) may be read by group or others (mode \(String(st.st_mode & 0o777, radix: 8))); chmod 600 it first"))
        }
        var bytes = SystemIO.readAll(fd, limit: fileLimit + 1)
        defer { bytes.withUnsafeMutableBytes { if let b = $0.baseAddress { explicit_bzero(b, $0.count) } } }
        if bytes.count > fileLimit { return .failure(LiveError("key/invalid", "--api-key-file \(path) is too large to be a key")) }
        return make(String(decoding: bytes, as: UTF8.self), from: "--api-key-file \(path)")
    }

    /// A word shaped like Clerk's keys (`ak_…`, or a Backend API `sk_…` key) rather than a
    /// file's name: no folder in it, and long.
    public static func looksLikeAKey(_ text: String) -> Bool {
        (text.hasPrefix("ak_") || text.hasPrefix("sk_")) && !text.contains("/") && text.utf8.count >= 20
    }

    /// The key's text, only for searching what is shown or written for it (the console's
    /// screen mask, scrubbing): never to be shown, logged or stored.
    public var textToHide: String { value }

    /// The header that carries the key.
    var authorization: (String, String) { ("Authorization", "Bearer " + value) }

    /// Never the key: its mask.
    public var description: String { Secret.mask(value) }
    public var debugDescription: String { description }
}
