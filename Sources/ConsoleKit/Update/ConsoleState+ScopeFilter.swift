import SettingsKit

/// The scope checklist's `/` filter: `/` on a scope starts typing it, Enter keeps it and
/// goes back to the list, Esc clears it. While it is typed, the text field's keys edit it
/// and the rest (save, quit, help, screens) work as ever. Leaving the screen clears it
/// (`go`). The keys are KeyTable's rows; this is what they do.
extension ConsoleState {
    /// Whether keys are typing the filter now.
    var isTypingScopeFilter: Bool { screen == .step(.permissions) && scopeFilter?.isEditing == true }

    /// Whether row `index` of this screen is drawn and can take focus.
    func isShown(_ index: Int) -> Bool {
        guard screen == .step(.permissions), let scopeFilter else { return true }
        let items = self.items
        return items.indices.contains(index) ? scopeFilter.shows(items[index]) : true
    }

    /// The next row `step` rows away that is shown, wrapping around.
    func nextShownRow(from index: Int, by step: Int) -> Int {
        let count = focusCount
        guard count > 0 else { return 0 }
        var row = index
        for _ in 0..<count {
            row = ((row + step) % count + count) % count
            if isShown(row) { return row }
        }
        return index
    }

    mutating func startScopeFilter() {
        var filter = scopeFilter ?? ScopeFilter(focusBefore: focus)
        filter.isEditing = true
        scopeFilter = filter
    }

    /// Enter (Tab, an arrow): the filter stays, keys go back to the list (focus stays on
    /// the first match).
    mutating func finishScopeFilter() {
        scopeFilter?.isEditing = false
    }

    /// Enter while the filter is typed: as `finishScopeFilter`; but a filter no scope
    /// matches is let go, and focus goes back to where it was before it.
    mutating func enterScopeFilter() {
        guard let filter = scopeFilter, filter.isEditing else { return }
        let matches = items.indices.contains { if case .scope = items[$0] { return isShown($0) } else { return false } }
        guard matches || filter.text.isEmpty else {
            scopeFilter = nil
            focusRow(filter.focusBefore)
            status = StatusMessage("No scope matches \"\(filter.text)\": showing every scope again")
            return
        }
        finishScopeFilter()
    }

    mutating func clearScopeFilter() {
        scopeFilter = nil
        status = StatusMessage("Showing every scope")
    }

    /// A text field's editing action, on the filter's text.
    mutating func editScopeFilter(_ action: Action) {
        guard var filter = scopeFilter, filter.editor.perform(action) else { return }
        scopeFilter = filter
        focusFirstMatch()
    }

    /// A character or a paste typed while the filter is.
    mutating func typeIntoScopeFilter(_ key: Key) {
        guard var filter = scopeFilter else { return }
        switch key {
        case .char(let c): filter.editor.insert(String(c))
        case .paste(let text): filter.editor.insert(Self.pasted(text))
        default: return
        }
        scopeFilter = filter
        focusFirstMatch()
    }

    private mutating func focusFirstMatch() {
        if !isShown(focus) { focusRow(nextShownRow(from: -1, by: 1)) }
    }

    /// Moves focus to `row`, confirming the text being edited on the way.
    mutating func focusRow(_ row: Int) {
        guard row != focus else { return }
        commitEditor()
        revealSecret = false
        focus = row
        openEditor()
    }
}
