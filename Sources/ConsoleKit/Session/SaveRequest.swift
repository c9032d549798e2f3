import SettingsKit

/// A save as the session asks for it (`Effect.save`): everything the store needs, so the
/// effect runner keeps no state of its own.
public struct SaveRequest: Equatable, Sendable {
    public let path: String
    public let settings: Settings
    /// The file as the edits were made to it (nil: it was not on disk): the store merges
    /// with whatever was saved since.
    public let base: LoadedFile?
    /// The answers to keys both changed (or "yours for all" to replace a file it may not
    /// merge with); keys left undecided come back as `Event.saveConflicted`.
    public let choices: MergeChoices
}

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
