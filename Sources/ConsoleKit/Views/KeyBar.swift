/// The key legend for whatever has focus. When the bar is too narrow, the least
/// important entries go first: moving around before save / quit / help, and those
/// before the keys of the focused row.
public enum KeyBar {
    public struct Entry: Equatable, Sendable {
        public let key: String
        public let action: String
        /// Higher stays longer on a narrow bar.
        let priority: Int
        init(_ key: String, _ action: String, _ priority: Int) { self.key = key; self.action = action; self.priority = priority }
        var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(action) }
    }

    /// `focusShowsSecret`: the focused field, not the secret's, shows part of the secret
    /// masked (the renderer knows once it has drawn it).
    public static func entries(for state: ConsoleState, focusShowsSecret: Bool = false) -> [Entry] {
        switch state.overlay {
        case .quitConfirm:
            return [Entry("y", "Save", 3), Entry("n", "Discard", 3), Entry("Esc", "Cancel", 3)]
        case .conflict:
            return [Entry("r", "Reload", 3), Entry("o", "Overwrite", 3), Entry("Esc", "Cancel", 3)]
        case .restore:
            return [Entry("r", "Restore", 3), Entry("d", "Discard", 3), Entry("Esc", "Later", 3)]
        case .help:
            return [Entry("↑↓", "Scroll", 3), Entry("PgUp/PgDn", "Page", 1), Entry("Esc", "Close help", 3), Entry("^Q", "Quit", 2)]
        case nil:
            break
        }
        var out: [Entry] = []
        if state.screen == .review {
            if !state.report.findings.isEmpty { out.append(Entry("Enter", "Go to fix", 3)) }
            out.append(Entry("↑↓", "Select", 1))
        } else if state.scopeFilter?.isEditing == true {
            out += [Entry("Enter", "Done", 3), Entry("Esc", "Clear filter", 3)]
        } else if let item = state.focusedItem {
            out += focusEntries(item, readOnly: state.readOnly)
            if case .scope = item { out.append(Entry("/", "Filter", 2)) }
            if state.scopeFilter != nil, state.editor?.isChanged != true { out.append(Entry("Esc", "Clear filter", 2)) }
            // Another field that holds the secret is masked too, and reveals the same way.
            if !state.readOnly, !item.isSecret, focusShowsSecret || state.revealSecret { out.append(Entry("^R", "Reveal", 3)) }
        }
        // Shown once there is a confirmed edit to take back or bring back (Esc is the key
        // for the text being typed, and the bar stays put while it is typed); on a narrow
        // bar they give way before saving and quitting (F1 lists them).
        if !state.readOnly {
            if state.history.canUndo { out.append(Entry("^_", "Undo", 1)) }
            if state.history.canRedo { out.append(Entry("^Y", "Redo", 1)) }
        }
        if state.screen != .review, state.focusedItem != nil { out.append(Entry("Tab", "Next", 1)) }
        out.append(Entry("PgUp/PgDn", "Screen", 1))
        if !state.readOnly { out.append(Entry("^S", "Save", 2)) }
        // Quit stays on the narrowest bar: Esc is never the only way out.
        out.append(Entry("^Q", "Quit", 3))
        out.append(Entry("F1", "Help", 2))
        return out
    }

    static func focusEntries(_ item: FormItem, readOnly: Bool) -> [Entry] {
        if readOnly { return [] }
        switch item {
        case .text(_, _, true): return [Entry("Enter", "OK", 3), Entry("Esc", "Cancel", 2), Entry("^R", "Reveal", 3)]
        case .text, .list, .customScopes: return [Entry("Enter", "OK", 3), Entry("Esc", "Cancel", 2)]
        case .toggle, .scope: return [Entry("Space", "Toggle", 3)]
        case .choice: return [Entry("Space", "Switch", 3)]
        case .useRedirectURI: return [Entry("Enter", "Fill in", 3)]
        }
    }

    /// The entries that fit in `width` columns, dropping the least important first.
    static func fitting(_ entries: [Entry], width: Int) -> [Entry] {
        var kept = entries
        func total(_ list: [Entry]) -> Int { list.reduce(0) { $0 + $1.width } + max(0, list.count - 1) * 2 }
        while total(kept) > width, let lowest = kept.map(\.priority).min(),
              let i = kept.lastIndex(where: { $0.priority == lowest }) {
            kept.remove(at: i)
        }
        return kept
    }

    static func draw(_ entries: [Entry], into buffer: inout CellBuffer, row: Int) {
        buffer.fill(x: 0, y: row, width: buffer.width, height: 1, style: .keyBar)
        var x = 0
        for entry in fitting(entries, width: buffer.width) {
            x = buffer.put(entry.key, x: x, y: row, style: .keyName)
            x = buffer.put(" " + entry.action, x: x, y: row, style: .keyBar) + 2
        }
    }
}
