import SettingsKit

/// The results of effects, as events: the session (`EditSession`) decides what follows
/// (reload when nothing is unsaved, remove the recovery file once its edits are saved,
/// quit once a quit's save worked); the console adds what its screen shows of them.
extension ConsoleState {
    mutating func resized(width: Int, height: Int) {
        setSize(width: width, height: height)
        if case .help(let scroll) = panel { panel = .help(scroll: min(scroll, HelpText.maxScroll(self))) }
    }

    /// The file as written is the new base. When the save merged someone else's changes,
    /// they are on screen now too, and the status says which.
    mutating func saved(_ file: LoadedFile, keptFromDisk kept: [String]) -> Effect? {
        let effect = edit.saved(file, keptFromDisk: kept)
        if !kept.isEmpty { openEditor() }
        // The new mode can clear a finding (readable by others), and Review's rows are
        // the findings: keep focus on one of them.
        focus = max(0, min(focus, focusCount - 1))
        panel = nil
        status = StatusMessage(
            kept.isEmpty
                ? "Saved \(fileName)"
                : "Saved \(fileName), merged with changes made on disk to " + kept.joined(separator: ", "))
        return effect
    }

    /// Keys both sides changed: the merge dialog lists them; nothing was written.
    mutating func saveConflicted(_ conflicts: [MergeConflict]) {
        edit.saveConflicted(conflicts)
        status = nil
    }

    /// The edits stay, so saving can be retried. A file on disk that can no longer be read
    /// (or appeared meanwhile) waits for a decision in the merge dialog.
    mutating func saveFailed(_ error: FileError) {
        if edit.saveFailed(error) {
            status = nil
            return
        }
        panel = nil
        status = StatusMessage("Not saved: " + error.message, isError: true)
    }

    /// The file as it is on disk now replaces the edits (Reload), or, `automatically`, the
    /// settings shown while nothing was unsaved.
    mutating func reloaded(_ file: LoadedFile, automatically: Bool) {
        edit.reloaded(file)
        revealSecret = false
        focus = min(focus, max(0, focusCount - 1))
        openEditor()
        status = StatusMessage(automatically ? "Reloaded \(fileName): it was changed on disk" : "Reloaded \(fileName) from disk")
    }

    /// What is shown stays, and the status says why.
    mutating func reloadFailed(_ error: FileError, automatically: Bool) {
        edit.reloadFailed()
        let why = error.message + " (\(error.code.rawValue))"
        status = StatusMessage(
            automatically
                ? "\(fileName) changed on disk and cannot be read now: " + why
                : "Not reloaded: " + why + "; your edits are kept", isError: true)
    }
}
