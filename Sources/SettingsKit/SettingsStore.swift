#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A settings file as it was read: the settings, the exact bytes, its permission bits
/// (for the readable-by-others check) and its identity (to notice someone else's save).
public struct LoadedFile: Sendable {
    public let path: String
    public let settings: Settings
    public let bytes: [UInt8]
    /// Permission bits, e.g. 0o600.
    public let mode: UInt32
    public let identity: FileIdentity
}

/// What tells one version of a file on disk from another without reading it.
public struct FileIdentity: Equatable, Sendable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
    }
}

/// One change recorded in the history file.
public struct Change: Equatable, Sendable {
    public let key: String
    public let old: JSONValue?
    public let new: JSONValue?

    public var isSecret: Bool { key == Fields.secretKey }
}

/// Loads and saves settings files. Every save takes an exclusive lock (FILE.lock), writes
/// a temporary file in the same folder, fsyncs it, renames it over the old one and fsyncs
/// the folder: a reader or a crash sees the old file or the new one, never half of one.
/// Files are written with mode 0600. Each save appends its changes to FILE.history.jsonl.
public enum SettingsStore {
    /// Bigger files are refused before parsing; real settings files are about 1 KiB.
    public static let sizeLimit = 8 * 1_048_576

    // MARK: Loading

    public static func load(_ path: String) throws(FileError) -> LoadedFile {
        let (bytes, st) = try SystemIO.readFile(path, limit: sizeLimit).get()
        let settings = try decode(bytes, path: path)
        return LoadedFile(path: path, settings: settings, bytes: bytes, mode: UInt32(st.st_mode) & 0o777, identity: FileIdentity(st))
    }

