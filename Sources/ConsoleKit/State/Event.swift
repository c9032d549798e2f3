import SettingsKit

/// Everything that happens to a session goes through its one reducer as an event: what
/// the operator does, what the terminal reports, and the result of every effect the
/// runner did for it (as a Bubble Tea command returns a message). Nothing else writes
/// the state.
public enum Event: Equatable, Sendable {
    case key(Key)
    /// The terminal's size, at start and after every resize.
    case resized(width: Int, height: Int)
    /// A click on something the last frame drew.
    case clicked(Target)
    /// The wheel: lines down (positive) or up.
    case scrolled(Int)
    /// The session's look at the file (about once a second): whether it differs from the
    /// file as last loaded or saved here.
    case diskChecked(changed: Bool)
    /// A save was written: the file as written (with what the merge kept from disk,
    /// `keptFromDisk`, when someone else had saved meanwhile).
    case saved(LoadedFile, keptFromDisk: [String])
    /// The save about to be done must first wait for another program that holds the
    /// file's lock (`EffectRunner.announceWait`): said at once, where the screen would
    /// otherwise not answer for up to `SettingsStore.lockWait` seconds.
    case saveWaiting
    /// A save stopped before writing: keys changed here and on disk to different values.
    case saveConflicted([MergeConflict])
    /// A save failed (disk full, permission, …; or a file on disk that may only be
    /// replaced: `FileError.Code.unreadableOnDisk`, `.appearedOnDisk`); nothing was written.
    case saveFailed(FileError)
    case reloaded(LoadedFile, automatically: Bool)
    case reloadFailed(FileError, automatically: Bool)
    case recoveryDiscarded
    case recoveryDiscardFailed(FileError)
    /// The unsaved edits are in FILE.recovered.json (or could not be kept): the session
    /// ends with the request's exit code.
    case recoveryKept(RecoveryRequest)
    case recoveryKeepFailed(FileError, RecoveryRequest)
    /// A signal asked the session to end.
    case stopRequested(StopReason)
    /// A live action's job (Test with Clerk and Atlassian, Push to Clerk) is at work or done.
    case live(LiveNews)
    /// A file opened for editing (`Effect.openFile`), or why it could not be.
    case opened(path: String, Result<EditSession.Opened, FileError>)
    /// What the fleet list's jobs found: files judged, gone, the folder walked.
    case fleet(FleetEvent)
}
