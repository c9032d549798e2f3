import SettingsKit

/// The reducer: one event in, the new state plus at most one effect out. Keys are looked
/// up in `KeyTable` in the contexts active now; effects' results come back as events.
/// It never calls a view; the one thing it asks of one is how far help or a dialog's
/// list can scroll.
extension ConsoleState {
    static let readOnlyNotice = "Read-only: opened with --read-only, editing and saving are off"

    public mutating func handle(_ event: Event) -> Effect? {
        let dialog = openDialog
        let effect = reduce(event)
        // Each dialog's list starts at its top, whatever opened or closed it.
        if openDialog != dialog { dialogScroll = 0 }
        refreshMask()
        return effect
    }

    private mutating func reduce(_ event: Event) -> Effect? {
        switch event {
        case .key(let key): return handle(key)
        case .resized(let width, let height): resized(width: width, height: height); return nil
        case .clicked(let target): return clicked(target)
        case .scrolled(let lines): return scrolled(by: lines)
        case .diskChecked(let changed): return edit.diskChecked(changed, typing: editor?.isChanged ?? false)
        case .saved(let file, let kept): return saved(file, keptFromDisk: kept)
        case .saveConflicted(let conflicts): saveConflicted(conflicts); return nil
        case .saveFailed(let error): saveFailed(error); return nil
        case .saveWaiting:
            // The runner asks the terminal for Esc and Ctrl-C while it waits (stopKeyTyped).
            status = StatusMessage(EditSession.waitingToSave(mask.masked(fileName), stop: "Esc stops waiting."))
            return nil
        case .reloaded(let file, let automatically): reloaded(file, automatically: automatically); return nil
        case .reloadFailed(let error, let automatically): reloadFailed(error, automatically: automatically); return nil
        case .recoveryDiscarded: return edit.recoveryDiscarded()
        case .recoveryDiscardFailed(let error):
            status = StatusMessage("Could not remove \(RecoveryFile.path(for: path)): " + error.message, isError: true)
            return edit.recoveryDiscardFailed()
        case .recoveryKept(let request): return edit.recoveryKept(request)
        case .recoveryKeepFailed(let error, let request): return edit.recoveryKeepFailed(error, request)
        case .stopRequested(let reason): return edit.stopRequested(reason, edited: isDirty ? edited : nil)
        case .live(let news): return liveNews(news)
        case .opened, .fleet:
            // A fleet list's (`FleetState`): a walkthrough opens no other file.
            return nil
        }
    }

    /// A key (resizes and the mouse come as events of their own: `Event(_:frame:size:)`).
    mutating func handle(_ key: Key) -> Effect? {
        let contexts = keyContexts
        if overlay == nil, key != .escape { status = nil }
        if case .char = key {} else { choicePrefix = "" }
        guard let binding = KeyTable.binding(for: key, in: contexts, self) else {
            if overlay == nil { typed(key) } else if case .live(.keyPrompt) = overlay { typeIntoKeyPrompt(key) }
            return nil
        }
        return perform(binding.action)
    }

    /// Where keys are looked up now, most specific first.
    var keyContexts: [KeyBinding.Context] {
        switch overlay {
        case .help: return [.anywhere, .help]
        case .quitConfirm: return [.anywhere, .quitDialog, .dialogList]
        case .changes: return [.anywhere, .changesDialog, .dialogList]
        case .conflict: return [.anywhere, .mergeDialog]
        case .restore: return [.anywhere, .restoreDialog, .dialogList]
        case .live(let dialog): return [.anywhere, dialog.keyContext] + (dialog.keyContext == .pushDialog ? [.dialogList] : [])
        case nil:
            // Opened from the fleet list, what is left of Esc goes back to it.
            return screenContexts + (inFleet ? [.fleetFile] : [])
        }
    }

    /// Where keys are looked up on a screen with no dialog open.
    private var screenContexts: [KeyBinding.Context] {
        // The filter is edited with a text field's keys; its own Enter and Esc first.
        if isTypingScopeFilter { return [.anywhere, .scopeFilter, .text, .screens] }
        // Where no text is typed, letters are free for help, quit and copy.
        let browsing: [KeyBinding.Context] = editor == nil ? [.browsing] : []
        if case .scope? = focusedItem, screen == .step(.permissions) { return [.anywhere, .checkbox, .scope] + browsing + [.screens] }
        return [.anywhere] + (rowContext.map { [$0] } ?? []) + browsing + [.screens]
    }

    /// What the status line says once the mouse is turned on or off (the fleet list's too).
    static func mouseStatus(_ on: Bool) -> StatusMessage {
        StatusMessage(
            on
                ? "Mouse on: clicks and the wheel work in the console"
                : "Mouse off: the terminal's own selection copies text; F4 turns the mouse back on")
    }

    /// The key table's context of the focused row.
    var rowContext: KeyBinding.Context? {
        if screen == .review { return .review }
        switch focusedItem {
        case .text?, .list?, .customScopes?: return .text
        case .toggle?, .scope?: return .checkbox
        case .choice?: return .choice
        case .useRedirectURI?: return .button
        case nil: return nil
        }
    }

    mutating func perform(_ action: Action) -> Effect? {
        switch action {
        // Ctrl-C must always get out, whatever is open; it never writes the file. Ctrl-L
        // repaints and Ctrl-Z suspends, as in every full-screen terminal program (raw mode
        // turns the terminal's own Ctrl-Z off); neither changes anything.
        case .leaveNow: return .quit(StopReason.interrupt.exitCode)
        case .repaint: return .redraw
        case .suspend: return .suspend
        case .help: panel = .help(scroll: 0)
        case .save: return save()
        case .showChanges: showChanges()
        case .quit:
            if case .help = panel { panel = nil }
            return quit()
        case .nextScreen: go(to: screen.next)
        case .previousScreen: go(to: screen.previous)
        case .nextField: moveFocus(by: 1)
        case .advance: advance()
        case .copy: return copy()
        case .toggleMouse:
            mouseCapture.toggle()
            status = Self.mouseStatus(mouseCapture)
            return .setMouseCapture(mouseCapture)
        case .previousField: moveFocus(by: -1)
        case .undo: undo()
        case .redo: redo()
        case .filterScopes: startScopeFilter()
        case .clearFilter: clearScopeFilter()
        case .finishFilter: enterScopeFilter()
        case .confirm, .revert, .reveal, .toggle, .choosePrevious, .chooseNext, .fillIn, .goToFinding,
            .cursorLeft, .cursorRight, .cursorHome, .cursorEnd, .deleteBackward, .deleteForward,
            .deleteToStart, .deleteToEnd, .deleteWord, .deleteAlphanumericWord:
            performOnRow(action)
        case .scrollDown, .scrollUp, .pageDown, .pageUp, .scrollTop, .scrollBottom, .closeHelp:
            scroll(action)
        case .confirmSave, .discardAndQuit, .closeDialog, .selectNext, .selectPrevious, .takeTheirs, .keepYours,
            .allTheirs, .allYours, .saveMerged, .reload, .restore, .discardRecovery, .later:
            return performInDialog(action)
        case .testLive, .pushLive, .cancelLive, .useKey, .eraseKey, .clearKey, .applyPush, .closeLive:
            return performLive(action)
        case .openRow, .cycleSort, .startFleetFilter, .finishFleetFilter, .clearFleetFilter, .switchPanel, .filterByCode:
            // The fleet list's (`FleetState`).
            break
        }
        return nil
    }
}
extension ConsoleState: EventHandling {}
