import SettingsKit

/// The scope checklist's `/` filter: `/` on a scope starts typing it, Enter keeps it and
/// goes back to the list, Esc clears it. Leaving the screen clears it too (`go`).
extension ConsoleState {
    /// Whether row `index` of this screen is drawn and can take focus.
    public func isShown(_ index: Int) -> Bool {
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

    /// Whether the key was the filter's. While the filter is typed, text keys edit it and
    /// the rest (save, quit, help, screens) work as ever.
    mutating func handleScopeFilter(_ key: Key) -> Bool {
        guard screen == .step(.permissions) else { return false }
        if var filter = scopeFilter, filter.isEditing {
            switch key {
            case .escape:
                clearScopeFilter()
                return true
            case .enter, .tab, .down, .backTab, .up:
                filter.isEditing = false
                scopeFilter = filter
                // Enter stays on the first match; the others move on from it.
                return key == .enter
            case .paste(let text):
                filter.editor.insert(Self.pasted(text))
            default:
                guard filter.editor.apply(key) else { return false }
            }
            scopeFilter = filter
            if !isShown(focus) { focusRow(nextShownRow(from: -1, by: 1)) }
            return true
        }
        switch key {
        case .char("/"):
            guard case .scope? = focusedItem else { return false }
            var filter = scopeFilter ?? ScopeFilter()
            filter.isEditing = true
            scopeFilter = filter
            return true
        case .escape:
            // Esc undoes a Custom scopes edit first; with nothing to undo, it clears.
            guard scopeFilter != nil, editor?.isChanged != true else { return false }
            clearScopeFilter()
            return true
        default:
            return false
        }
    }

    mutating func clearScopeFilter() {
        scopeFilter = nil
        status = StatusMessage("Showing every scope")
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
