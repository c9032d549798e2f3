/// What the reducer asks the run loop to do: things that touch the outside world.
public enum Effect: Equatable, Sendable {
    /// Save the settings; `overwrite` replaces a file someone else changed meanwhile.
    case save(overwrite: Bool)
    /// Save, and quit if that worked (the quit dialog's "y").
    case saveAndQuit(overwrite: Bool)
    /// Leave with this exit code, writing nothing.
    case quit(Int32)
}
