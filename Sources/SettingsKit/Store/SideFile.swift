#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files beside a settings file FILE: FILE.lock, FILE.history.jsonl,
/// FILE.recovered.json and the temp files of a save. They belong to FILE's owner: a side
/// file is never handed to anyone else, and one that someone else put at a side name (in
/// a shared folder another user can create files in) is refused, never used: it could be
/// a file that user holds open, to read what is written into it, or one they would be
/// given. Ownership is always decided from FILE, never from what sits at the side name.
enum SideFile {
    /// Who may own a side file of `file`: FILE's owner, the user saving, and root (whose
    /// files no other user can have planted). FILE's owner is nil when FILE is not there.
    static func trustedOwners(of file: String) -> [uid_t] {
        let owner: uid_t? = SystemIO.status(file)?.st_uid
        return [owner, geteuid(), 0].compactMap { $0 }
    }

    /// FILE's owner and group, when FILE is there and they are not the saving user's own.
    static func foreignOwner(of file: String) -> (uid: uid_t, gid: gid_t)? {
        guard let st = SystemIO.status(file), st.st_uid != geteuid() || st.st_gid != getegid() else { return nil }
        return (st.st_uid, st.st_gid)
    }

    /// Opens side file `name` with `flags`, creating it (mode `mode`) when it is not there,
    /// and says whether this call created it: only a side file this process made may be
    /// given to FILE's owner (`claim`).
    static func open(_ name: String, _ flags: Int32, mode: mode_t) -> (fd: Int32, created: Bool) {
        for _ in 0..<8 {
            let fd = SystemIO.open(name, flags & ~O_CREAT)
            if fd >= 0 || errno != ENOENT { return (fd, false) }
            let made = SystemIO.open(name, flags | O_CREAT | O_EXCL, mode: mode)
            // Made by someone else between the two calls: open that one, as theirs.
            if made >= 0 || errno != EEXIST { return (made, made >= 0) }
        }
        return (-1, false)
    }

    /// Checks an opened side file `fd` (named `name`) of `file` before it is used: a regular
    /// file with no other name (a hard link to any file at a side name would have that file
    /// written to or given away), owned by a trusted owner; and when root uses one it did not
    /// create for someone else's FILE, it must already be that owner's (a root-owned file
    /// moved into place is not ours to use). When root created it for someone else's FILE,
    /// it is given FILE's owner and group, so the owner is not locked out of their own lock
    /// and history. A refused `fd` is closed. Returns its status.
    static func claim(_ fd: Int32, created: Bool, name: String, of file: String, shownPath: String) throws(FileError) -> stat {
        var st = stat()
        let foreign = geteuid() == 0 ? foreignOwner(of: file) : nil
        do throws(FileError) {
            if fstat(fd, &st) != 0 { st.st_mode = 0 }
            try checkRegular(st, name: name, shownPath: shownPath)
            try checkOwner(st, name: name, of: file, shownPath: shownPath)
            if st.st_nlink > 1 {
                throw refusal(
                    name, shownPath: shownPath, "has other names (\(st.st_nlink) hard links), so writing it would write another file; remove it")
            }
            if !created, let (uid, _) = foreign, st.st_uid != uid {
                throw refusal(
                    name, shownPath: shownPath,
                    "was not made by this save and belongs to uid \(st.st_uid), not to the file's owner (uid \(uid)): give it to them or remove it")
            }
        } catch {
            close(fd)
            throw error
        }
        if created, let (uid, gid) = foreign, st.st_uid != uid || st.st_gid != gid {
            _ = fchown(fd, uid, gid)
        }
        return st
    }

    static func refusal(_ name: String, shownPath: String, _ why: String) -> FileError {
        FileError(
            .unwritable, path: shownPath,
            "cannot save: \(SystemIO.baseName(of: name)) \(why). The file on disk is unchanged")
    }

    static func checkRegular(_ st: stat, name: String, shownPath: String) throws(FileError) {
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw FileError(
                .unwritable, path: shownPath,
                "cannot save: \(SystemIO.baseName(of: name)) is not a regular file (remove it); the file on disk is unchanged")
        }
    }

    /// Refuses a side file owned by another user (see `trustedOwners`).
    static func checkOwner(_ st: stat, name: String, of file: String, shownPath: String) throws(FileError) {
        guard trustedOwners(of: file).contains(st.st_uid) else {
            throw FileError(
                .unwritable, path: shownPath,
                "cannot save: \(SystemIO.baseName(of: name)) belongs to another user (uid \(st.st_uid)), not to the file's owner; remove it if you did not make it. The file on disk is unchanged"
            )
        }
    }

    /// `checkOwner` for a name that may not exist yet (not followed if it is a link).
    static func checkName(_ name: String, of file: String, shownPath: String) throws(FileError) {
        guard let st = SystemIO.linkStatus(name) else { return }
        try checkRegular(st, name: name, shownPath: shownPath)
        try checkOwner(st, name: name, of: file, shownPath: shownPath)
    }
}
