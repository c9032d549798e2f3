/// What is drawn at a place on the screen, for the mouse: the renderer records each as
/// it draws (`CellBuffer.targets`), so a click is hit-tested against the frame the
/// operator sees, from the very coordinates that drew it.
public enum Target: Equatable, Sendable {
    /// A screen in the step list.
    case screen(Screen)
    /// A row of the form, or a finding on Review (the state's `focus` index).
    case row(Int)
    /// A key on the key bar or a dialog's choice line: a click presses it.
    case key(Key)
    /// A key in conflict in the merge dialog.
    case conflict(Int)
    /// Drawn over what is below (a dialog's box): a click there does nothing.
    case inert
    /// A row of the fleet list or a code of its by-code panel.
    case fleet(FleetTarget)
}
