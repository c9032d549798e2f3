import SettingsKit

/// The files a session reads and writes, behind one small protocol so tests can put a
/// failing, slow or scripted disk under a whole session. `StoreFiles` is the real one.
public protocol SettingsFiles {
    func load(_ path: String) throws(FileError) -> LoadedFile
    /// Whether the file on disk differs from `base` (cheap when it does not).
    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool
    /// The store's save: merges with someone else's save under the lock, or stops at keys
    /// both changed that the request's choices leave undecided.
    func save(_ request: SaveRequest) throws(FileError) -> SettingsStore.SaveOutcome
    /// Edits an earlier session kept for `path` (nil: none); throws for a recovery file
    /// that is there but cannot be used. `loaded`: the file as just loaded.
    func recovery(for path: String, loaded: LoadedFile?) throws(FileError) -> RecoveryFile.Pending?
    func keepRecovery(_ request: RecoveryRequest) throws(FileError)
    func discardRecovery(for path: String) throws(FileError)
}
