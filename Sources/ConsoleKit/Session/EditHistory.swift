import SettingsKit

/// The confirmed edits, for undo and redo: each one is the settings before and after it,
/// and the row it was made on, so undo can show the operator what came back. Edits are
/// whole settings (copy-on-write, so the parts an edit did not touch are shared), which
/// keeps undo exact whatever the edit was: a typed value, a scope ticked, a list filled in.
struct EditHistory: Equatable, Sendable {
    struct Edit: Equatable, Sendable {
        let before: Settings
        let after: Settings
        let place: Place
    }

    /// Where an edit was made: the screen, and the row that had focus.
    struct Place: Equatable, Sendable {
        let screen: Screen
        let focus: Int
    }

    /// An operator makes dozens of edits in a session, not thousands; past this the
    /// oldest are forgotten, so a long session's memory stays bounded.
    static let limit = 200

    private(set) var undoable: [Edit] = []
    private(set) var redoable: [Edit] = []

    init() {}

    var canUndo: Bool { !undoable.isEmpty }
    var canRedo: Bool { !redoable.isEmpty }

    /// A new edit: what was undone before it can no longer be redone.
    mutating func record(_ edit: Edit) {
        undoable.append(edit)
        if undoable.count > Self.limit { undoable.removeFirst(undoable.count - Self.limit) }
        redoable.removeAll()
    }

    mutating func undo() -> Edit? {
        guard let edit = undoable.popLast() else { return nil }
        redoable.append(edit)
        return edit
    }

    mutating func redo() -> Edit? {
        guard let edit = redoable.popLast() else { return nil }
        undoable.append(edit)
        return edit
    }

    /// The settings were replaced from outside (a reload): no edit applies to them.
    mutating func clear() {
        undoable.removeAll()
        redoable.removeAll()
    }
}
