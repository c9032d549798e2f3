#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FILE.recovered.json: unsaved edits, written when the terminal of the console or of
/// plain mode goes away (SIGHUP) or a SIGTERM ends them, so they are not lost, and offered
/// back on the next launch on FILE. It keeps the edits and the version of FILE they were
/// made to, so that restoring them merges with what others saved since, as a save does
/// (their keys kept, keys both changed listed). Written like a save (atomically, mode 0600:
/// it may hold the secret) but as a side file of its own: it never waits on FILE's lock
/// (another writer holding it must not cost the edits), never touches FILE nor its
/// history, and `audit` never takes it for a settings file (`Audit.isSettingsFileName`).
public enum RecoveryFile {
    /// Edits recovered from an earlier session: what the store finds and what the console
    /// and plain mode offer back (the one type for both).
    public struct Pending: Equatable, Sendable {
        /// Where they are: FILE.recovered.json.
        public let path: String
        /// The settings with the unsaved edits.
        public let edits: Settings
        /// FILE as the edits were made to it; nil when it was not on disk (a new file), or
        /// for a recovery file written before this was kept (then every key that differs
        /// from FILE counts as changed on both sides, and is asked).
        public let base: Settings?
        /// The file was not on disk when the edits were kept: if it is there now, someone
        /// created it since.
        public let madeToNewFile: Bool

        public init(path: String, edits: Settings, base: Settings?, madeToNewFile: Bool = false) {
            self.path = path
            self.edits = edits
            self.base = base
            self.madeToNewFile = madeToNewFile
        }

        /// The recovery file's name without its folder, as dialogs name it.
        public var fileName: String { SystemIO.baseName(of: path) }

        /// Whether FILE (as loaded now; nil: not there) is no longer what the edits were
        /// made to: someone saved it since, so restoring merges.
        public func fileChanged(since loaded: LoadedFile?) -> Bool { base != loaded?.settings }
    }

    public static let suffix = ".recovered.json"
    /// The key that tells a recovery file from a settings file (which an older version wrote).
    static let editsKey = "recoveredEdits"
    static let baseKey = "base"

    /// FILE.recovered.json, beside the file a link points to (where saves go).
    public static func path(for file: String) -> String { SystemIO.resolvingLinks(file) + suffix }

    /// Writes the unsaved `edits` beside `file`, with `loaded` (FILE as the edits were made
    /// to it; nil: a new file), replacing an older recovery. FILE's lock is not taken: the
    /// recovery file is written whatever another writer of FILE is doing.
    public static func write(_ edits: Settings, madeTo loaded: LoadedFile?, for file: String) throws(FileError) {
        let recovery = path(for: file)
        // It holds the unsaved secret: refused if someone else put a file at its name, and
        // owned like FILE as it was loaded (never like a FILE that appeared meanwhile, nor
        // like what was at the name).
        let owner = loaded.map { SideFile.Owner($0.identity) }
        try SideFile.checkName(recovery, owner: owner, shownPath: recovery)
        let document = JSONValue.object(JSONObject([(editsKey, edits.document), (baseKey, loaded?.settings.document ?? .null)]))
        let folder = try SaveFolder(holding: SystemIO.directory(of: recovery), for: recovery, shownPath: recovery)
        StagedFile.removeStaleTempFiles(of: recovery, in: folder, onlyOfEndedProcesses: true)
        let staged = try StagedFile.stage(
            Array(JSONWriter.write(document).utf8), for: recovery, in: folder, shownPath: recovery, owner: owner, removingStale: false)
        try staged.commit(replacing: true)
    }

    /// The edits an earlier session recovered for `file`, or nil when there are none.
    /// `loaded`: FILE as just loaded (nil: not there), whose owner may own the recovery file.
    /// Throws when a recovery file is there but cannot be used (the front end should say
    /// so and leave it for the operator; `discard` removes it).
    public static func pending(for file: String, loaded: LoadedFile?) throws(FileError) -> Pending? {
        let recovery = path(for: file)
        // Never through a link (it could point at another user's settings, whose secret
        // would then be restored into this file), checked on what was opened.
        let read = SystemIO.readFile(recovery, limit: 2 * SettingsStore.sizeLimit + 4096, followingLinks: false)
        let bytes: [UInt8]
        switch read {
        case .failure(let error):
            if error.code == .notFound { return nil }
            throw error
        case .success(let (content, st)):
            guard SideFile.trustedOwners(loaded.map { SideFile.Owner($0.identity) }).contains(st.st_uid) else {
                throw FileError(
                    .unreadable, path: recovery,
                    "belongs to another user (uid \(st.st_uid)), not to the file's owner: not offered; remove it if you did not make it")
            }
            // A hard link could be any file of a trusted owner (root's), linked there by a
            // user who may not read it: what a restore and a save would copy into FILE.
            guard st.st_nlink <= 1 else {
                throw FileError(
                    .unreadable, path: recovery,
                    "has other names (\(st.st_nlink) hard links), so it may be another file: not offered; remove it if you did not make it")
            }
            bytes = content
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw FileError(.invalidJSON, path: recovery, error.message, at: TextPosition(offset: error.offset, in: bytes))
        }
        guard case .object(let root) = value, let edits = root[editsKey] else {
            // Written by an older version: the settings with the edits, and no base.
            return Pending(path: recovery, edits: try SettingsStore.decode(bytes, path: recovery), base: nil)
        }
        func settings(_ value: JSONValue, at key: String) throws(FileError) -> Settings {
            switch SchemaCheck.check(value) {
            case .success(let settings): return settings
            case .failure(let problem):
                let offset = JSONParser.offset(of: [.key(key)] + problem.path, in: bytes) ?? 0
                throw FileError(problem.code, path: recovery, problem.message, at: TextPosition(offset: offset, in: bytes))
            }
        }
        var base: Settings?
        if let value = root[baseKey], value != .null { base = try settings(value, at: baseKey) }
        return Pending(path: recovery, edits: try settings(edits, at: editsKey), base: base, madeToNewFile: base == nil)
    }

    /// Removes the recovery file of `file`: after restoring it (and saving) or when the
    /// operator declines it.
    public static func discard(for file: String) throws(FileError) {
        let recovery = path(for: file)
        if SystemIO.unlink(recovery) != 0, errno != ENOENT {
            throw FileError(.unwritable, path: recovery, "cannot remove: \(SystemIO.errorText(errno))")
        }
    }
}
