#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The new version of a file, written in full to a temp file beside it and fsynced, but not
/// yet in place. `commit` renames it over the old one (or links it, to never overwrite) and
/// fsyncs the folder; `discard` removes it. Until `commit`, a crash or kill -9 leaves the
/// old file as it was, and only a temp file behind, which the next save removes.
///
/// Create one only while holding the file's lock: staging removes temp files of earlier
/// saves of the same file, which only a killed save can have left.
struct StagedFile {
    /// The folder both are in, held: every name below is in it (`SaveFolder`).
    let folder: SaveFolder
    /// The temp file's name and the target's, in `folder`.
    let temp: String
    let target: String
    /// The name the user gave, for messages.
    let shownPath: String
    /// The staged file's status: after a rename it is the identity of the saved file.
    let status: stat

    static let tempMarker = ".tmp-"

    /// ".acme.json.tmp-": hidden, so `audit` of a folder never picks one up.
    static func tempPrefix(for path: String) -> String { "." + SystemIO.baseName(of: path) + tempMarker }

    /// Is `name` a temp file of a save of the file named `base`? Exactly
    /// ".BASE.tmp-PID-SUFFIX", so the temp files of "acme.json.tmp-x.json" (whose prefix
    /// starts the same) are never taken for acme.json's and removed under the wrong lock.
    static func isTempName(_ name: String, of base: String) -> Bool {
        let prefix = "." + base + tempMarker
        guard name.hasPrefix(prefix) else { return false }
        let rest = name.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
        return rest.count == 2 && !rest[0].isEmpty && rest[0].allSatisfy(\.isNumber)
            && !rest[1].isEmpty && rest[1].allSatisfy { $0.isASCII && ($0.isNumber || $0.isLowercase) }
    }

    /// Writes `bytes` to a new temp file beside `target` (in `folder`, held by the caller
    /// since before it took the lock, or before it looked at the name) with mode `mode`, fsynced. The
    /// file gets `owner` (the settings file's, as it was loaded; never a side name's) when
    /// root saves it for someone else; nil leaves it the saving user's. `removingStale`:
    /// the caller holds the file's lock, so temp files of earlier saves of `target` are
    /// left over from killed ones and are removed.
    static func stage(
        _ bytes: [UInt8], for target: String, in folder: SaveFolder, shownPath: String, mode: mode_t = 0o600,
        owner: SideFile.Owner?, removingStale: Bool = true
    ) throws(FileError) -> StagedFile {
        let dir = SystemIO.directory(of: target)
        if removingStale { removeStaleTempFiles(of: target, in: folder) }
        let temp = tempPrefix(for: target) + "\(getpid())-" + SystemIO.randomSuffix()
        func failure(_ e: Int32) -> FileError {
            FileError(
                .unwritable, path: shownPath, "cannot save: \(SystemIO.errorText(e)) (writing in the folder \(dir)); the file on disk is unchanged")
        }
        let fd = SystemIO.open(in: folder.descriptor, temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode: mode)
        guard fd >= 0 else { throw failure(errno) }
        func abandon(_ e: Int32) -> FileError {
            close(fd)
            SystemIO.unlink(in: folder.descriptor, temp)
            return failure(e)
        }
        // The umask may have taken bits away; 0600 is asked for exactly.
        if fchmod(fd, mode) != 0 { throw abandon(errno) }
        // When root (say, support staff with sudo) saves a file another user owns, the new
        // file keeps that owner; otherwise the owner could no longer read their own 0600
        // file. A user who may not give files away simply becomes the owner, as with any editor.
        if let owner, owner.isForeign { _ = fchown(fd, owner.uid, owner.gid) }
        if let e = SystemIO.writeAll(fd, bytes) { throw abandon(e) }
        // Without this the rename could reach the disk before the data: after a power cut,
        // an empty file where the old one was.
        if fsync(fd) != 0 { throw abandon(errno) }
        var st = stat()
        if fstat(fd, &st) != 0 { throw abandon(errno) }
        if let e = SystemIO.closeChecked(fd) {
            SystemIO.unlink(in: folder.descriptor, temp)
            throw failure(e)
        }
        return StagedFile(folder: folder, temp: temp, target: SystemIO.baseName(of: target), shownPath: shownPath, status: st)
    }

    /// Puts the staged file in place: rename over the target, or (`replacing: false`) link
    /// it, which fails instead of overwriting. Then fsyncs the folder so the rename itself
    /// survives a power cut. On failure the temp file is removed and the target untouched.
    func commit(replacing: Bool) throws(FileError) {
        let fd = folder.descriptor
        if replacing {
            if SystemIO.rename(in: fd, temp, target) != 0 {
                let e = errno
                SystemIO.unlink(in: fd, temp)
                throw FileError(.unwritable, path: shownPath, "cannot save: \(SystemIO.errorText(e)); the file on disk is unchanged")
            }
        } else {
            let linked = SystemIO.link(in: fd, temp, target)
            let e = errno
            SystemIO.unlink(in: fd, temp)
            if linked != 0 {
                if e == EEXIST { throw FileError(.exists, path: shownPath, "already exists; not overwritten") }
                throw FileError(.unwritable, path: shownPath, "cannot create: \(SystemIO.errorText(e))")
            }
        }
        // The new file is in place; a failing folder fsync can only lose it to a power cut
        // in the next seconds, which no error message could help with.
        let dfd = SystemIO.open(in: fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    func discard() { SystemIO.unlink(in: folder.descriptor, temp) }

    /// Removes temp files that saves of `target` killed before their rename left behind,
    /// listed and removed in `folder` (the save's, held): never in another folder put at
    /// the name meanwhile. `onlyOfEndedProcesses`: without the file's lock, another process
    /// may be writing one right now; only those whose writer (the process id in the name)
    /// is gone are stale.
    static func removeStaleTempFiles(of target: String, in folder: SaveFolder, onlyOfEndedProcesses: Bool = false) {
        let base = SystemIO.baseName(of: target)
        guard case .success(let names) = FolderListing.names(in: folder.descriptor) else { return }
        for name in names where isTempName(name, of: base) {
            if onlyOfEndedProcesses, let pid = writer(of: name, base: base), kill(pid, 0) == 0 || errno != ESRCH { continue }
            _ = SystemIO.unlink(in: folder.descriptor, name)
        }
    }

    /// The process id a temp file's name holds (".BASE.tmp-PID-SUFFIX").
    static func writer(of name: String, base: String) -> pid_t? {
        pid_t(name.dropFirst(tempPrefix(for: base).count).prefix { $0 != "-" })
    }
}
