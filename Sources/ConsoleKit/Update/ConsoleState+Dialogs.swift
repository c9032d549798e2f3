import SettingsKit

/// Saving, quitting, and the dialogs' keys: quit, the unsaved changes, the merge of a
/// conflicting save, recovered edits, help.
extension ConsoleState {
    mutating func save() -> Effect? {
        if readOnly {
            status = StatusMessage(Self.readOnlyNotice, isError: true)
            return nil
        }
        commitEditor()
        // A file that is not there yet is created by the first save, even an empty one;
        // one that others may read is saved again to make it 0600 (its finding says so).
        if !isDirty, let mode = fileMode, mode & 0o077 == 0 {
            status = StatusMessage("Nothing to save: no changes since \(fileName) was opened or saved")
            return nil
        }
        return .save(.none)
    }

    mutating func showChanges() {
        guard !readOnly else { status = StatusMessage(Self.readOnlyNotice, isError: true); return }
        commitEditor()
        if isDirty { overlay = .changes } else { status = StatusMessage("Nothing to save: no unsaved changes") }
    }

    mutating func quit() -> Effect? {
        commitEditor()
        if readOnly || !isDirty { return leave() }
        overlay = .quitConfirm
        return nil
    }

    /// Leaving normally drops restored edits the operator did not save: their recovery
    /// file goes too, then the console ends. Ctrl-C keeps it, as it keeps everything.
    mutating func leave() -> Effect? {
        if restoredRecovery, !readOnly {
            quitting = true
            return .discardRecovery
        }
        return .quit(0)
    }

    mutating func performInDialog(_ action: Action) -> Effect? {
        switch (overlay, action) {
        case (.quitConfirm, .confirmSave):
            overlay = nil
            quitting = true
            return .save(.none)
        case (.quitConfirm, .discardAndQuit):
            overlay = nil
            return leave()
        case (.changes, .confirmSave):
            overlay = nil
            return .save(.none)
        case (.quitConfirm, .closeDialog), (.changes, .closeDialog):
            overlay = nil
        case (.conflict(var dialog), _):
            return merge(action, &dialog)
        case (.restore(let recovered), _):
            return restore(action, recovered)
        default:
            break
        }
        return nil
    }

    /// Someone else saved the file. Each key both changed gets a side, then the save runs
    /// again (merging anew, under the lock); or take their file whole, dropping the edits;
    /// or go back to editing (a later save asks again).
    mutating func merge(_ action: Action, _ dialog: inout MergeDialog) -> Effect? {
        switch action {
        case .selectNext: dialog.move(by: 1)
        case .selectPrevious: dialog.move(by: -1)
        case .takeTheirs: dialog.choose(.theirs, all: false)
        case .keepYours: dialog.choose(.yours, all: false)
        case .allTheirs: dialog.choose(.theirs, all: true)
        case .allYours: dialog.choose(.yours, all: true)
        case .saveMerged:
            guard dialog.allDecided else {
                status = StatusMessage("Choose t (theirs) or y (yours) for every key listed, or T / Y for all", isError: true)
                overlay = .conflict(dialog)
                return nil
            }
            overlay = nil
            return .save(dialog.mergeChoices)
        case .reload:
            overlay = nil
            quitting = false
            return .reload(automatically: false)
        case .closeDialog:
            overlay = nil
            quitting = false
            status = StatusMessage("Not saved: \(fileName) changed on disk; your edits are kept", isError: true)
            return nil
        default:
            break
        }
        status = nil
        overlay = .conflict(dialog)
        return nil
    }

    /// Edits kept by an earlier session: restore them as unsaved edits, drop them, or
    /// decide later (the file stays and is offered again next time).
    mutating func restore(_ action: Action, _ recovered: RecoveryFile.Pending) -> Effect? {
        switch action {
        case .restore:
            overlay = nil
            update { $0 = recovered.settings }
            restoredRecovery = true
            openEditor()
            status = StatusMessage("Restored the recovered edits: check them, then save (^S)")
        case .discardRecovery:
            overlay = nil
            status = StatusMessage("Discarded the recovered edits")
            return .discardRecovery
        case .later:
            overlay = nil
            status = StatusMessage("The recovered edits stay in \(recovered.fileName) for next time")
        default:
            break
        }
        return nil
    }

    mutating func scrollHelp(_ action: Action) {
        guard case .help(let scroll) = overlay else { return }
        let next: Int
        switch action {
        case .closeHelp: overlay = nil; return
        case .scrollDown: next = scroll + 1
        case .scrollUp: next = scroll - 1
        case .pageDown: next = scroll + 10
        case .pageUp: next = scroll - 10
        case .scrollTop: next = 0
        default: next = Int.max / 2
        }
        overlay = .help(scroll: max(0, min(next, HelpText.maxScroll(self))))
    }
}
