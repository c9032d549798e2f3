import SettingsKit

/// Undo and redo of confirmed edits. Ctrl-_ undoes, as in readline and Emacs (most
/// terminals send the same byte for Ctrl-/); Ctrl-Y redoes, as in most editors outside
/// the terminal. Ctrl-Z would be the familiar undo, but it suspends, as in every
/// terminal program. Ctrl-Y is readline's "yank", which the console has no use for: its
/// Ctrl-U, Ctrl-K and Ctrl-W delete, and undo brings back what they deleted.
/// (The keys are KeyTable's rows.)
extension ConsoleState {
    /// Whether undo has anything to take back: a confirmed edit, or the text being typed.
    var canUndo: Bool { edit.history.canUndo || (editor?.isChanged ?? false) }

    /// Takes back the last confirmed edit and focuses the row it was made on. Text typed
    /// but not yet confirmed is confirmed first, so undo takes it back and redo returns it.
    mutating func undo() { travel(back: true) }

    mutating func redo() { travel(back: false) }

    private mutating func travel(back: Bool) {
        guard allowsEditing() else { return }
        commitEditor()
        guard let edit = back ? self.edit.history.undo() : self.edit.history.redo() else {
            status = StatusMessage(back ? "Nothing to undo" : "Nothing to redo")
            return
        }
        self.edit.update(at: nil) { $0 = back ? edit.before : edit.after }
        show(edit)
        status = StatusMessage(back ? "Undid the change to \(label(of: edit)); ^Y redoes it" : "Redid the change to \(label(of: edit))")
    }

    /// Focuses the row the edit changed: its own row, or for an action (filling in the
    /// redirect URI) the row of the value the action changed.
    private mutating func show(_ edit: EditHistory.Edit) {
        go(to: edit.place.screen, focus: Self.changedRow(edit))
    }

    static func changedRow(_ edit: EditHistory.Edit) -> Int {
        let items = Forms.items(for: edit.place.screen)
        let focus = edit.place.focus
        guard items.indices.contains(focus), items[focus].key == nil else { return focus }
        return items.firstIndex { item in
            item.key.map { edit.before.value($0) != edit.after.value($0) } ?? false
        } ?? focus
    }

    /// What the status line names: the row's label (a scope's name), never a value.
    private func label(of edit: EditHistory.Edit) -> String {
        let items = Forms.items(for: edit.place.screen)
        let row = Self.changedRow(edit)
        return items.indices.contains(row) ? items[row].label : edit.place.screen.title
    }
}
