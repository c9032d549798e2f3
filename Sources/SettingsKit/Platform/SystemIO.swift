#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin wrappers over the POSIX calls the store needs. SettingsKit avoids Foundation so
/// the console starts fast; these keep errno handling in one place.
public enum SystemIO {
    public static func errorText(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "no space left on the device"
        case EDQUOT: return "disk quota exceeded"
        case EROFS: return "read-only file system"
        case EISDIR: return "is a folder"
        case ENOTDIR: return "a part of the path is not a folder"
        case EIO: return "input/output error"
        default: return String(cString: strerror(code))
        }
    }

    /// Reads a whole file. Refuses anything but a regular file and anything over `limit` bytes.
    /// `admit` is told the file's size before anything is read (and may wait: `audit`'s
    /// budget of bytes in flight).
    /// `followingLinks: false` refuses a symbolic link (a side file: FILE.recovered.json is
    /// read only as the file at its name, never through a link someone planted there).
    /// `afterwards`, when given, is told the file's status once the last byte is read: a
    /// file written to meanwhile (in place) has changed since `stat`.
    /// `at`, when given, is where the file is read: a name in a folder a save holds
    /// (`SaveFolder`); `path` then only names it in messages.
    static func readFile(
        _ path: String, at place: (folder: Int32, name: String)? = nil, limit: Int, followingLinks: Bool = true,
        admit: (Int) -> Void = { _ in }, afterwards: ((stat) -> Void)? = nil
    ) -> Result<(bytes: [UInt8], stat: stat), FileError> {
        // O_NONBLOCK: opening a FIFO named like a settings file must not wait forever for a
        // writer (audit walks folders it did not create). It changes nothing for regular files.
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW)
        let fd = place.map { SystemIO.open(in: $0.folder, $0.name, flags) } ?? SystemIO.open(path, flags)
        if fd < 0 {
            let e = errno
            let code: FileError.Code = e == ENOENT ? .notFound : .unreadable
            let message =
                e == ENOENT ? "file not found" : e == ELOOP && !followingLinks ? "is a symbolic link: not followed" : "cannot read: \(errorText(e))"
            return .failure(FileError(code, path: path, message))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileError(.unreadable, path: path, "cannot read: \(errorText(errno))")) }
        if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(FileError(.unreadable, path: path, "is a folder, not a settings file")) }
        if (st.st_mode & S_IFMT) != S_IFREG { return .failure(FileError(.unreadable, path: path, "is not a regular file")) }
        if Int(st.st_size) > limit {
            return .failure(
                FileError(.unreadable, path: path, "is \(Int(st.st_size) / 1_048_576) MiB; settings files over \(limit / 1_048_576) MiB are refused"))
        }
        admit(Int(st.st_size))
        // One byte more than the size, so the read that finds the end needs no more room:
        // growing by 64 KiB for it was 13 ms a file in debug builds and ~5% of audit in release.
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                // The file may have grown since fstat; read on in chunks up to the limit.
                if total > limit { return .failure(FileError(.unreadable, path: path, "grew past \(limit / 1_048_576) MiB while being read")) }
                bytes.append(contentsOf: repeatElement(0, count: 65_536))
            }
            let n = bytes.withUnsafeMutableBytes { buf in read(fd, buf.baseAddress! + total, buf.count - total) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(.unreadable, path: path, "cannot read: \(errorText(errno))"))
            }
            if n == 0 { break }
            total += n
        }
        bytes.removeSubrange(total...)
        if let afterwards {
            var now = stat()
            if fstat(fd, &now) != 0 { now = stat() }
            afterwards(now)
        }
        return .success((bytes, st))
    }

    /// Reads a descriptor to its end, retrying EINTR, but stops once more than `limit`
    /// bytes are in: a caller tells "too long" by a count above `limit`.
    public static func readAll(_ fd: Int32, limit: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= limit {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }

    /// Writes all bytes, retrying short writes and EINTR. Returns errno on failure (a
    /// closed pipe, a full disk): the one write loop of the store and of command output.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buf in write(fd, buf.baseAddress! + done, buf.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }

    /// Closes a descriptor. Linux closes it even when close(2) reports EINTR, so that is
    /// not a failure (retrying would close someone else's descriptor).
    static func closeChecked(_ fd: Int32) -> Int32? {
        if close(fd) == 0 { return nil }
        let e = errno
        return e == EINTR ? nil : e
    }

    /// The file a path names, with symbolic links followed: saves replace the file a link
    /// points to (not the link), and every name for one file shares one lock and history.
    /// A path that is not a symbolic link, or cannot be resolved, is returned as it is.
    static func resolvingLinks(_ path: String) -> String {
        guard let st = linkStatus(path), (st.st_mode & S_IFMT) == S_IFLNK else { return path }
        return realPath(path) ?? path
    }

    public static func isFolder(_ path: String) -> Bool {
        guard let st = status(path) else { return false }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func exists(_ path: String) -> Bool { linkStatus(path) != nil }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    /// A path's last part: the one way every message, title and side file names a file.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func userName() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        if let env = getenv("USER") { return String(cString: env) }
        return "uid \(geteuid())"
    }

    /// Now, as "2026-11-29T10:00:00Z".
    public static func utcTimestamp() -> String {
        var t = time(nil)
        var tm = tm()
        gmtime_r(&t, &tm)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))T\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))Z"
    }

    static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        return String(UInt64.random(in: 0...UInt64.max, using: &g), radix: 36)
    }
}
