/// What a key does, named once. `KeyTable` maps keys to actions; the reducer performs them.
enum Action: Hashable, Sendable {
    // Anywhere, dialogs included.
    case leaveNow, repaint, suspend
    // Screens, with no dialog open.
    case help, save, showChanges, quit, nextScreen, previousScreen, nextField, previousField, undo, redo, toggleMouse
    /// Enter on a row: the next row the walkthrough asks, else the next screen's first.
    case advance
    /// The focused value to the terminal's clipboard.
    case copy
    // The focused row.
    case confirm, revert, reveal, toggle, choosePrevious, chooseNext, fillIn, goToFinding
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward
    case deleteToStart, deleteToEnd, deleteWord, deleteAlphanumericWord
    // The scope checklist's filter.
    case filterScopes, clearFilter, finishFilter
    // Help.
    case scrollDown, scrollUp, pageDown, pageUp, scrollTop, scrollBottom, closeHelp
    // Dialogs.
    case confirmSave, discardAndQuit, closeDialog
    case selectNext, selectPrevious, takeTheirs, keepYours, allTheirs, allYours, saveMerged, reload
    case restore, discardRecovery, later
    // Review's live actions, the key prompt and the push dialog.
    case testLive, pushLive, cancelLive, useKey, eraseKey, clearKey, applyPush, closeLive
    // The fleet list (its moves are selectNext/selectPrevious and the help's page keys).
    case openRow, cycleSort, startFleetFilter, finishFleetFilter, clearFleetFilter, switchPanel, filterByCode
}
