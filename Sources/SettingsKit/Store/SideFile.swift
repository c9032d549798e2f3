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
        var st = stat()
        let owner: uid_t? = stat(file, &st) == 0 ? st.st_uid : nil
        return [owner, geteuid(), 0].compactMap { $0 }
    }

    /// FILE's owner and group, when FILE is there and they are not the saving user's own.
    static func foreignOwner(of file: String) -> (uid: uid_t, gid: gid_t)? {
        var st = stat()
        guard stat(file, &st) == 0, st.st_uid != geteuid() || st.st_gid != getegid() else { return nil }
        return (st.st_uid, st.st_gid)
    }

    /// Checks an opened side file `fd` (named `name`) of `file`: a regular file, owned by a
    /// trusted owner. When root created it for someone else's FILE, it is given FILE's
    /// owner and group, so the owner is not locked out of their own lock and history.
    /// A refused `fd` is closed. Returns its status.
    static func claim(_ fd: Int32, name: String, of file: String, shownPath: String) throws(FileError) -> stat {
        var st = stat()
        do throws(FileError) {
            if fstat(fd, &st) != 0 { st.st_mode = 0 }
            try checkRegular(st, name: name, shownPath: shownPath)
            try checkOwner(st, name: name, of: file, shownPath: shownPath)
        } catch {
            close(fd)
            throw error
        }
        if geteuid() == 0, let (uid, gid) = foreignOwner(of: file), st.st_uid != uid || st.st_gid != gid {
            _ = fchown(fd, uid, gid)
        }
        return st
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
        var st = stat()
        guard lstat(name, &st) == 0 else { return }
        try checkRegular(st, name: name, shownPath: shownPath)
        try checkOwner(st, name: name, of: file, shownPath: shownPath)
    }
}
