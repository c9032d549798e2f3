/// What the fleet's jobs find (`FleetWatch`, `FleetJudge`), as events for the fleet
/// list's reducer: the folder walked, files judged as the parallel audit gets to them,
/// files gone, and later every change on disk.
public enum FleetEvent: Equatable, Sendable {
    /// The folder was walked: this many settings files are to be judged.
    case listed(Int)
    /// Files judged, new or again: each row replaces the row of its path.
    case judged([FleetRow])
    /// Files no longer in the folder, by path below it.
    case removed([String])
    /// Every file listed has been judged once.
    case loaded
    /// How changes on disk are looked for, when not the usual way (a note for the status line).
    case watching(String)
}
