import SettingsKit

/// The dialog of a save that found the file changed on disk. What changed on one side only
/// is merged without asking; these are the keys both sides changed to different values,
/// each with its choice (theirs or yours) once the operator makes it. Nothing is written
/// until every key has one.
public struct MergeDialog: Equatable, Sendable {
    public let conflicts: [MergeConflict]
    /// Indexed like `conflicts`; nil: not decided yet.
    public internal(set) var choices: [MergeChoice?]
    /// The focused conflict (↑↓, or a click).
    public internal(set) var focus = 0
    /// Why there is nothing to merge key by key: the file on disk can no longer be read,
    /// so the only choices are to replace it with yours or to reload.
    public let unreadable: String?

    public init(conflicts: [MergeConflict], unreadable: String? = nil) {
        self.conflicts = conflicts
        self.choices = Array(repeating: nil, count: conflicts.count)
        self.unreadable = unreadable
    }

    public var allDecided: Bool { !choices.contains(nil) }

    /// The answers for the store's merge.
    public var mergeChoices: MergeChoices {
        var out = MergeChoices(forAll: unreadable != nil ? .yours : nil)
        for (conflict, choice) in zip(conflicts, choices) { if let choice { out.choose(choice, for: conflict) } }
        return out
    }

    mutating func choose(_ choice: MergeChoice, all: Bool) {
        if all {
            choices = choices.map { _ in choice }
        } else if choices.indices.contains(focus) {
            choices[focus] = choice
            // On to the next undecided key, as a form moves on after Enter.
            if let next = choices.indices.first(where: { $0 > focus && choices[$0] == nil }) { focus = next }
        }
    }

    mutating func move(by step: Int) {
        guard !conflicts.isEmpty else { return }
        focus = max(0, min(conflicts.count - 1, focus + step))
    }
}
