import SettingsKit

/// The settings store itself; history lines say `"via": "console"`.
public struct StoreFiles: SettingsFiles {
    public init() {}

    public func load(_ path: String) throws(FileError) -> LoadedFile { try SettingsStore.load(path) }

    public func changedOnDisk(since base: LoadedFile?, path: String) -> Bool {
        SettingsStore.changedOnDisk(since: base, path: path)
    }

    public func save(_ settings: Settings, to path: String, base: LoadedFile?, choices: MergeChoices) throws(FileError) -> SettingsStore.SaveOutcome {
        try SettingsStore.save(settings, to: path, via: "console", base: base, choices: choices)
    }

    public func keepRecovery(_ settings: Settings, for path: String) throws(FileError) { try RecoveryFile.write(settings, for: path) }

    public func discardRecovery(for path: String) throws(FileError) { try RecoveryFile.discard(for: path) }
}
