import SettingsKit

/// The save flow, one for both front ends: save → (keys both changed: a side for each, or
/// a file that may only be replaced or loaded) → save with the choices; the file on disk
/// followed while nothing is unsaved; what a save, a reload or a look at the disk found.
extension EditSession {
    /// Saves the settings with nothing decided yet. `edited`: the settings with the text
    /// being typed (the front end's), when it has some.
    mutating func save(_ edited: Settings? = nil) -> Effect {
        if let edited, edited != settings { update(at: nil) { $0 = edited } }
        conflicts = nil
        return .save(request(.none))
    }

    /// Saves again with the sides chosen; nil while a key has none.
    mutating func saveWithChoices() -> Effect? {
        guard let conflicts, conflicts.allDecided else { return nil }
        self.conflicts = nil
        return .save(request(conflicts.mergeChoices))
    }

    private func request(_ choices: MergeChoices) -> SaveRequest {
        // Restored edits were made to an older version: the store merges with what was
        // saved since, as it does with anyone's save.
        SaveRequest(path: path, settings: settings, base: editedVersion, choices: choices)
    }

    /// Back to editing without saving; a later save asks again.
    mutating func dropConflicts() {
        conflicts = nil
        quitting = false
    }

    /// Drop the edits and show the file as it is on disk now.
    mutating func reloadFromDisk() -> Effect {
        conflicts = nil
        quitting = false
        return .reload(path: path, base: base, automatically: false)
    }

    /// Someone else saved the file (or not), as the front end's look at the disk found.
    /// With nothing unsaved the file is shown as it is now, as an editor does with a file
    /// it has open unmodified (read-only always qualifies); with unsaved edits the title
    /// says so and a save merges. A file that was new and is there now is not ours: the
    /// operator is asked, once, and it is never loaded without that. `typing`: the front
    /// end holds text typed but not confirmed yet, which counts as unsaved.
    mutating func diskChecked(_ changed: Bool, typing: Bool = false) -> Effect? {
        let before = changedOnDisk
        changedOnDisk = changed || savedIsOlderThanBase
        guard changed else { return nil }
        if base == nil {
            if !before, conflicts == nil {
                conflicts = SaveConflicts(
                    .appeared("\(fileName) was created on disk by someone else after it was opened here as a new file"))
            }
            return nil
        }
        return isDirty || typing ? nil : .reload(path: path, base: base, automatically: true)
    }

    // MARK: Results

    /// The file as written is the new base, and what is shown (with what the merge kept
    /// from disk, `kept`). Then the recovery file goes if these were restored edits, and
    /// the session ends if that was asked.
    mutating func saved(_ file: LoadedFile, keptFromDisk kept: [String]) -> Effect? {
        // Undo would put back settings without the changes kept from disk: a lost update.
        if !kept.isEmpty, file.settings != settings { history.clear() }
        take(file)
        if restoredRecovery { return .discardRecovery(path: path) }
        return quitting ? .quit(0) : nil
    }

    /// What both front ends say while a save waits for another program's lock
    /// (`Event.saveWaiting`), `name` being the file as each shows it and `stop` how each
    /// stops waiting.
    static func waitingToSave(_ name: String, stop: String) -> String {
        "Waiting for another program that is saving \(name) (up to \(SettingsStore.lockWait) s)… \(stop)"
    }

    /// Keys both sides changed: nothing was written; each waits for a side.
    mutating func saveConflicted(_ found: [MergeConflict]) {
        changedOnDisk = true
        conflicts = SaveConflicts(conflicts: found)
    }

    /// The edits stay, so saving can be retried. Returns whether the failure waits for a
    /// decision: a file on disk that cannot be read has nothing to merge with, and one that
    /// appeared is not ours to merge into; the operator replaces it or loads it.
    mutating func saveFailed(_ error: FileError) -> Bool {
        switch error.code {
        case .unreadableOnDisk:
            conflicts = SaveConflicts(.unreadable(error.message))
        case .appearedOnDisk:
            conflicts = SaveConflicts(.appeared(error.message))
        default:
            quitting = false
            return false
        }
        changedOnDisk = true
        return true
    }

    /// The file as it is on disk now replaces the edits.
    mutating func reloaded(_ file: LoadedFile) {
        take(file)
        quitting = false
        // The edits undo would take back were made to a file that is no longer shown.
        history.clear()
    }

    mutating func reloadFailed() {
        quitting = false
    }
}
