import SettingsKit

/// What a session asks to have done: things that touch the outside world. The effect
/// runner (`EffectRunner`) does it and hands the result back as an `Event`. Each effect
/// carries all it needs, so the runner keeps no state of its own and one runner serves
/// every front end and every file.
public enum Effect: Equatable, Sendable {
    /// Save, merging with the file on disk if someone else saved it; keys both sides
    /// changed are decided by the request's choices or come back as `Event.saveConflicted`.
    case save(SaveRequest)
    /// Load the file as it is on disk now, dropping the edits (the merge dialog's "r"),
    /// or `automatically`, with nothing unsaved, when someone else saved it. `base`: the
    /// file as loaded; one that a link now puts elsewhere is not loaded in its place.
    case reload(path: String, base: LoadedFile?, automatically: Bool)
    /// Remove FILE.recovered.json: the edits it holds were saved or declined.
    case discardRecovery(path: String)
    /// Keep the unsaved edits in FILE.recovered.json, then end (the terminal went away,
    /// or SIGTERM).
    case keepRecovery(RecoveryRequest)
    /// Paint the whole screen again (Ctrl-L): another program's output (a `wall`
    /// message, a background job) may have scribbled over it.
    case redraw
    /// Stop like any job on Ctrl-Z, the terminal given back to the shell until `fg`.
    case suspend
    /// Put text on the terminal's clipboard (OSC 52): the focused value, never a secret.
    case copyToClipboard(String)
    /// Turn the terminal's mouse reporting on (clicks and the wheel reach the console)
    /// or off (the terminal's own selection works).
    case setMouseCapture(Bool)
    /// Leave with this exit code, writing nothing.
    case quit(Int32)
    /// Start work that may take long (`Job`) off the input thread; what it finds comes
    /// back as events while keys go on being read.
    case start(Job)
    /// Stop a job started earlier; nothing it finds afterwards is delivered.
    case cancel(Job.ID)
    /// Open a file for editing, as `edit FILE` does (`EditSession.open`: the file, or a new
    /// one, and its recovered edits): the fleet list's Enter. The answer is `Event.opened`.
    case openFile(path: String, readOnly: Bool)
    /// Several effects, done in order, each one's result given to the session before the
    /// next is done: leaving a file opened from the fleet list stops its live check and
    /// has the file judged again.
    case all([Effect])
}
