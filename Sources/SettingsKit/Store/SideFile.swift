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
/// given. Ownership is always decided from FILE as it was loaded (`Owner`), never from
/// what sits at a side name, nor from a FILE that appeared or was swapped in meanwhile.
enum SideFile {
    /// Whose FILE is, and so whose its side files are.
    struct Owner: Equatable {
        let uid: uid_t
        let gid: gid_t

        init(uid: uid_t, gid: gid_t) {
            self.uid = uid
            self.gid = gid
        }

        /// The owner of FILE as it was loaded.
        init(_ identity: FileIdentity) { self.init(uid: uid_t(identity.owner), gid: gid_t(identity.group)) }

        /// The owner of `file` as it is on disk now; nil when it is not there.
        static func of(_ file: String) -> Owner? {
            SystemIO.status(file).map { Owner(uid: $0.st_uid, gid: $0.st_gid) }
        }

        /// Someone other than the saving user: root gives the files it creates to them.
        var isForeign: Bool { uid != geteuid() || gid != getegid() }
    }

    /// Who may own a side file: FILE's owner (nil for a FILE that is new to the saver:
    /// nobody else), the user saving, and root (whose files no other user can have planted).
    static func trustedOwners(_ owner: Owner?) -> [uid_t] {
        [owner?.uid, geteuid(), 0].compactMap { $0 }
    }

    /// Opens side file `name` with `flags`, creating it (mode `mode`) when it is not there,
    /// and says whether this call created it: only a side file this process made may be
    /// given to FILE's owner (`claim`). Opened in `folder`, the folder the save holds (the
    /// name's last part there, whatever its path leads to now).
    static func open(_ name: String, _ flags: Int32, mode: mode_t, in folder: SaveFolder) -> (fd: Int32, created: Bool) {
        func openSide(_ flags: Int32, mode: mode_t = 0) -> Int32 {
            SystemIO.open(in: folder.descriptor, SystemIO.baseName(of: name), flags, mode: mode)
        }
        for _ in 0..<8 {
            let fd = openSide(flags & ~O_CREAT)
            if fd >= 0 || errno != ENOENT { return (fd, false) }
            let made = openSide(flags | O_CREAT | O_EXCL, mode: mode)
            // Made by someone else between the two calls: open that one, as theirs.
            if made >= 0 || errno != EEXIST { return (made, made >= 0) }
        }
        return (-1, false)
    }

    /// Checks an opened side file `fd` (named `name`) of a FILE owned by `owner` before it
    /// is used: a regular file with no other name (a hard link to any file at a side name
    /// would have that file written to or given away), owned by a trusted owner; and when
    /// root uses one it did not create for someone else's FILE, it must already be that
    /// owner's (a root-owned file moved into place is not ours to use). When root created it
    /// for someone else's FILE, it is given FILE's owner and group, so the owner is not
    /// locked out of their own lock and history. A refused `fd` is closed. Returns its status.
    static func claim(_ fd: Int32, created: Bool, name: String, owner: Owner?, shownPath: String) throws(FileError) -> stat {
        var st = stat()
        let foreign = geteuid() == 0 && owner?.isForeign == true ? owner : nil
        do throws(FileError) {
            if fstat(fd, &st) != 0 { st.st_mode = 0 }
            try checkRegular(st, name: name, shownPath: shownPath)
            try checkOwner(st, name: name, owner: owner, shownPath: shownPath)
            if st.st_nlink > 1 {
                throw refusal(
                    name, shownPath: shownPath, "has other names (\(st.st_nlink) hard links), so writing it would write another file; remove it")
            }
            if !created, let foreign, st.st_uid != foreign.uid {
                throw refusal(
                    name, shownPath: shownPath,
                    "was not made by this save and belongs to uid \(st.st_uid), not to the file's owner (uid \(foreign.uid)): give it to them or remove it"
                )
            }
        } catch {
            close(fd)
            throw error
        }
        if created, let foreign, st.st_uid != foreign.uid || st.st_gid != foreign.gid {
            _ = fchown(fd, foreign.uid, foreign.gid)
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
    static func checkOwner(_ st: stat, name: String, owner: Owner?, shownPath: String) throws(FileError) {
        guard trustedOwners(owner).contains(st.st_uid) else {
            throw refusal(
                name, shownPath: shownPath, "belongs to another user (uid \(st.st_uid)), not to the file's owner; remove it if you did not make it")
        }
    }

    /// `checkOwner` for a name that may not exist yet (not followed if it is a link).
    static func checkName(_ name: String, owner: Owner?, shownPath: String) throws(FileError) {
        guard let st = SystemIO.linkStatus(name) else { return }
        try checkRegular(st, name: name, shownPath: shownPath)
        try checkOwner(st, name: name, owner: owner, shownPath: shownPath)
    }
}
