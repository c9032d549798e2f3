import SettingsKit

/// Everything that happens to the console goes through the one reducer as an event: what
/// the operator does, what the terminal reports, and the result of every effect the
/// session ran for it (as a Bubble Tea command returns a message). Nothing else writes
/// the state.
public enum Event: Equatable, Sendable {
    case key(Key)
    /// The terminal's size, at start and after every resize.
    case resized(width: Int, height: Int)
    /// The session's look at the file (about once a second): whether it differs from the
    /// file as last loaded or saved here.
    case diskChecked(changed: Bool)
    /// A save was written: `settings` as written (with what the merge kept from disk,
    /// `keptFromDisk`, when someone else had saved meanwhile).
    case saved(settings: Settings, fileMode: UInt32?, keptFromDisk: [String])
    /// A save stopped before writing: keys changed here and on disk to different values.
    case saveConflicted([MergeConflict])
    /// A save failed (disk full, permission, …; or `unreadable`: the file on disk can no
    /// longer be read, so there is nothing to merge with); nothing was written.
    case saveFailed(String, unreadable: Bool)
    case reloaded(settings: Settings, fileMode: UInt32?, automatically: Bool)
    case reloadFailed(String, automatically: Bool)
    case recoveryDiscarded
    case recoveryDiscardFailed(String)
    /// A signal asked the console to end.
    case stopRequested(StopReason)
    /// A click on something the last frame drew.
    case clicked(Target)
    /// The wheel: lines down (positive) or up.
    case scrolled(Int)

    /// A mouse report as an event, hit-tested against the frame on screen. Nil for what
    /// does nothing (a release, a click on nothing).
    public static func pointer(_ mouse: MouseEvent, on frame: CellBuffer?) -> Event? {
        switch mouse.kind {
        case .wheelUp: return .scrolled(-1)
        case .wheelDown: return .scrolled(1)
        case .press(button: 0): return frame?.target(atX: mouse.x, y: mouse.y).map(Event.clicked)
        case .press, .release: return nil
        }
    }
}
