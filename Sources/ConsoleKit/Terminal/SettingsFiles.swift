import SettingsKit

/// The files a console session reads and writes, behind one small protocol so tests can
/// put a failing or slow disk under a whole session. `StoreFiles` is the real one.
public protocol SettingsFiles {
    func load(_ path: String) throws(FileError) -> LoadedFile
    /// Whether the file on disk differs from `base` (cheap when it does not).
    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool
    /// The store's save: merges with someone else's save under the lock, or stops at keys
    /// both changed that `choices` leaves undecided.
    func save(_ settings: Settings, to path: String, base: LoadedFile?, choices: MergeChoices) throws(FileError) -> SettingsStore.SaveOutcome
    func keepRecovery(_ settings: Settings, for path: String) throws(FileError)
    func discardRecovery(for path: String) throws(FileError)
}
