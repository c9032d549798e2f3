/// Every key the console knows, once (as htop's Action.c): the reducer looks keys up here,
/// the key bar and the dialogs' choice lines show the rows' `bar` names and labels, and
/// F1 lists every row. A new key is one row here (and one case in `Action` if it does
/// something new); `KeyTableTests` checks that F1 and the README name it.
enum KeyTable {
    static let all: [KeyBinding] = [
        // Anywhere: these must work whatever is open.
        KeyBinding(.anywhere, [.ctrl("c")], "Ctrl-C", help: "leave at once, writing nothing", .leaveNow),
        KeyBinding(.anywhere, [.ctrl("l")], "Ctrl-L", help: "repaint the whole screen (after another program wrote over it)", .repaint),
        KeyBinding(.anywhere, [.ctrl("z")], "Ctrl-Z", help: "suspend to the shell; fg brings the console back as it was", .suspend),

        // The focused row. Looked up before the screens' keys: Enter, Space and the arrows
        // mean what the row makes of them.
        KeyBinding(
            .text, [.enter], "Enter", bar: "Enter", "OK", help: "confirm the text and move on (from the last field, to the next screen)",
            .confirm, priority: 3, edits: true),
        KeyBinding(
            .text, [.escape], "Esc", bar: "Esc", "Cancel", help: "cancel the edit in progress: the value it had before", .revert,
            priority: 3, edits: true, when: { !$0.inFleet || $0.editor?.isChanged == true }),
        KeyBinding(
            .text, [.ctrl("r")], "Ctrl-R", bar: "^R", "Reveal", relabel: ("Hide", { $0.revealSecret }),
            help: "show the Client Secret in clear while it has focus (also another field the secret was pasted into); again hides it",
            .reveal, priority: 3, edits: true),
        KeyBinding(
            .text, [.ctrl("o")], "Ctrl-O", help: "copy the field's value to the clipboard (OSC 52); never the Client Secret", .copy),
        KeyBinding(.text, [.left], "Left", help: "cursor left", .cursorLeft),
        KeyBinding(.text, [.right], "Right", help: "cursor right", .cursorRight),
        KeyBinding(.text, [.home, .ctrl("a")], "Home, Ctrl-A", help: "cursor to the start", .cursorHome),
        KeyBinding(.text, [.end, .ctrl("e")], "End, Ctrl-E", help: "cursor to the end", .cursorEnd),
        KeyBinding(.text, [.backspace], "Backspace", help: "delete the character before the cursor", .deleteBackward, edits: true),
        KeyBinding(.text, [.delete], "Delete", help: "delete the character under the cursor", .deleteForward, edits: true),
        KeyBinding(.text, [.ctrl("u")], "Ctrl-U", help: "delete to the start", .deleteToStart, edits: true),
        KeyBinding(.text, [.ctrl("k")], "Ctrl-K", help: "delete to the end", .deleteToEnd, edits: true),
        KeyBinding(.text, [.ctrl("w")], "Ctrl-W", help: "delete the word before the cursor (back to a space or comma)", .deleteWord, edits: true),
        KeyBinding(
            .text, [.alt("\u{7F}")], "Alt-Backspace", help: "delete the letters and digits before the cursor", .deleteAlphanumericWord,
            edits: true),
        KeyBinding(.scope, [.char("/")], "/", bar: "/", "Filter", help: "filter the scopes by typed text", .filterScopes, priority: 2),
        KeyBinding(
            .scope, [.escape], "Esc", bar: "Esc", "Clear filter", help: "show every scope again", .clearFilter, priority: 2,
            when: { $0.scopeFilter != nil }),
        KeyBinding(
            .scopeFilter, [.enter], "Enter", bar: "Enter", "Done", help: "keep the filter and go back to the list", .finishFilter,
            priority: 3),
        KeyBinding(.scopeFilter, [.escape], "Esc", bar: "Esc", "Clear filter", help: "clear the filter", .clearFilter, priority: 3),
        KeyBinding(.checkbox, [.char(" ")], "Space", bar: "Space", "Toggle", help: "tick or clear the checkbox", .toggle, priority: 3, edits: true),
        KeyBinding(.checkbox, [.enter], "Enter", help: "next field (from the last, the next screen)", .advance),
        KeyBinding(
            .choice, [.char(" ")], "Space", bar: "Space", "Switch",
            help: "the next value (or type the first letters of one: d development, p production)", .toggle, priority: 3, edits: true),
        KeyBinding(.choice, [.enter], "Enter", help: "next field (from the last, the next screen)", .advance),
        KeyBinding(.choice, [.left], "Left", help: "the value to the left (with none chosen, the leftmost)", .choosePrevious, edits: true),
        KeyBinding(.choice, [.right], "Right", help: "the value to the right (with none chosen, the rightmost)", .chooseNext, edits: true),
        KeyBinding(.button, [.enter], "Enter", bar: "Enter", "Fill in", help: "run the action", .fillIn, priority: 3, edits: true),
        KeyBinding(
            .review, [.enter], "Enter", bar: "Enter", "Go to fix", help: "go to the item that fixes the finding", .goToFinding, priority: 3,
            shown: { !$0.reviewFindings.isEmpty }),
        KeyBinding(.review, [.down, .tab], "Down, Tab", bar: "↑↓", "Select", help: "next finding", .nextField),
        KeyBinding(.review, [.up, .backTab], "Up, Shift-Tab", help: "previous finding", .previousField),
        KeyBinding(
            .review, [.char("t"), .char("T")], "t", bar: "t", "Test",
            help: "test with Clerk and Atlassian: verify's live checks of the settings on screen, in the background", .testLive, priority: 2),
        KeyBinding(
            .review, [.char("p"), .char("P")], "p", bar: "p", "Push",
            help: "push to Clerk: Clerk's dry run of the change is listed first, and y writes it", .pushLive, priority: 2, edits: true),
        // Where no text is typed, as in lazygit, k9s and htop (F1 and Ctrl-Q work everywhere).
        KeyBinding(.browsing, [.char("?")], "?", help: "the guide's help for the screen, then these keys (as F1)", .help),
        KeyBinding(.browsing, [.char("q")], "q", help: "quit (as Ctrl-Q)", .quit),
        KeyBinding(
            .browsing, [.char("y")], "y", bar: "y", "Copy",
            help:
                "copy the focused value to the clipboard (OSC 52): on Authorization's action the redirect URI, on a scope its name; never the Client Secret",
            .copy, shown: { $0.focusedItem?.isSecret != true && ($0.focusedItem != nil || !$0.reviewFindings.isEmpty) }),

        // Every screen.
        // Shown while there is something to take back or bring back; on a narrow bar they
        // give way before saving and quitting.
        KeyBinding(
            .screens, [.ctrl("_")], "Ctrl-_", bar: "^_", "Undo",
            help:
                "undo the last confirmed edit and show the field it changed; again goes further back (Ctrl-/ on most terminals; not Ctrl-Z, which suspends)",
            .undo, edits: true, shown: { $0.edit.history.canUndo }),
        KeyBinding(
            .screens, [.ctrl("y")], "Ctrl-Y", bar: "^Y", "Redo", help: "redo what undo took back", .redo, edits: true,
            shown: { $0.edit.history.canRedo }),
        KeyBinding(.screens, [.tab, .down], "Tab, Down", bar: "Tab", "Next", help: "next field", .nextField),
        KeyBinding(.screens, [.backTab, .up], "Shift-Tab, Up", help: "previous field", .previousField),
        // Leaving the screen is what a newcomer looks for: it outranks moving around and undo.
        KeyBinding(.screens, [.pageDown, .ctrl("n")], "PgDn, Ctrl-N", bar: "PgUp/PgDn", "Screen", help: "next screen", .nextScreen, priority: 2),
        KeyBinding(.screens, [.pageUp, .ctrl("p")], "PgUp, Ctrl-P", help: "previous screen", .previousScreen),
        KeyBinding(
            .screens, [.ctrl("d"), .function(3)], "Ctrl-D, F3", bar: "^D", "Changes",
            help: "list the unsaved changes (key: old → new) before saving them", .showChanges, priority: 0, edits: true,
            shown: { $0.isDirty }),
        KeyBinding(
            .screens, [.ctrl("s"), .function(2)], "Ctrl-S, F2", bar: "^S", "Save", help: "save (atomic, mode 0600, one history line)",
            .save, priority: 2, edits: true),
        // Quit stays on the narrowest bar: Esc is never the only way out.
        KeyBinding(
            .screens, [.ctrl("q"), .function(10)], "Ctrl-Q, F10", bar: "^Q", "Quit", relabel: ("List", { $0.inFleet }),
            help: "quit; with unsaved changes lists them and asks first", .quit, priority: 3),
        KeyBinding(.screens, [.function(1)], "F1", bar: "F1", "Help", help: "the guide's help for the screen, then these keys", .help, priority: 2),
        // Where Esc cancels nothing else (not while text is edited).
        KeyBinding(
            .screens, [.escape], "Esc", bar: "Esc", "Stop test",
            help: "stop the test with Clerk and Atlassian (or a push's dry run) under way; shown while one runs", .cancelLive, priority: 3,
            when: { $0.live.isCancellable }),
        KeyBinding(
            .screens, [.function(4)], "F4", bar: "F4", "Mouse off", relabel: ("Mouse on", { !$0.mouseCapture }),
            help: "turn the mouse off, so the terminal's own selection copies text; again turns it back on", .toggleMouse, priority: 0),

        // Help.
        KeyBinding(.help, [.down, .tab], "Down, Tab", bar: "↑↓", "Scroll", help: "scroll down a line", .scrollDown, priority: 3),
        KeyBinding(.help, [.up, .backTab], "Up, Shift-Tab", help: "scroll up a line", .scrollUp),
        KeyBinding(.help, [.pageDown, .char(" ")], "PgDn, Space", bar: "PgUp/PgDn", "Page", help: "a page down", .pageDown),
        KeyBinding(.help, [.pageUp], "PgUp", help: "a page up", .pageUp),
        KeyBinding(.help, [.home], "Home", help: "the top", .scrollTop),
        KeyBinding(.help, [.end], "End", help: "the bottom", .scrollBottom),
        KeyBinding(
            .help, [.escape, .function(1), .enter, .char("q")], "Esc, F1, Enter, q", bar: "Esc", "Close help", help: "close help",
            .closeHelp, priority: 3),
        KeyBinding(
            .help, [.ctrl("q"), .function(10)], "Ctrl-Q, F10", bar: "^Q", "Quit", relabel: ("List", { $0.inFleet }), help: "quit, as on a screen",
            .quit, priority: 2),
        KeyBinding(.help, [.ctrl("s"), .function(2)], "Ctrl-S, F2", help: "save, as on a screen", .save, edits: true),

        // Dialogs take single letters.
        KeyBinding(
            .quitDialog, [.char("y"), .char("Y")], "y", bar: "y", "Save", help: "save the changes listed, then quit", .confirmSave, priority: 3),
        KeyBinding(.quitDialog, [.char("n"), .char("N")], "n", bar: "n", "Discard", help: "quit without saving", .discardAndQuit, priority: 3),
        KeyBinding(
            .quitDialog, [.escape, .char("c"), .char("C")], "Esc, c", bar: "Esc", "Cancel", help: "back to editing", .closeDialog, priority: 3),
        KeyBinding(
            .changesDialog, [.char("y"), .char("Y"), .ctrl("s"), .function(2)], "y, Ctrl-S", bar: "y", "Save",
            help: "save the changes listed", .confirmSave, priority: 3),
        KeyBinding(
            .changesDialog, [.escape, .char("c"), .char("C"), .ctrl("d"), .function(3)], "Esc, c", bar: "Esc", "Close",
            help: "back to editing", .closeDialog, priority: 3),
        KeyBinding(.mergeDialog, [.down, .tab], "Down, Tab", bar: "↑↓", "Select", help: "next key in conflict", .selectNext),
        KeyBinding(.mergeDialog, [.up, .backTab], "Up, Shift-Tab", help: "previous key in conflict", .selectPrevious),
        KeyBinding(.mergeDialog, [.char("t")], "t", bar: "t", "Theirs", help: "keep the value on disk for this key", .takeTheirs, priority: 3),
        KeyBinding(.mergeDialog, [.char("y")], "y", bar: "y", "Yours", help: "keep your value for this key", .keepYours, priority: 3),
        KeyBinding(.mergeDialog, [.char("T")], "T", bar: "T", "All theirs", help: "the value on disk for every key", .allTheirs, priority: 2),
        KeyBinding(.mergeDialog, [.char("Y")], "Y", bar: "Y", "All yours", help: "your value for every key", .allYours, priority: 2),
        KeyBinding(
            .mergeDialog, [.enter, .char("s"), .ctrl("s")], "Enter, s", bar: "Enter", "Save",
            help: "save: your other changes and theirs merged, each key as chosen", .saveMerged, priority: 3),
        KeyBinding(
            .mergeDialog, [.char("r"), .char("R")], "r", bar: "r", "Reload", help: "drop your edits and show the file as it is on disk",
            .reload, priority: 1),
        KeyBinding(
            .mergeDialog, [.escape, .char("c"), .char("C")], "Esc, c", bar: "Esc", "Cancel", help: "back to editing; nothing is written",
            .closeDialog, priority: 3),
        KeyBinding(
            .restoreDialog, [.char("r"), .char("R")], "r", bar: "r", "Restore", help: "take the recovered edits as unsaved edits", .restore,
            priority: 3),
        KeyBinding(
            .restoreDialog, [.char("d"), .char("D")], "d", bar: "d", "Discard", help: "remove the recovery file", .discardRecovery,
            priority: 3),
        KeyBinding(
            .restoreDialog, [.escape, .char("l"), .char("L")], "Esc, l", bar: "Esc", "Later", help: "keep the recovery file for next time",
            .later, priority: 3),
        KeyBinding(
            .keyPrompt, [.enter], "Enter", bar: "Enter", "Use key",
            help: "use the key typed, for this session only; with nothing typed, test without the Clerk check", .useKey, priority: 3),
        KeyBinding(.keyPrompt, [.escape], "Esc", bar: "Esc", "Cancel", help: "ask nothing of Clerk", .closeLive, priority: 3),
        KeyBinding(.keyPrompt, [.backspace], "Backspace", help: "delete the last character typed", .eraseKey),
        KeyBinding(.keyPrompt, [.ctrl("u")], "Ctrl-U", help: "delete everything typed", .clearKey),
        KeyBinding(
            .pushDialog, [.char("y"), .char("Y")], "y", bar: "y", "Push",
            help: "write the changes listed to the instance (only if it is still as Clerk's dry run read it)", .applyPush, priority: 3,
            when: { $0.showsPushPlan }),
        KeyBinding(
            .pushDialog, [.escape, .char("n"), .char("N"), .char("c"), .char("C")], "Esc, n", bar: "Esc", "Close",
            help: "back; nothing is written to Clerk", .closeLive, priority: 3),
        KeyBinding(.dialogList, [.down], "Down", help: "scroll down a line", .scrollDown),
        KeyBinding(.dialogList, [.up], "Up", help: "scroll up a line", .scrollUp),
        KeyBinding(.dialogList, [.pageDown], "PgDn", help: "a page down", .pageDown),
        KeyBinding(.dialogList, [.pageUp], "PgUp", help: "a page up", .pageUp),

        // A file opened from the fleet list: Esc that nothing else takes goes back.
        KeyBinding(
            .fleetFile, [.escape], "Esc",
            help: "back to the fleet list, as Ctrl-Q (unsaved changes are asked about first); while text is typed, Esc cancels that first",
            .quit),

        // The fleet list: where no text is typed, ? and q too.
        KeyBinding(
            .fleet, [.enter], "Enter", bar: "Enter", "Open", help: "open the file's walkthrough; Esc or Ctrl-Q there comes back to this row",
            .openRow, priority: 3),
        KeyBinding(.fleet, [.down], "Down", bar: "↑↓", "Select", help: "next file", .selectNext),
        KeyBinding(.fleet, [.up], "Up", help: "previous file", .selectPrevious),
        KeyBinding(.fleet, [.pageDown, .ctrl("n")], "PgDn, Ctrl-N", help: "a page down", .pageDown),
        KeyBinding(.fleet, [.pageUp, .ctrl("p")], "PgUp, Ctrl-P", help: "a page up", .pageUp),
        KeyBinding(.fleet, [.home], "Home", help: "the first file", .scrollTop),
        KeyBinding(.fleet, [.end], "End", help: "the last file", .scrollBottom),
        KeyBinding(
            .fleet, [.char("/")], "/", bar: "/", "Filter", help: "filter by path, code or environment: words in any order",
            .startFleetFilter, priority: 2),
        KeyBinding(.fleet, [.escape], "Esc", bar: "Esc", "Show all", help: "clear the filter: every file again", .clearFleetFilter, priority: 2),
        KeyBinding(.fleet, [.char("s")], "s", bar: "s", "Sort", help: "sort by blockers, path or environment (each press the next)", .cycleSort),
        KeyBinding(
            .fleet, [.tab, .backTab], "Tab, Shift-Tab", bar: "Tab", "By code", help: "the by-code panel: how many files have each finding",
            .switchPanel,
            priority: 2),
        KeyBinding(
            .fleet, [.function(1), .char("?")], "F1, ?", bar: "?", "Help", help: "help on the fleet list, then every key", .help, priority: 2),
        KeyBinding(.fleet, [.char("y")], "y", bar: "y", "Copy", help: "copy the file's path to the clipboard (OSC 52)", .copy, priority: 0),
        KeyBinding(
            .fleet, [.function(4)], "F4", bar: "F4", "Mouse off", relabel: ("Mouse on", { !$0.mouseCapture }),
            help: "turn the mouse off, so the terminal's own selection copies text; again turns it back on", .toggleMouse, priority: 0),
        KeyBinding(.fleet, [.ctrl("q"), .function(10), .char("q")], "Ctrl-Q, F10, q", bar: "q", "Quit", help: "quit", .quit, priority: 3),
        KeyBinding(
            .fleetFilter, [.enter], "Enter", bar: "Enter", "Done", help: "keep the filter and go back to the list", .finishFleetFilter, priority: 3),
        KeyBinding(.fleetFilter, [.escape], "Esc", bar: "Esc", "Clear", help: "clear the filter", .clearFleetFilter, priority: 3),
        KeyBinding(.byCode, [.enter], "Enter", bar: "Enter", "Show files", help: "the list of the files with the code", .filterByCode, priority: 3),
        KeyBinding(.byCode, [.down], "Down", bar: "↑↓", "Select", help: "next code", .selectNext),
        KeyBinding(.byCode, [.up], "Up", help: "previous code", .selectPrevious),
        KeyBinding(
            .byCode, [.tab, .backTab, .escape], "Tab, Shift-Tab, Esc", bar: "Tab", "List", help: "back to the list", .switchPanel, priority: 2),
        KeyBinding(.byCode, [.char("y")], "y", bar: "y", "Copy", help: "copy the finding code to the clipboard (OSC 52)", .copy, priority: 0),
    ]

