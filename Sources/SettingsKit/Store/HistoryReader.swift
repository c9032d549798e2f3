#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a history line could not be read. Never quotes the line: it may hold a secret.
public struct HistoryProblem: Error, Equatable, Sendable {
    public let message: String
}

/// Reads a history file line by line, in blocks, so a long history is never held whole.
/// Only a regular file is read (a FIFO or a link to /dev/zero named like the history
/// would hang `history` or feed it forever), opened without blocking; a line longer than
/// `maximumLineLength` is skipped unread (`lastLineWasTooLong`), and each byte is looked
/// at once, so one huge line costs time in proportion to its size.
public final class HistoryReader {
    /// A save's line holds the old and new value of every changed key: at most about
    /// twice the largest settings file the store accepts.
    public static let maximumLineLength = 2 * SettingsStore.sizeLimit + 65_536

    public let path: String
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where the search for the next line break goes on: the bytes before it have no break.
    private var scanned = 0
    private var atEnd = false
    private let limit: Int
    /// The number of the line `next()` returned last (from 1).
    public private(set) var lineNumber = 0
    /// Whether the line `next()` returned last was longer than the limit: it came back
    /// empty and should be reported, not read.
    public private(set) var lastLineWasTooLong = false

    /// Opens FILE.history.jsonl for `settingsPath`. When FILE is a symbolic link with no
    /// history beside it, the history beside the file it points to is read.
    public init(forSettingsFile settingsPath: String, maximumLineLength: Int = HistoryReader.maximumLineLength) throws(FileError) {
        limit = maximumLineLength
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK
        var path = SettingsStore.historyPath(for: settingsPath)
        var fd = SystemIO.open(path, flags)
        if fd < 0, errno == ENOENT, let target = SystemIO.realPath(settingsPath) {
            let resolved = SettingsStore.historyPath(for: target)
            let other = SystemIO.open(resolved, flags)
            if other >= 0 { (path, fd) = (resolved, other) } else { errno = ENOENT }
        }
        self.path = path
        if fd < 0 {
            let e = errno
            self.fd = -1
            throw FileError(
                e == ENOENT ? .notFound : .unreadable, path: path,
                e == ENOENT ? "no history: nothing was saved with social-console yet" : "cannot read: \(SystemIO.errorText(e))")
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            self.fd = -1
            throw FileError(.unreadable, path: path, "is not a regular file; not read")
        }
        self.fd = fd
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The next line without its line break (blank lines included), nil at the end.
    public func next() throws(FileError) -> ArraySlice<UInt8>? {
        lastLineWasTooLong = false
        var skipping = false
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[start..<newline]
                start = newline + 1
                scanned = start
                lineNumber += 1
                if skipping { lastLineWasTooLong = true; return [] }
                return line
            }
            scanned = buffer.count
            if atEnd {
                guard start < buffer.count || skipping else { return nil }
                let line = buffer[start...]
                start = buffer.count
                scanned = start
                lineNumber += 1
                if skipping { lastLineWasTooLong = true; return [] }
                return line
            }
            if buffer.count - start > limit {
                // Too long to be a save's line: drop what was read of it, look for its end.
                skipping = true
                start = buffer.count
            }
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(.unreadable, path: path, "cannot read: \(SystemIO.errorText(errno))")
            }
            if n == 0 { atEnd = true } else { buffer.append(contentsOf: chunk[..<n]) }
        }
    }
}
