import SettingsKit

/// A save that stopped before writing, and the operator's answers so far: the save flow's
/// cursor, which the console shows as a dialog and plain mode asks line by line. What
/// changed on one side only was merged without asking; these are the keys both sides
/// changed to different values, each with its side once chosen. Or there is nothing to
/// merge key by key (`reason`): the file on disk can no longer be read, or it appeared
/// although it was opened as a new file; then the only choices are to replace it with
/// yours or to load it. Nothing is written until every key has a side.
struct SaveConflicts: Equatable, Sendable {
    enum Reason: Equatable, Sendable {
        /// Keys both sides changed: a side for each.
        case keysBothChanged
        /// The file on disk can no longer be read (why, in the store's words).
        case unreadable(String)
        /// The file was new when it was opened and someone has created it since: it is
        /// theirs, never merged into.
        case appeared(String)
    }

    let reason: Reason
    let conflicts: [MergeConflict]
    /// Indexed like `conflicts`; nil: not decided yet.
    var choices: [MergeChoice?]
    /// The conflict being decided (↑↓ or a click in the console, the question asked in
    /// plain mode).
    var focus = 0

    init(conflicts: [MergeConflict]) {
        self.reason = .keysBothChanged
        self.conflicts = conflicts
        self.choices = Array(repeating: nil, count: conflicts.count)
    }

    /// Nothing to merge key by key: replace the file or load it.
    init(_ reason: Reason) {
        self.reason = reason
        self.conflicts = []
        self.choices = []
    }

    var allDecided: Bool { !choices.contains(nil) }

    /// Whether the only choice is between replacing the file on disk and loading it.
    var replacesWholeFile: Bool { reason != .keysBothChanged }

    /// The answers for the store's merge.
    var mergeChoices: MergeChoices {
        var out = MergeChoices(forAll: replacesWholeFile ? .yours : nil)
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
