#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files `audit` looks at, in the order of `Audit.collectFiles`, found as they are
/// needed: only the folders on the way down are held, one listing each, so auditing
/// 100,000 files does not first gather 100,000 paths.
///
/// The order is the same as sorting all paths below a folder because each folder's
/// entries are sorted as they appear in a path: a sub-folder `d` sorts as "d/", since
/// every path below it starts with that.
public struct AuditFiles: Sequence, IteratorProtocol {
    private struct Entry {
        let name: String
        let isFolder: Bool
        /// The name as it sorts among full paths.
        let sortKey: String

        /// The folder itself, when it cannot be read: yielded as a path to report.
        let isUnreadableFolder: Bool

        init(name: String, isFolder: Bool) {
            self.name = name
            self.isFolder = isFolder
            sortKey = isFolder ? name + "/" : name
            isUnreadableFolder = false
        }

        init(unreadable folder: String) {
            name = folder
            isFolder = false
            sortKey = ""
            isUnreadableFolder = true
        }
    }

    private struct Listing {
        let folder: String
        let entries: [Entry]
        var next = 0
    }

    /// A file by device and inode: what stays the same whatever path names it.
    public typealias Node = (device: UInt64, inode: UInt64)

    private let arguments: [String]
    private var nextArgument = 0
    private var stack: [Listing] = []
    private let excluded: Node?

    /// Files and folders as given to `audit`; a path that does not exist is kept, so it
    /// is reported as not found. `excluding` is a file never listed, by whatever name:
    /// `audit`'s own output when it is redirected into a file below a folder it audits.
    public init(_ paths: [String], excluding: Node? = nil) {
        arguments = paths
        excluded = excluding
    }

    private func isExcluded(_ path: String) -> Bool {
        guard let excluded else { return false }
        guard let st = SystemIO.status(path) else { return false }
        return UInt64(st.st_dev) == excluded.device && UInt64(st.st_ino) == excluded.inode
    }

    public mutating func next() -> String? {
        while true {
            if let top = stack.indices.last {
                // Read in place, not as a copy of the listing for every file.
                let next = stack[top].next
                guard next < stack[top].entries.count else {
                    stack.removeLast()
                    continue
                }
                stack[top].next += 1
                let entry = stack[top].entries[next]
                if entry.isUnreadableFolder { return entry.name }
                let path = stack[top].folder + "/" + entry.name
                if entry.isFolder { stack.append(Listing(folder: path, entries: AuditFiles.list(path))) } else if !isExcluded(path) { return path }
                continue
            }
            guard nextArgument < arguments.count else { return nil }
            let path = arguments[nextArgument]
            nextArgument += 1
            guard SystemIO.isFolder(path) else {
                if isExcluded(path) { continue }
                return path
            }
            let folder = AuditFiles.joinable(path)
            stack.append(Listing(folder: folder, entries: AuditFiles.list(folder)))
        }
    }

    /// `folder` as the names below it are joined to it ("/" between): a trailing "/" dropped.
    public static func joinable(_ folder: String) -> String {
        folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
    }

    /// How many paths the walk of `paths` gives (files, and folders it cannot read), counted
    /// without putting them in order: what a list that fills as files are judged shows
    /// before the first is. `visit` is told each folder the walk goes into, before its
    /// files (a watcher of the files watches them).
    public static func count(_ paths: [String], visiting visit: (String) -> Void = { _ in }) -> Int {
        var total = 0
        var folders: [String] = []
        for path in paths {
            if SystemIO.isFolder(path) { folders.append(AuditFiles.joinable(path)) } else { total += 1 }
        }
        while let folder = folders.popLast() {
            visit(folder)
            for entry in unsortedList(folder) {
                if entry.isFolder { folders.append(folder + "/" + entry.name) } else { total += 1 }
            }
        }
        return total
    }

    /// A folder's settings files and sub-folders, sorted; hidden entries and links to
    /// folders (which could loop) left out, as `Audit.collectFiles` does. A folder that
    /// cannot be read is listed as itself: `Audit.judge` reports it as an error entry, so
    /// `audit` never passes over files it could not see.
    private static func list(_ folder: String) -> [Entry] {
        unsortedList(folder).sorted { $0.sortKey < $1.sortKey }
    }

    private static func unsortedList(_ folder: String) -> [Entry] {
        guard case .success(let all) = FolderListing.read(folder) else { return [Entry(unreadable: folder)] }
        var entries: [Entry] = []
        for entry in all where !entry.name.hasPrefix(".") && !(entry.isLink && entry.isFolder) {
            if entry.isFolder || Audit.isSettingsFileName(entry.name) { entries.append(Entry(name: entry.name, isFolder: entry.isFolder)) }
        }
        return entries
    }
}
