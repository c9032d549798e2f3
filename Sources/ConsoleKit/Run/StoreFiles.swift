import SettingsKit

/// The settings store itself. `via` names the front end in history lines ("console",
/// "plain"); `stopWaiting` says the session is ending (a hangup), so a save waiting for
/// another writer's lock gives up and the edits go to the recovery file at once (as it
/// does when the save's own `stopWaiting` says so).
public struct StoreFiles: SettingsFiles {
    let via: String
    let stopWaiting: @Sendable () -> Bool

    public init(via: String, stopWaiting: @escaping @Sendable () -> Bool = { false }) {
        self.via = via
        self.stopWaiting = stopWaiting
    }

    public func load(_ path: String) throws(FileError) -> LoadedFile { try SettingsStore.load(path) }

    public func changedOnDisk(since base: LoadedFile?, path: String) -> Bool {
        SettingsStore.changedOnDisk(since: base, path: path)
    }

    public func save(_ request: SaveRequest, stopWaiting stopThisSave: () -> Bool) throws(FileError) -> SettingsStore.SaveOutcome {
        try SettingsStore.save(
            request.settings, to: request.path, via: via, base: request.base, choices: request.choices,
            stopWaiting: { stopWaiting() || stopThisSave() })
    }

    public func saveWouldWait(_ path: String) -> Bool { SettingsStore.saveWouldWait(path) }

    public func recovery(for path: String, loaded: LoadedFile?) throws(FileError) -> RecoveryFile.Pending? {
        try RecoveryFile.pending(for: path, loaded: loaded)
    }

    public func keepRecovery(_ request: RecoveryRequest) throws(FileError) {
        try RecoveryFile.write(request.edits, madeTo: request.madeTo, for: request.path)
    }

    public func discardRecovery(for path: String) throws(FileError) { try RecoveryFile.discard(for: path) }
}
