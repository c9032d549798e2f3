#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FILE.history.jsonl: one JSON line per save. A save appends its line *before* it puts
/// the new file in place, and takes the line back if that fails, so the history never
/// misses a save that happened (a change to the secret must not go unrecorded) and a save
/// that cannot record its history (disk full) does not happen. Only a kill -9 in the
/// instant between the two leaves a line for a save that did not land.
struct HistoryAppend {
    let fd: Int32
    /// The history's length before this line: where `rollback` cuts it back to.
    let previousSize: off_t

    static func path(for file: String) -> String { file + ".history.jsonl" }

    /// Appends `line` (ending in a newline) to the history of `file`, fsynced.
    static func append(
        _ line: String, for file: String, in folder: SaveFolder, owner: SideFile.Owner?, shownPath: String
    ) throws(FileError) -> HistoryAppend {
        let history = path(for: file)
        func failure(_ e: Int32) -> FileError {
            FileError(
                .unwritable, path: shownPath,
                "cannot save: \(SystemIO.errorText(e)) (writing the history \(SystemIO.baseName(of: history))); the file on disk is unchanged")
        }
        // Read access too, to look at the last byte; O_NOFOLLOW as for the lock file.
        let (fd, created) = SideFile.open(history, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, mode: 0o600, in: folder)
        guard fd >= 0 else { throw failure(errno) }
        let st = try SideFile.claim(fd, created: created, name: history, owner: owner, shownPath: shownPath)
        // A history made lax by hand (or by an older version) is made 0600 again: it
        // records who changed what, and every earlier value but the secret's.
        if st.st_mode & 0o7777 != 0o600, fchmod(fd, 0o600) != 0 {
            let e = errno
            close(fd)
            throw failure(e)
        }
        let size = st.st_size
        var bytes = Array(line.utf8)
        // A line cut short (by a full disk in an older version, or an editor) would swallow
        // this one; start on a fresh line so each save's line stays valid JSON.
        if size > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, size - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }
        // Never leave half a line: a full disk must not corrupt the history.
        func abandon(_ e: Int32) -> FileError {
            _ = ftruncate(fd, size)
            close(fd)
            return failure(e)
        }
        if let e = SystemIO.writeAll(fd, bytes) { throw abandon(e) }
        if fsync(fd) != 0 { throw abandon(errno) }
        return HistoryAppend(fd: fd, previousSize: size)
    }

    /// Takes the line back: the save it recorded did not happen.
    func rollback() {
        _ = ftruncate(fd, previousSize)
        _ = fsync(fd)
        close(fd)
    }

    func finish() { close(fd) }
}
