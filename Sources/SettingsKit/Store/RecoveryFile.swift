#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// FILE.recovered.json: the console's unsaved edits, written when its terminal goes away
/// (SIGHUP) so they are not lost, and offered back on the next launch on FILE. It is an
/// ordinary settings document (`show` reads it), written like a save (atomically, mode
/// 0600: it may hold the secret), and `audit` never takes it for a settings file
/// (`Audit.isSettingsFileName`). It never touches FILE itself, nor its history.
public enum RecoveryFile {
    /// Edits recovered from an earlier session: what the store finds and what the console
    /// offers back (the one type for both).
    public struct Pending: Equatable, Sendable {
        /// Where they are: FILE.recovered.json.
        public let path: String
        public let settings: Settings
        /// FILE was saved after the edits were recovered: restoring them and saving would
        /// replace that save, so the console should say so before restoring.
        public let fileChangedSince: Bool

        public init(path: String, settings: Settings, fileChangedSince: Bool) {
            self.path = path
            self.settings = settings
            self.fileChangedSince = fileChangedSince
        }

        /// The recovery file's name without its folder, as dialogs name it.
        public var fileName: String { SystemIO.baseName(of: path).displayEscaped }
    }

    public static let suffix = ".recovered.json"

    /// FILE.recovered.json, beside the file a link points to (where saves go).
    public static func path(for file: String) -> String { SystemIO.resolvingLinks(file) + suffix }

    /// Writes the unsaved settings beside `file`, replacing an older recovery. Takes FILE's
    /// lock, so it never interleaves with a save of FILE.
    public static func write(_ settings: Settings, for file: String) throws(FileError) {
        let target = SystemIO.resolvingLinks(file)
        let recovery = target + suffix
        try FileLock.withLock(target, shownPath: file) { () throws(FileError) in
            // It holds the unsaved secret: refused if someone else put a file at its name,
            // and owned like FILE itself, never like what was at the name.
            try SideFile.checkName(recovery, of: target, shownPath: recovery)
            let staged = try StagedFile.stage(SettingsStore.encode(settings), for: recovery, shownPath: recovery, ownerFrom: target)
            try staged.commit(replacing: true)
        }
    }

    /// The edits an earlier session recovered for `file`, or nil when there are none.
    /// Throws when a recovery file is there but cannot be used (the console should say so
    /// and leave it for the operator; `discard` removes it).
    public static func pending(for file: String) throws(FileError) -> Pending? {
        let recovery = path(for: file)
        let loaded: LoadedFile
        do throws(FileError) {
            if let st = SystemIO.linkStatus(recovery), !SideFile.trustedOwners(of: SystemIO.resolvingLinks(file)).contains(st.st_uid) {
                throw FileError(
                    .unreadable, path: recovery,
                    "belongs to another user (uid \(st.st_uid)), not to the file's owner: not offered; remove it if you did not make it")
            }
            loaded = try SettingsStore.load(recovery)
        } catch {
            if error.code == .notFound { return nil }
            throw error
        }
        var changed = false
        if let fileStatus = SystemIO.status(file) {
            let fileTime = (Int(fileStatus.st_mtim.tv_sec), Int(fileStatus.st_mtim.tv_nsec))
            changed = fileTime > (loaded.identity.seconds, loaded.identity.nanoseconds)
        }
        return Pending(path: recovery, settings: loaded.settings, fileChangedSince: changed)
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