    /// Parses and checks the bytes of a settings file.
    public static func decode(_ bytes: [UInt8], path: String) throws(FileError) -> Settings {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw FileError(.invalidJSON, path: path, error.message, at: TextPosition(offset: error.offset, in: bytes))
        }
        switch SchemaCheck.check(value) {
        case .success(let settings):
            return settings
        case .failure(let problem):
            let offset = JSONParser.offset(of: problem.path, in: bytes) ?? 0
            throw FileError(problem.code, path: path, problem.message, at: TextPosition(offset: offset, in: bytes))
        }
    }

    /// The bytes a save writes.
    public static func encode(_ settings: Settings) -> [UInt8] {
        Array(JSONWriter.write(settings.document).utf8)
    }

    // MARK: Saving

    /// Creates a new file; refuses to replace one that exists.
    public static func create(_ settings: Settings, at path: String, via: String) throws(FileError) {
        try withLock(path) { () throws(FileError) in
            try writeAtomically(encode(settings), to: path, replacing: false)
            try appendHistory(for: path, via: via, changes: changes(from: Settings(root: JSONObject()), to: settings))
        }
    }

    /// Re-reads the file under the lock, applies `change` and saves when something changed.
    /// This is how scripted edits avoid lost updates. Returns the changes made.
    @discardableResult
    public static func update(_ path: String, via: String, _ change: (inout Settings) -> Void) throws(FileError) -> [Change] {
        try withLock(path) { () throws(FileError) -> [Change] in
            let current = try load(path)
            var settings = current.settings
            change(&settings)
            let made = changes(from: current.settings, to: settings)
            if made.isEmpty { return [] }
            try writeAtomically(encode(settings), to: path, replacing: true)
            try appendHistory(for: path, via: via, changes: made)
            return made
        }
    }

    /// Saves settings edited since `base` was loaded (nil: the file did not exist yet).
    /// If the file changed on disk meanwhile, throws `file/conflict` unless `overwrite`.
    /// Returns the file as now saved, the base for the next save.
    public static func save(_ settings: Settings, to path: String, via: String, base: LoadedFile?, overwrite: Bool = false) throws(FileError) -> LoadedFile {
        try withLock(path) { () throws(FileError) -> LoadedFile in
            var onDisk: LoadedFile?
            do throws(FileError) {
                onDisk = try load(path)
            } catch {
                if error.code != .notFound && !overwrite {
                    throw FileError(.conflict, path: path, "the file on disk can no longer be read (\(error.message)); save again to overwrite it")
                }
            }
            if !overwrite, onDisk?.identity != base?.identity {
                throw FileError(.conflict, path: path, base == nil ? "the file was created by someone else meanwhile" : "the file was changed on disk since it was opened")
            }
            let bytes = encode(settings)
            try writeAtomically(bytes, to: path, replacing: true)
            try appendHistory(for: path, via: via, changes: changes(from: onDisk?.settings ?? Settings(root: JSONObject()), to: settings))
            return try load(path)
        }
    }

    // MARK: Changes and history

    /// What differs between two versions, by dotted key (unknown keys included).
    public static func changes(from old: Settings, to new: Settings) -> [Change] {
        let before = Dictionary(old.leaves.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        let after = new.leaves
        var seen = Set<String>()
        var out: [Change] = []
        for (key, value) in after {
            seen.insert(key)
            if before[key] != value { out.append(Change(key: key, old: before[key], new: value)) }
        }
        for (key, value) in old.leaves where !seen.contains(key) {
            out.append(Change(key: key, old: value, new: nil))
        }
        return out
    }

    public static func historyPath(for path: String) -> String { path + ".history.jsonl" }

    /// One history line, as SPEC gives it. The secret's values are never written.
    public static func historyLine(time: String, user: String, via: String, changes: [Change]) -> String {
        let items: [JSONValue] = changes.map { change in
            if change.isSecret {
                return .object(JSONObject([("key", .string(change.key)), ("secret", .string("changed"))]))
            }
            return .object(JSONObject([("key", .string(change.key)), ("old", change.old ?? .null), ("new", change.new ?? .null)]))
        }
        let entry = JSONObject([("time", .string(time)), ("user", .string(user)), ("via", .string(via)), ("changes", .array(items))])
        return JSONWriter.compact(.object(entry)) + "\n"
    }

    static func appendHistory(for path: String, via: String, changes: [Change]) throws(FileError) {
        guard !changes.isEmpty else { return }
        let line = historyLine(time: SystemIO.utcTimestamp(), user: SystemIO.userName(), via: via, changes: changes)
        let historyPath = historyPath(for: path)
        let fd = open(historyPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FileError(.unwritable, path: historyPath, "settings saved, but the history could not be written: \(SystemIO.errorText(errno))")
        }
        defer { close(fd) }
        if let e = SystemIO.writeAll(fd, Array(line.utf8)) {
            throw FileError(.unwritable, path: historyPath, "settings saved, but the history could not be written: \(SystemIO.errorText(e))")
        }
        _ = fsync(fd)
    }

    // MARK: Locking and atomic writes

    public static func lockPath(for path: String) -> String { path + ".lock" }

    /// Runs `body` holding an exclusive lock on FILE.lock, so writers take turns.
    static func withLock<T>(_ path: String, _ body: () throws(FileError) -> T) throws(FileError) -> T {
        let lock = lockPath(for: path)
        let fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw FileError(.unwritable, path: path, "cannot save: \(SystemIO.errorText(errno)) (creating \(SystemIO.baseName(of: lock)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw FileError(.unwritable, path: path, "cannot lock the file: \(SystemIO.errorText(errno))") }
        }
        return try body()
    }

    static func tempPrefix(for path: String) -> String { "." + SystemIO.baseName(of: path) + ".tmp-" }

    /// Write to a temp file, fsync, rename (or link, when not replacing), fsync the folder.
    /// Call with the lock held: any temp file left by an earlier killed save is removed first.
    static func writeAtomically(_ bytes: [UInt8], to path: String, replacing: Bool) throws(FileError) {
        let dir = SystemIO.directory(of: path)
        removeStaleTempFiles(in: dir, prefix: tempPrefix(for: path))
        let temp = dir + "/" + tempPrefix(for: path) + "\(getpid())-" + SystemIO.randomSuffix()
        func fail(_ e: Int32) -> FileError {
            unlink(temp)
            return FileError(.unwritable, path: path, "cannot save: \(SystemIO.errorText(e)); the file on disk is unchanged")
        }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileError(.unwritable, path: path, "cannot save: \(SystemIO.errorText(errno)); the file on disk is unchanged") }
        if fchmod(fd, 0o600) != 0 { let e = errno; close(fd); throw fail(e) }
        if let e = SystemIO.writeAll(fd, bytes) { close(fd); throw fail(e) }
        if fsync(fd) != 0 { let e = errno; close(fd); throw fail(e) }
        if close(fd) != 0 { throw fail(errno) }
        if replacing {
            if rename(temp, path) != 0 { throw fail(errno) }
        } else {
            if link(temp, path) != 0 {
                let e = errno
                unlink(temp)
                if e == EEXIST { throw FileError(.exists, path: path, "already exists; not overwritten") }
                throw FileError(.unwritable, path: path, "cannot create: \(SystemIO.errorText(e))")
            }
            unlink(temp)
        }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }

    static func removeStaleTempFiles(in dir: String, prefix: String) {
        guard let d = opendir(dir) else { return }
        defer { closedir(d) }
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name.hasPrefix(prefix) { unlink(dir + "/" + name) }
        }
    }
}
