#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names in one folder, read once with opendir/readdir: for `audit`'s walk (`read`)
/// and, in the folder a save holds, for the temp files a killed save left behind
/// (`names(in:)`). "." and ".." are left out; nothing is sorted.
struct FolderListing {
    struct Entry {
        let name: String
        /// A folder, links to folders included (`isLink` tells them apart).
        let isFolder: Bool
        let isLink: Bool
    }

    /// The folder's entries, or the errno that opendir gave. The type of an entry the
    /// file system does not report (DT_UNKNOWN) or of a link is found with stat.
    static func read(_ folder: String) -> Result<[Entry], Errno> {
        guard let d = SystemIO.openFolder(folder) else { return .failure(Errno(code: errno)) }
        defer { closedir(d) }
        var entries: [Entry] = []
        while let entry = readdir(d) {
            let name = Self.name(of: entry)
            if name == "." || name == ".." { continue }
            let type = entry.pointee.d_type
            var isFolder = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                isFolder = SystemIO.isFolder(folder + "/" + name)
            }
            entries.append(Entry(name: name, isFolder: isFolder, isLink: type == UInt8(DT_LNK)))
        }
        return .success(entries)
    }

    /// The names in the folder `descriptor` holds (O_PATH will do: it is opened again for
    /// reading), or the errno that failed.
    static func names(in descriptor: Int32) -> Result<[String], Errno> {
        let fd = SystemIO.open(in: descriptor, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(Errno(code: errno)) }
        guard let d = fdopendir(fd) else {
            let e = errno
            close(fd)
            return .failure(Errno(code: e))
        }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// An entry's name, its bytes as they are: not UTF-8 is still a name (`SystemPath`).
    private static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { SystemPath.string(cString: $0) }
        }
    }

    struct Errno: Error { let code: Int32 }
}
