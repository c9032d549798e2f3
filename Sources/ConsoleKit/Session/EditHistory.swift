import SettingsKit

/// The confirmed edits, for undo and redo: each one is the settings before and after it,
/// and the row it was made on, so undo can show the operator what came back. Edits are
/// whole settings (copy-on-write, so the parts an edit did not touch are shared), which
/// keeps undo exact whatever the edit was: a typed value, a scope ticked, a list filled in.
public struct EditHistory: Equatable, Sendable {
    public struct Edit: Equatable, Sendable {
        public let before: Settings
        public let after: Settings
        public let place: Place
    }

    /// Where an edit was made: the screen, and the row that had focus.
    public struct Place: Equatable, Sendable {
        public let screen: Screen
        public let focus: Int
    }

    /// An operator makes dozens of edits in a session, not thousands; past this the
    /// oldest are forgotten, so a long session's memory stays bounded.
    public static let limit = 200

    public private(set) var undoable: [Edit] = []
    public private(set) var redoable: [Edit] = []

    public init() {}

    public var canUndo: Bool { !undoable.isEmpty }
    public var canRedo: Bool { !redoable.isEmpty }

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
