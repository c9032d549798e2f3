#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads and saves settings files. Every save takes an exclusive lock (FILE.lock), writes
/// a temporary file in the same folder, fsyncs it, renames it over the old one and fsyncs
/// the folder: a reader or a crash sees the old file or the new one, never half of one.
/// Files are written with mode 0600. Each save appends its changes to FILE.history.jsonl.
public enum SettingsStore {
    /// Bigger files are refused before parsing; real settings files are about 1 KiB.
    public static let sizeLimit = 8 * 1_048_576

    // MARK: Loading

    /// Reads a settings file, and where it is (`LoadedFile.target`) for a later save.
    public static func load(_ path: String) throws(FileError) -> LoadedFile {
        var file = try read(path)
        file.target = SystemIO.realPath(path)
        return file
    }

    /// Reads a settings file without finding where it is (`LoadedFile.target`): to judge it
    /// (`audit`, where that would be one more look-up for each of thousands of files), and
    /// a save's read of the file on disk under the lock (`checkReadAt` places that one).
    /// `admit`: told the file's size before it is read (`SystemIO.readFile`); `read`, when
    /// given: the file's identity when it was opened and when its last byte was read (a
    /// writer changed it meanwhile where they differ), also when it does not parse.
    static func read(
        _ path: String, in folder: SaveFolder? = nil, at target: String = "", admit: (Int) -> Void = { _ in },
        read: ((_ opened: FileIdentity, _ read: FileIdentity) -> Void)? = nil
    ) throws(FileError) -> LoadedFile {
        var after: stat?
        // In a save, the file at `target`'s name in the folder the save holds.
        let place = folder.map { (folder: $0.descriptor, name: SystemIO.baseName(of: target)) }
        let (bytes, st) = try SystemIO.readFile(path, at: place, limit: sizeLimit, admit: admit, afterwards: read.map { _ in { after = $0 } }).get()
        if let read, let after { read(FileIdentity(st), FileIdentity(after)) }
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
    //
    // Every save: resolve links (a link's target is what gets saved, and all names for one
    // file share one lock and one history) → lock FILE.lock → read the file again under the
    // lock → stage the new version in a temp file (fsynced) → append the history line →
    // rename into place → fsync the folder. Any failure before the rename leaves the old
    // file byte-identical and the history without the line.

    /// Creates a new file; refuses to replace one that exists.
    public static func create(_ settings: Settings, at path: String, via: String) throws(FileError) {
        let target = SystemIO.resolvingLinks(path)
        try locked(target, shownPath: path, owner: nil) { folder throws(FileError) in
            // Checked before the history line is written; link() below still refuses a file
            // that appears meanwhile without taking the lock.
            if SystemIO.exists(target) { throw FileError(.exists, path: path, "already exists; not overwritten") }
            let made = SettingsDiff.compare(Settings(root: JSONObject()), settings)
            try commit(
                encode(settings), to: target, in: folder, shownPath: path, replacing: false, via: via, changes: made,
                secrets: Secret.values(in: settings), owner: nil)
        }
    }

    /// Re-reads the file under the lock, applies `change` and saves when something changed.
    /// This is how scripted edits avoid lost updates. Returns the changes made.
    @discardableResult
    public static func update(_ path: String, via: String, _ change: (inout Settings) -> Void) throws(FileError) -> [Change] {
        let target = SystemIO.resolvingLinks(path)
        let owner = SideFile.Owner.of(target)
        return try locked(target, shownPath: path, owner: owner) { folder throws(FileError) -> [Change] in
            let current = try read(path, in: folder, at: target)
            try checkReadAt(target, in: folder, current, path: path)
            var settings = current.settings
            change(&settings)
            let made = SettingsDiff.compare(current.settings, settings)
            if made.isEmpty { return [] }
            try commit(
                encode(settings), to: target, in: folder, shownPath: path, replacing: true, via: via, changes: made,
                secrets: Secret.values(in: current.settings, settings), owner: owner)
            return made
        }
    }

    /// What a save that may meet someone else's save did.
    public enum SaveOutcome: Sendable {
        /// Written. `file` is the file as now saved (the base for the next save); its
        /// settings include what someone else changed on disk meanwhile (`keptFromDisk`).
        case saved(LoadedFile, keptFromDisk: [String])
        /// Nothing was written: these keys were changed both here and on disk, to different
        /// values, and `choices` did not say which to keep.
        case conflicts([MergeConflict])

        /// The saved file, or nil when the save stopped at conflicts.
        public var file: LoadedFile? {
            if case .saved(let file, _) = self { return file }
            return nil
        }
    }

    /// How long a save waits for another writer's lock before giving up, in seconds.
    public static let lockWait = Int(FileLock.defaultTimeout)

    /// Whether a save of `path` would wait now for another program that holds its lock:
    /// asked before a save, so that the wait is said rather than silent.
    public static func saveWouldWait(_ path: String) -> Bool {
        FileLock.isHeld(SystemIO.resolvingLinks(path))
    }

    /// Saves settings edited since `base` was loaded (nil: the file did not exist yet).
    /// If someone else saved the file meanwhile, the two are merged under the lock
    /// (`SettingsMerge`): their changes are kept, ours applied, and keys both changed are
    /// decided by `choices` or returned as conflicts, with nothing written. A file that can
    /// no longer be read is replaced only when `choices` says ours wins for all; a file of a
    /// newer schema version is never overwritten. A file that is there although `base` says
    /// it was not is someone else's: never merged into (adopted), replaced with `settings`
    /// only when `choices` says ours wins for all, and never given our side files.
    /// `stopWaiting`: asked while another writer holds the lock; true gives up (an
    /// error, nothing written), so a console whose terminal closed keeps its edits at once.
    public static func save(
        _ settings: Settings, to path: String, via: String, base: LoadedFile?,
        choices: MergeChoices = .none, stopWaiting: () -> Bool = { false }
    ) throws(FileError) -> SaveOutcome {
        let target = SystemIO.resolvingLinks(path)
        try checkStillLoaded(base, path: path)
        // The side files are the owner's of the file as it was loaded: nil (ours) for one
        // that was new, whoever has created it since.
        let owner = base.map { SideFile.Owner($0.identity) }
        return try locked(target, shownPath: path, owner: owner, stopWaiting: stopWaiting) { folder throws(FileError) -> SaveOutcome in
            var onDisk: LoadedFile?
            do throws(FileError) {
                onDisk = try read(path, in: folder, at: target)
            } catch {
                // A file of a newer version is refused and never rewritten.
                if error.code == .unsupportedVersion { throw error }
                if error.code != .notFound, base == nil, choices.forAll != .yours { throw appeared(path, target) }
                if error.code != .notFound && choices.forAll != .yours {
                    throw FileError(
                        .unreadableOnDisk, path: path, "the file on disk can no longer be read (\(error.message)); save again to overwrite it")
                }
            }
            // Outside the catch above, which lets an unreadable file be overwritten: a file
            // read through a link swapped in meanwhile is refused whatever the choices.
            if let onDisk { try checkReadAt(target, in: folder, onDisk, path: path) }
            if onDisk != nil, base == nil, choices.forAll != .yours { throw appeared(path, target) }
            var toWrite = settings
            var kept: [String] = []
            // Content, not just the file's identity: an in-place edit within one mtime tick
            // is still noticed, and a save of the same bytes by someone else is no conflict.
            // A file that appeared is replaced, never merged into.
            if let onDisk, let base, onDisk.bytes != base.bytes {
                let merge = SettingsMerge.merge(base: base.settings, theirs: onDisk.settings, yours: settings, choices: choices)
                if !merge.conflicts.isEmpty { return .conflicts(merge.conflicts) }
                toWrite = merge.merged
                kept = merge.keptFromDisk
            }
            let bytes = encode(toWrite)
            let made = SettingsDiff.compare(onDisk?.settings ?? Settings(root: JSONObject()), toWrite)
            let secrets = Secret.values(in: toWrite, onDisk?.settings ?? toWrite, base?.settings ?? toWrite)
            // The owner of the file that was loaded keeps it; a file that appeared meanwhile,
            // or was put in its place by someone else, is not given back to its owner.
            let keep = onDisk != nil && base != nil && onDisk!.identity.owner == base!.identity.owner
            var status = try commit(
                bytes, to: target, in: folder, shownPath: path, replacing: true, via: via, changes: made,
                secrets: secrets, owner: owner, keepOwner: keep)
            // The rename changed the file's ctime; take its identity as it now is on disk.
            if let now = SystemIO.status(target), now.st_ino == status.st_ino, now.st_dev == status.st_dev { status = now }
            // Built from what was written, not read back: a read could fail or see a later
            // writer's file, and the caller would take a save that happened for one that did not.
            var file = LoadedFile(path: path, settings: toWrite, bytes: bytes, mode: UInt32(status.st_mode) & 0o777, identity: FileIdentity(status))
            file.target = SystemIO.realPath(path)
            return .saved(file, keptFromDisk: kept)
        }
    }

    /// A save writes only the file that was loaded: a link put in its place (or in place
    /// of a folder on its path) since then, say by a user whose file root has open, would
    /// make root's save rewrite whatever the link points to. Refused, naming where it
    /// points now. Someone else's save of the same file (a new file renamed into place) is
    /// no such change: it is merged.
    public static func checkStillLoaded(_ base: LoadedFile?, path: String) throws(FileError) {
        guard let loaded = base?.target, let now = SystemIO.realPath(path), !now.isSameBytes(as: loaded) else { return }
        throw FileError(
            .unwritable, path: path,
            "is now \(now), not the file that was loaded (\(loaded)): a link was put in its place; nothing was written")
    }

    /// What a save just read under the lock is the file at `target`, where it will write:
    /// a link put at FILE's name after it was resolved (while the save waited for the
    /// lock, say) would have it read another file (root's, with its secret) and write that
    /// at FILE's name, given FILE's owner. Refused, nothing written.
    static func checkReadAt(_ target: String, in folder: SaveFolder, _ read: LoadedFile, path: String) throws(FileError) {
        if let here = SystemIO.linkStatus(in: folder.descriptor, SystemIO.baseName(of: target)), (here.st_mode & S_IFMT) == S_IFREG,
            UInt64(here.st_dev) == read.identity.device, UInt64(here.st_ino) == read.identity.inode
        {
            return
        }
        let now = SystemIO.realPath(path).map { " (it now leads to \($0))" } ?? ""
        throw FileError(
            .unwritable, path: path,
            "is no longer the file at \(target) that was just read\(now): a link was put in its place; nothing was written")
    }

    /// Whether the file on disk differs from `base` (nil: the file did not exist). Cheap
    /// when nothing changed (one stat); reads the file only when its identity changed.
    /// For the console to notice someone else's save before the operator saves.
    public static func changedOnDisk(since base: LoadedFile?, path: String) -> Bool {
        guard let st = SystemIO.status(path) else { return base != nil }
        guard let base else { return true }
        if FileIdentity(st) == base.identity { return false }
        guard case .success(let now) = SystemIO.readFile(path, limit: sizeLimit) else { return true }
        return now.bytes != base.bytes
    }

    /// A save of a file that was new when it was opened found one there.
    static func appeared(_ path: String, _ target: String) -> FileError {
        let by = SideFile.Owner.of(target).map { $0.uid == geteuid() ? "" : " (owned by uid \($0.uid))" } ?? ""
        return FileError(
            .appearedOnDisk, path: path,
            "was created on disk\(by) after it was opened as a new file; it is not yours to merge into: save again to replace it with yours")
    }

    /// Stages `bytes`, records the history line, puts the file in place. Call with the lock
    /// held. The side files are `owner`'s (the settings file's as it was loaded; nil: the
    /// saving user's); the file itself too when `keepOwner`.
    @discardableResult
    static func commit(
        _ bytes: [UInt8], to target: String, in folder: SaveFolder, shownPath: String, replacing: Bool, via: String, changes: [Change],
        secrets: [String] = [], owner: SideFile.Owner?, keepOwner: Bool = true
    ) throws(FileError) -> stat {
        let staged = try StagedFile.stage(bytes, for: target, in: folder, shownPath: shownPath, owner: keepOwner ? owner : nil)
        var history: HistoryAppend?
        if !changes.isEmpty {
            let line = historyLine(time: SystemIO.utcTimestamp(), user: SystemIO.userName(), via: via, changes: changes, secrets: secrets)
            do throws(FileError) {
                history = try HistoryAppend.append(line, for: target, in: folder, owner: owner, shownPath: shownPath)
            } catch {
                staged.discard()
                throw error
            }
        }
        do throws(FileError) {
            // The last look before the new version goes in place (by the folder's
            // descriptor, so into this folder whatever happens to its name after).
            try folder.check(shownPath: shownPath)
            try staged.commit(replacing: replacing)
        } catch {
            staged.discard()
            history?.rollback()
            throw error
        }
        history?.finish()
        return staged.status
    }

    /// Runs `body` holding `target`'s folder (`SaveFolder`, from before the lock is taken)
    /// and its lock, once the folder is found to be still at its name: the whole of one
    /// save happens in one folder.
    static func locked<T>(
        _ target: String, shownPath: String, owner: SideFile.Owner?, stopWaiting: () -> Bool = { false },
        _ body: (SaveFolder) throws(FileError) -> T
    ) throws(FileError) -> T {
        let folder = try SaveFolder(holding: SystemIO.directory(of: target), for: target, shownPath: shownPath)
        return try FileLock.withLock(target, in: folder, shownPath: shownPath, owner: owner, stopWaiting: stopWaiting) { () throws(FileError) -> T in
            try folder.check(shownPath: shownPath)
            return try body(folder)
        }
    }

    // MARK: Changes and history

    public static func historyPath(for path: String) -> String { HistoryAppend.path(for: path) }

    /// One history line. A secret change's values are never written (`"secret": "changed"`),
    /// and a key or value holding one of `secrets` is written masked: the history is read by
    /// whoever may read the folder's history, long after the secret was rotated.
    public static func historyLine(
        time: String, user: String, via: String, changes: [Change], secrets: [String] = [], extra: [(String, JSONValue)] = []
    ) -> String {
        let items = changes.map { $0.json(secrets: secrets) }
        let entry = JSONObject([("time", .string(time)), ("user", .string(user)), ("via", .string(via))] + extra + [("changes", .array(items))])
        return JSONWriter.compact(.object(entry)) + "\n"
    }

    /// Records in FILE's history a change made elsewhere (`push` writes the instance, not
    /// the file): one line, under the lock, the file itself untouched. `extra` fields
    /// follow `via` (`"remote": "APP/I"`).
    public static func recordHistory(
        _ path: String, via: String, changes: [Change], secrets: [String], extra: [(String, JSONValue)]
    ) throws(FileError) {
        let target = SystemIO.resolvingLinks(path)
        let owner = SideFile.Owner.of(target)
        try locked(target, shownPath: path, owner: owner) { folder throws(FileError) in
            let line = historyLine(
                time: SystemIO.utcTimestamp(), user: SystemIO.userName(), via: via, changes: changes, secrets: secrets, extra: extra)
            try HistoryAppend.append(line, for: target, in: folder, owner: owner, shownPath: path).finish()
        }
    }

    // MARK: Files beside the settings file

    public static func lockPath(for path: String) -> String { FileLock.path(for: path) }
}