    /// The binding of `key` in `state`: the first of its contexts with a row that has the
    /// key and is bound now.
    static func binding(for key: Key, in contexts: [KeyBinding.Context], _ state: ConsoleState) -> KeyBinding? {
        binding(for: key, in: contexts) { $0.isBound(in: state) }
    }

    /// The binding of `key`: the first of `contexts` with a row that has the key and
    /// `isBound` (a screen of its own, as the fleet list, says which rows are its own now).
    static func binding(for key: Key, in contexts: [KeyBinding.Context], isBound: (KeyBinding) -> Bool) -> KeyBinding? {
        for context in contexts {
            if let found = bindings(in: context).first(where: { $0.keys.contains(key) && isBound($0) }) { return found }
        }
        return nil
    }

    /// A context's rows, in the table's order.
    static func bindings(in context: KeyBinding.Context) -> ArraySlice<KeyBinding> { all[byContext[context] ?? 0..<0] }

    /// "? or F1 opens help, q or Ctrl-Q quits": what a key that does nothing says, where
    /// no text is typed; from the rows, so it names the keys they bind.
    static let helpAndQuit: String = {
        func keys(_ action: Action) -> String {
            [KeyBinding.Context.browsing, .screens].compactMap { context in
                bindings(in: context).first { $0.action == action }?.names.split(separator: ",").first.map(String.init)
            }.joined(separator: " or ")
        }
        return "\(keys(.help)) opens help, \(keys(.quit)) quits"
    }()

