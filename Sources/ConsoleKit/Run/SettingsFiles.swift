import SettingsKit

/// The files a session reads and writes, behind one small protocol so tests can put a
/// failing, slow or scripted disk under a whole session. `StoreFiles` is the real one.
public protocol SettingsFiles {
    func load(_ path: String) throws(FileError) -> LoadedFile
    /// The file as it is on disk now, in place of `base` (the file as loaded; nil: it was
    /// new); refused when `path` now leads to another file (`SettingsStore.checkStillLoaded`).
    func reload(_ path: String, base: LoadedFile?) throws(FileError) -> LoadedFile
    /// Whether the file on disk differs from `base` (cheap when it does not).
    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool
    /// The store's save: merges with someone else's save under the lock, or stops at keys
    /// both changed that the request's choices leave undecided. `stopWaiting` is asked
    /// while another program holds the lock: true gives up, nothing written (the operator
    /// pressed Esc or Ctrl-C).
    func save(_ request: SaveRequest, stopWaiting: () -> Bool) throws(FileError) -> SettingsStore.SaveOutcome
    /// Whether a save of `path` would wait now for another program's lock.
    func saveWouldWait(_ path: String) -> Bool
    /// Edits an earlier session kept for `path` (nil: none); throws for a recovery file
    /// that is there but cannot be used. `loaded`: the file as just loaded.
    func recovery(for path: String, loaded: LoadedFile?) throws(FileError) -> RecoveryFile.Pending?
    func keepRecovery(_ request: RecoveryRequest) throws(FileError)
    func discardRecovery(for path: String) throws(FileError)
}

extension SettingsFiles {
    /// Files a test makes up have no lock to wait for.
    public func saveWouldWait(_ path: String) -> Bool { false }

    /// A link swapped in since the file was loaded (say, by a user whose file root has
    /// open) must not make what it points to the new base, which the next save would then
    /// write: a reload checks first, as a save does. Files a test makes up have no real
    /// path (`LoadedFile.target`) and pass.
    public func reload(_ path: String, base: LoadedFile?) throws(FileError) -> LoadedFile {
        try SettingsStore.checkStillLoaded(base, path: path)
        return try load(path)
    }
}
