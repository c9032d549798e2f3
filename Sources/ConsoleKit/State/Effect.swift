import SettingsKit

/// What the reducer asks the session to do: things that touch the outside world. The
/// session runs it and hands the result back as an `Event`.
public enum Effect: Equatable, Sendable {
    /// Save the settings, merging with the file on disk if someone else saved it; keys
    /// both sides changed are decided by `choices` or come back as `Event.saveConflicted`.
    case save(MergeChoices)
    /// Load the file as it is on disk now, dropping the edits (the conflict dialog's "r"),
    /// or `automatically`, with nothing unsaved, when someone else saved it.
    case reload(automatically: Bool)
    /// Remove FILE.recovered.json: the edits it holds were saved or declined.
    case discardRecovery
    /// Keep the unsaved edits in FILE.recovered.json, then end with `exitCode` (the
    /// terminal went away, or SIGTERM).
    case keepRecovery(Settings, exitCode: Int32)
    /// Paint the whole screen again (Ctrl-L): another program's output (a `wall`
    /// message, a background job) may have scribbled over it.
    case redraw
    /// Stop like any job on Ctrl-Z, the terminal given back to the shell until `fg`.
    case suspend
    /// Leave with this exit code, writing nothing.
    case quit(Int32)
}
