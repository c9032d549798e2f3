import SettingsKit

/// What sits on top of the form. Each dialog takes its own keys (its rows of `KeyTable`)
/// until it closes.
enum Overlay: Equatable, Sendable {
    /// The screen's help text, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// Save / Discard / Cancel before quitting with unsaved changes, listing them.
    case quitConfirm
    /// The unsaved changes, listed before saving (^D): Save / Close.
    case changes
    /// A save met someone else's save: the keys both changed, each to be decided (or a
    /// file on disk it may only replace or load). From the session (`EditSession.conflicts`).
    case conflict(SaveConflicts)
    /// Edits an earlier session kept in FILE.recovered.json: Restore / Discard / Later.
    /// From the session (`EditSession.recoveryOffer`).
    case restore(RecoveryFile.Pending)
    /// Review's live actions: the Platform API key prompt, Clerk's dry run of a push, or a
    /// push refused for the credentials step's blockers.
    case live(LiveDialog)
}