    /// Looked up on every key: where each context's rows stand in `all`, found once. The
    /// table keeps a context's rows together (`KeyTableTests`), so they are a range of it
    /// and no row is copied (grouping copies of the rows, which are large, cost the first
    /// frame 0.1 M instructions and ten pages of memory).
    private static let byContext: [KeyBinding.Context: Range<Int>] = {
        var ranges: [KeyBinding.Context: Range<Int>] = [:]
        var start = 0
        for i in all.indices where i + 1 == all.count || all[i + 1].context != all[i].context {
            ranges[all[i].context] = start..<(i + 1)
            start = i + 1
        }
        return ranges
    }()

    /// The README's key table, generated from this one (a test keeps the README's copy
    /// the same): a heading row per context, a row per binding.
    static var markdown: String {
        var out = ["| keys | action |", "|---|---|"]
        for context in KeyBinding.Context.allCases {
            let rows = bindings(in: context)
            guard !rows.isEmpty else { continue }
            out.append("| **\(context.heading)** | |")
            out += rows.map { "| \($0.names) | \($0.help) |" }
        }
        return out.joined(separator: "\n")
    }

    /// F1's list of keys, generated from the table: a heading per context, a line per row.
    static var helpText: String {
        var out = ["Keys"]
        for context in KeyBinding.Context.allCases {
            let rows = bindings(in: context)
            guard !rows.isEmpty else { continue }
            out.append("")
            out.append(context.heading)
            out += rows.map { "- \($0.names): \($0.help)" }
        }
        return out.joined(separator: "\n")
    }
}
