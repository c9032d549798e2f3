/// What the reducer asks the run loop to do: things that touch the outside world.
public enum Effect: Equatable, Sendable {
    /// Save the settings; `overwrite` replaces a file someone else changed meanwhile.
    case save(overwrite: Bool)
    /// Save, and quit if that worked (the quit dialog's "y").
    case saveAndQuit(overwrite: Bool)
    /// Load the file as it is on disk now, dropping the edits (the conflict dialog's "r").
    case reload
    /// Remove FILE.recovered.json: the operator declined the edits it holds.
    case discardRecovery
    /// Paint the whole screen again (Ctrl-L): another program's output (a `wall`
    /// message, a background job) may have scribbled over it.
    case redraw
    /// Stop like any job on Ctrl-Z, the terminal given back to the shell until `fg`.
    case suspend
    /// Leave with this exit code, writing nothing.
    case quit(Int32)
}
