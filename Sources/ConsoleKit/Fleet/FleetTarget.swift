/// What a click on the fleet list hits (`Target.fleet`).
public enum FleetTarget: Equatable, Sendable {
    /// The row at this place in the list as shown.
    case row(Int)
    /// The code at this place in the by-code panel.
    case code(Int)
}
