#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder a save writes in, held from before the file's lock is taken until the new
/// version is in place. The temp file, the rename and the link are made in it by its
/// descriptor (`StagedFile`), and `check` refuses the save when the folder's name no
/// longer leads to it: another user who may write in a folder above could otherwise move
/// it away while the save waits for the lock, put a link to any other folder at its name,
/// and have the save (root's, say, which gives the file its owner) write there.
final class SaveFolder {
    let descriptor: Int32
    let path: String
    private let device: UInt64, inode: UInt64

    /// Holds the folder at `path`, the folder of the file `shownPath` names.
    init(holding path: String, for file: String, shownPath: String) throws(FileError) {
        let fd = SystemIO.holdFolder(path)
        var st = stat()
        guard fd >= 0, fstat(fd, &st) == 0 else {
            let e = errno
            if fd >= 0 { close(fd) }
            if e == ENOENT || e == ENOTDIR { throw FileLock.failure(e, file: file, shownPath: shownPath) }
            throw FileError(.unwritable, path: shownPath, "cannot save: \(SystemIO.errorText(e)) (the folder \(path)); the file on disk is unchanged")
        }
        descriptor = fd
        self.path = path
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }

    deinit { close(descriptor) }

    /// Refuses to go on when the folder's name now leads elsewhere (or nowhere).
    func check(shownPath: String) throws(FileError) {
        guard let st = SystemIO.status(path), UInt64(st.st_dev) == device, UInt64(st.st_ino) == inode else {
            throw FileError(
                .unwritable, path: shownPath,
                "cannot save: the folder \(path) was moved or replaced while saving; nothing was written")
        }
    }
}
