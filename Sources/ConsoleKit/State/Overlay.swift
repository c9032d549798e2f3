import SettingsKit

/// What sits on top of the form. Each dialog takes its own keys (its rows of `KeyTable`)
/// until it closes.
public enum Overlay: Equatable, Sendable {
    /// The screen's help text, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// Save / Discard / Cancel before quitting with unsaved changes, listing them.
    case quitConfirm
    /// The unsaved changes, listed before saving (^D): Save / Close.
    case changes
    /// A save met someone else's save: the keys both changed, each to be decided.
    case conflict(MergeDialog)
    /// Edits an earlier session kept in FILE.recovered.json: Restore / Discard / Later.
    case restore(RecoveryFile.Pending)
}
