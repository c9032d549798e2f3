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
