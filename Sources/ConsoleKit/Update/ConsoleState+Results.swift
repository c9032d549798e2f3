import SettingsKit

/// The results of effects, as events: what the session found on disk, and how a save, a
/// reload or the removal of the recovery file went. The decisions that follow from them
/// are made here, where tests reach them: reload when nothing is unsaved, remove the
/// recovery file once its edits are saved, quit once a quit's save worked.
extension ConsoleState {
    mutating func resized(width: Int, height: Int) {
        setSize(width: width, height: height)
        if case .help(let scroll) = overlay { overlay = .help(scroll: min(scroll, HelpText.maxScroll(self))) }
    }

    /// With nothing unsaved there is nothing to lose, so the console shows the file as it is
    /// now, as an editor does with a file it has open unmodified (read-only always
    /// qualifies); with unsaved edits the title says so and a save merges.
    mutating func diskChecked(_ changed: Bool) -> Effect? {
        setChangedOnDisk(changed)
        return changed && !isDirty ? .reload(automatically: true) : nil
    }

    /// The file as written is the new base. When the save merged someone else's changes,
    /// they are on screen now too, and the status says which.
    mutating func saved(_ written: Settings, fileMode: UInt32?, keptFromDisk kept: [String]) -> Effect? {
        // Undo would put back settings without the changes kept from disk: a lost update.
        if !kept.isEmpty, written != settings { history.clear() }
        takeFromDisk(written, fileMode: fileMode, replacingEdits: true)
        if !kept.isEmpty { openEditor() }
        // The new mode can clear a finding (readable by others), and Review's rows are
        // the findings: keep focus on one of them.
        focus = max(0, min(focus, focusCount - 1))
        overlay = nil
        status = StatusMessage(
            kept.isEmpty
                ? "Saved \(fileName)"
                : "Saved \(fileName), merged with changes made on disk to " + kept.joined(separator: ", "))
        if restoredRecovery { return .discardRecovery }
        return quitting ? .quit(0) : nil
    }

    /// Keys both sides changed: the merge dialog lists them; nothing was written.
    mutating func saveConflicted(_ conflicts: [MergeConflict]) {
        setChangedOnDisk(true)
        overlay = .conflict(MergeDialog(conflicts: conflicts))
        status = nil
    }

    /// The edits stay, so saving can be retried. A file on disk that can no longer be read
    /// has nothing to merge with: the dialog asks before replacing it.
    mutating func saveFailed(_ message: String, unreadable: Bool) {
        if unreadable {
            setChangedOnDisk(true)
            overlay = .conflict(MergeDialog(conflicts: [], unreadable: message))
            status = nil
            return
        }
        overlay = nil
        quitting = false
        status = StatusMessage("Not saved: " + message, isError: true)
    }

    /// The file as it is on disk now replaces the edits (Reload), or, `automatically`, the
    /// settings shown while nothing was unsaved.
    mutating func reloaded(_ settings: Settings, fileMode: UInt32?, automatically: Bool) {
        takeFromDisk(settings, fileMode: fileMode, replacingEdits: true)
        revealSecret = false
        quitting = false
        // The edits undo would take back were made to a file that is no longer shown.
        history.clear()
        focus = min(focus, max(0, focusCount - 1))
        openEditor()
        status = StatusMessage(automatically ? "Reloaded \(fileName): it was changed on disk" : "Reloaded \(fileName) from disk")
    }

    /// What is shown stays, and the status says why.
    mutating func reloadFailed(_ why: String, automatically: Bool) {
        status = StatusMessage(
            automatically
                ? "\(fileName) changed on disk and cannot be read now: " + why
                : "Not reloaded: " + why + "; your edits are kept", isError: true)
    }

    mutating func recoveryDiscarded() -> Effect? {
        restoredRecovery = false
        return quitting ? .quit(0) : nil
    }

    mutating func recoveryDiscardFailed(_ message: String) -> Effect? {
        status = StatusMessage(message, isError: true)
        return quitting ? .quit(0) : nil
    }

    /// A hangup (the terminal closed) or a SIGTERM (shutdown, kill) does not mean "throw my
    /// edits away": they go to FILE.recovered.json. SIGINT, like Ctrl-C, is the operator's
    /// own "leave now" and keeps nothing.
    mutating func stopRequested(_ reason: StopReason) -> Effect? {
        if reason != .interrupt, let unsaved = unsavedSettings { return .keepRecovery(unsaved, exitCode: reason.exitCode) }
        return .quit(reason.exitCode)
    }
}
