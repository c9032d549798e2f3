#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The exclusive lock that makes writers of one settings file take turns: flock(2) on
/// FILE.lock beside it. Every writer (`set`, `init`, the console's save) takes it and
/// re-reads the file under it, so no change is lost. The lock file itself is never
/// removed: removing it would let two writers lock two different files of one name.
enum FileLock {
    /// How long a writer waits for another one before giving up with a clear error. A
    /// save takes milliseconds; this only ends waits on a stuck or stopped process.
    static let defaultTimeout: Double = 30

    static func path(for file: String) -> String { file + ".lock" }

    /// Whether another program holds the lock now: a shared try on the lock file, let go
    /// at once (a look, not a promise; the lock file is never made here).
    static func isHeld(_ file: String) -> Bool {
        let fd = SystemIO.open(path(for: file), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(fd, LOCK_UN)
        return false
    }

    /// Runs `body` holding the lock for `file` (a path with links already resolved), whose
    /// owner is `owner` (nil: a file new to the saver). `shownPath` is the name the user
    /// gave, used in messages.
    /// `stopWaiting`: asked while another writer holds the lock; true ends the wait with
    /// an error (the session that asked for the save is ending).
    static func withLock<T>(
        _ file: String, in folder: SaveFolder, shownPath: String, owner: SideFile.Owner?, timeout: Double = defaultTimeout,
        stopWaiting: () -> Bool = { false }, _ body: () throws(FileError) -> T
    ) throws(FileError) -> T {
        let fd = try openLockFile(file, in: folder, shownPath: shownPath, owner: owner)
        defer { close(fd) }
        try acquire(fd, file: file, shownPath: shownPath, timeout: timeout, stopWaiting: stopWaiting)
        // Let go in so many words, not by closing: a child process another thread forks
        // at that moment holds a copy of the descriptor until it runs its program, and the
        // lock would be held as long as any copy is open.
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Opens (creating if needed) the lock file. flock works on a descriptor opened for
    /// reading, so a lock file that cannot be opened for writing (made by another user,
    /// or on a read-only file system) still serves, and the save then fails on its own
    /// cause instead of a confusing one about the lock.
    static func openLockFile(_ file: String, in folder: SaveFolder, shownPath: String, owner: SideFile.Owner?) throws(FileError) -> Int32 {
        let lock = path(for: file)
        // O_NOFOLLOW: a link planted at FILE.lock must not make a root process create or
        // lock a file elsewhere. O_NONBLOCK: a FIFO planted there must not hang the open.
        let flags = O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK
        var (fd, created) = SideFile.open(lock, O_RDWR | flags, mode: 0o600, in: folder)
        var e = errno
        if fd < 0, e == EACCES || e == EROFS || e == EPERM {
            (fd, created) = (SystemIO.open(in: folder.descriptor, SystemIO.baseName(of: lock), O_RDONLY | flags), false)
            if fd < 0 && errno != ENOENT { e = errno }
        }
        guard fd >= 0 else { throw failure(e, file: file, shownPath: shownPath) }
        _ = try SideFile.claim(fd, created: created, name: lock, owner: owner, shownPath: shownPath)
        return fd
    }

    static func failure(_ e: Int32, file: String, shownPath: String) -> FileError {
        let dir = SystemIO.directory(of: file)
        if e == ENOENT || e == ENOTDIR, !SystemIO.isFolder(dir) {
            return FileError(.unwritable, path: shownPath, "cannot save: the folder \(dir) does not exist (\(SystemIO.errorText(ENOENT)))")
        }
        if e == ELOOP {
            return FileError(
                .unwritable, path: shownPath,
                "cannot save: \(SystemIO.baseName(of: path(for: file))) is a symbolic link (remove it); the file on disk is unchanged")
        }
        let verb = SystemIO.exists(path(for: file)) ? "open" : "create"
        return FileError(
            .unwritable, path: shownPath,
            "cannot save: \(SystemIO.errorText(e)) (cannot \(verb) \(SystemIO.baseName(of: path(for: file))) in the folder \(dir)); the file on disk is unchanged"
        )
    }

    /// Waits for the exclusive lock, polling so that a writer stuck elsewhere ends in an
    /// error after `timeout` seconds instead of a hang with no message.
    static func acquire(_ fd: Int32, file: String, shownPath: String, timeout: Double, stopWaiting: () -> Bool = { false }) throws(FileError) {
        let deadline = MonotonicInstant.now + .seconds(timeout)
        var pause: UInt32 = 500  // microseconds, doubled up to 10 ms
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let e = errno
            if e == EINTR { continue }
            guard e == EWOULDBLOCK else {
                throw FileError(
                    .unwritable, path: shownPath,
                    "cannot lock \(SystemIO.baseName(of: path(for: file))): \(SystemIO.errorText(e)); the file on disk is unchanged")
            }
            if stopWaiting() {
                throw FileError(
                    .unwritable, path: shownPath,
                    "the save was stopped while another program held \(SystemIO.baseName(of: path(for: file))); nothing was changed")
            }
            if MonotonicInstant.now >= deadline {
                throw FileError(
                    .unwritable, path: shownPath,
                    "another program has been saving this file for \(Int(timeout)) s (\(SystemIO.baseName(of: path(for: file))) is locked); nothing was changed"
                )
            }
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
    }
}
