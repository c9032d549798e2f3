import SettingsKit

/// Unsaved edits to keep in FILE.recovered.json when the terminal goes away or SIGTERM
/// ends the session (`Effect.keepRecovery`), then end with `exitCode`.
public struct RecoveryRequest: Equatable, Sendable {
    public let path: String
    public let edits: Settings
    /// FILE as the edits were made to it (nil: a new file): kept with them, so restoring
    /// merges; its owner owns the recovery file.
    public let madeTo: LoadedFile?
    public let exitCode: Int32
}
