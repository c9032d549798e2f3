import SettingsKit

/// Saving, quitting, and the dialogs' keys: quit, the unsaved changes, the merge of a
/// conflicting save, recovered edits, help.
extension ConsoleState {
    mutating func save() -> Effect? {
        guard allowsEditing() else { return nil }
        commitEditor()
        if edit.hasNothingToSave {
            status = StatusMessage("Nothing to save: no changes since \(fileName) was opened or saved")
            return nil
        }
        return edit.save()
    }

    mutating func showChanges() {
        guard allowsEditing() else { return }
        commitEditor()
        if isDirty { panel = .changes } else { status = StatusMessage("Nothing to save: no unsaved changes") }
    }

    mutating func quit() -> Effect? {
        commitEditor()
        if readOnly || !isDirty { return edit.leave() }
        panel = .quitConfirm
        return nil
    }

    mutating func performInDialog(_ action: Action) -> Effect? {
        switch (overlay, action) {
        case (.quitConfirm, .confirmSave):
            panel = nil
            edit.quitting = true
            return edit.save()
        case (.quitConfirm, .discardAndQuit):
            panel = nil
            return edit.leave()
        case (.changes, .confirmSave):
            panel = nil
            return edit.save()
        case (.quitConfirm, .closeDialog), (.changes, .closeDialog):
            panel = nil
        case (.conflict, _):
            return merge(action)
        case (.restore, _):
            return restore(action)
        default:
            break
        }
        return nil
    }

    /// Someone else saved the file. Each key both changed gets a side, then the save runs
    /// again (merging anew, under the lock); or take their file whole, dropping the edits;
    /// or go back to editing (a later save asks again).
    mutating func merge(_ action: Action) -> Effect? {
        switch action {
        case .selectNext: edit.conflicts?.move(by: 1)
        case .selectPrevious: edit.conflicts?.move(by: -1)
        case .takeTheirs: edit.conflicts?.choose(.theirs, all: false)
        case .keepYours: edit.conflicts?.choose(.yours, all: false)
        case .allTheirs: edit.conflicts?.choose(.theirs, all: true)
        case .allYours: edit.conflicts?.choose(.yours, all: true)
        case .saveMerged:
            guard let effect = edit.saveWithChoices() else {
                status = StatusMessage("Choose t (theirs) or y (yours) for every key listed, or T / Y for all", isError: true)
                return nil
            }
            return effect
        case .reload:
            return edit.reloadFromDisk()
        case .closeDialog:
            let appeared = edit.conflicts?.reason.isAppeared == true
            edit.dropConflicts()
            status = StatusMessage(
                appeared
                    ? "Not saved: \(fileName) was created on disk by someone else; your edits are kept"
                    : "Not saved: \(fileName) changed on disk; your edits are kept", isError: true)
            return nil
        default:
            break
        }
        status = nil
        return nil
    }

    /// Edits kept by an earlier session: restore them as unsaved edits, drop them, or
    /// decide later (the file stays and is offered again next time).
    mutating func restore(_ action: Action) -> Effect? {
        guard let offer = edit.recoveryOffer else { return nil }
        switch action {
        case .restore:
            edit.restoreRecovery(at: EditHistory.Place(screen: screen, focus: focus))
            openEditor()
            status = StatusMessage(
                edit.changedOnDisk
                    ? "Restored the recovered edits; \(fileName) was saved since: saving merges them with that save (^S)"
                    : "Restored the recovered edits: check them, then save (^S)")
        case .discardRecovery:
            status = StatusMessage("Discarded the recovered edits")
            return edit.discardRecovery()
        case .later:
            edit.postponeRecovery()
            status = StatusMessage("The recovered edits stay in \(offer.fileName) for next time")
        default:
            break
        }
        return nil
    }

    /// Which dialog is open, whatever it holds (nil: none): a list scrolled in one is not
    /// scrolled in the next.
    var openDialog: Int? {
        switch overlay {
        case nil: return nil
        case .help: return 0
        case .quitConfirm: return 1
        case .changes: return 2
        case .conflict: return 3
        case .restore: return 4
        case .live(.keyPrompt): return 5
        case .live(.pushConfirm): return 6
        case .live(.pushRefused): return 7
        }
    }

    /// The scrolling keys: help's text, else the open dialog's list.
    mutating func scroll(_ action: Action) {
        guard case .help = panel else {
            let target = action.position(from: dialogScroll, page: max(1, height / 2), end: Int.max / 2)
            scrollDialog(by: target - dialogScroll)
            return
        }
        scrollHelp(action)
    }

    /// The open dialog's list, by `lines`, within what it holds.
    mutating func scrollDialog(by lines: Int) {
        dialogScroll = max(0, min(dialogScroll + lines, DialogView.maxScroll(self)))
    }

    mutating func scrollHelp(_ action: Action) {
        guard case .help(let scroll) = panel else { return }
        if action == .closeHelp { panel = nil; return }
        panel = .help(scroll: max(0, min(HelpText.scroll(scroll, after: action), HelpText.maxScroll(self))))
    }
}

extension SaveConflicts.Reason {
    var isAppeared: Bool {
        if case .appeared = self { return true }
        return false
    }
}
