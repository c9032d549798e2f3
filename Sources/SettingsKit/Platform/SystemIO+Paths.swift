#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every system call that takes a path, each wrapped once (as swift-system's Syscalls):
/// the path reaches the system as its bytes (`SystemPath`), so a name that is not UTF-8
/// is opened, listed and saved by the name it has. Nothing else in the program passes a
/// path to the system (`SystemCallTests` looks through the sources for one).
extension SystemIO {
    /// open(2); -1 and errno on failure.
    public static func open(_ path: String, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        SystemPath.withCString(path) { Glibc.open($0, flags, mode) }
    }

    /// stat(2), following links; nil and errno on failure.
    public static func status(_ path: String) -> stat? {
        var st = stat()
        return SystemPath.withCString(path) { stat($0, &st) } == 0 ? st : nil
    }

    /// lstat(2): a link itself, not what it points to; nil and errno on failure.
    public static func linkStatus(_ path: String) -> stat? {
        var st = stat()
        return SystemPath.withCString(path) { lstat($0, &st) } == 0 ? st : nil
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        SystemPath.withCString(from) { a in SystemPath.withCString(to) { b in Glibc.rename(a, b) } }
    }

    static func link(_ from: String, _ to: String) -> Int32 {
        SystemPath.withCString(from) { a in SystemPath.withCString(to) { b in Glibc.link(a, b) } }
    }

    @discardableResult
    public static func unlink(_ path: String) -> Int32 { SystemPath.withCString(path) { Glibc.unlink($0) } }

    /// A folder held by a descriptor (O_PATH: saving in a folder needs no right to read
    /// it, so none is asked), for the calls below, which name what is in it; -1 and errno
    /// on failure.
    static func holdFolder(_ path: String) -> Int32 {
        SystemPath.withCString(path) { Glibc.open($0, pathOnly | O_DIRECTORY | O_CLOEXEC) }
    }

    /// O_PATH, which glibc's headers declare only under _GNU_SOURCE: 010000000 on Linux
    /// (x86-64 and arm64 alike).
    private static let pathOnly: Int32 = 0o10000000

    /// openat(2): `name` in the folder `folder` holds.
    static func open(in folder: Int32, _ name: String, _ flags: Int32, mode: mode_t = 0) -> Int32 {
        SystemPath.withCString(name) { openat(folder, $0, flags, mode) }
    }

    /// fstatat(2) without following a link: `name` in the folder `folder` holds.
    static func linkStatus(in folder: Int32, _ name: String) -> stat? {
        var st = stat()
        return SystemPath.withCString(name) { fstatat(folder, $0, &st, AT_SYMLINK_NOFOLLOW) } == 0 ? st : nil
    }

    /// renameat(2) within the folder `folder` holds.
    static func rename(in folder: Int32, _ from: String, _ to: String) -> Int32 {
        SystemPath.withCString(from) { a in SystemPath.withCString(to) { b in renameat(folder, a, folder, b) } }
    }

    /// linkat(2) within the folder `folder` holds.
    static func link(in folder: Int32, _ from: String, _ to: String) -> Int32 {
        SystemPath.withCString(from) { a in SystemPath.withCString(to) { b in linkat(folder, a, folder, b, 0) } }
    }

    /// unlinkat(2) in the folder `folder` holds.
    @discardableResult
    static func unlink(in folder: Int32, _ name: String) -> Int32 { SystemPath.withCString(name) { unlinkat(folder, $0, 0) } }

    /// opendir(3); nil and errno on failure.
    static func openFolder(_ path: String) -> OpaquePointer? { SystemPath.withCString(path) { opendir($0) } }

    /// The path with every link, `.` and `..` resolved (realpath(3)), or nil when it
    /// cannot be (the file is not there).
    public static func realPath(_ path: String) -> String? {
        guard let resolved = SystemPath.withCString(path, { realpath($0, nil) }) else { return nil }
        defer { free(resolved) }
        return SystemPath.string(cString: resolved)
    }
}
