import SettingsKit

/// The Permissions checklist's `/` filter: only the scopes that every typed word matches
/// are shown, the words in any order and any letter case (`conf grp`). A word matches when
/// the scope's name, product or description holds it, or when its letters come in order
/// in the name (`grp` in read:confluence-groups). Custom scopes always shows, so Tab
/// still reaches it. Rows keep their indices; hidden ones are skipped.
struct ScopeFilter: Equatable, Sendable {
    /// The typed text, edited with the same keys as a field.
    var editor = LineEditor("")
    /// Keys go to the filter text until Enter (or Tab, an arrow) ends typing it.
    var isEditing = true
    /// The row focused when the filter was started: where Enter goes back to when no
    /// scope matches.
    var focusBefore = 0

    var text: String { editor.text }

    func shows(_ item: FormItem) -> Bool {
        guard case .scope(let scope) = item else { return true }
        let name = scope.name.lowercased(), product = scope.product.lowercased(), description = scope.description.lowercased()
        return text.lowercased().split(whereSeparator: \.isWhitespace).allSatisfy { word in
            name.contains(text: word) || product.contains(text: word) || description.contains(text: word) || Self.inOrder(word, in: name)
        }
    }

    /// Whether the characters of `word` occur in `text` in the same order.
    static func inOrder(_ word: Substring, in text: String) -> Bool {
        var rest = word[...]
        for c in text where c == rest.first {
            rest = rest.dropFirst()
            if rest.isEmpty { return true }
        }
        return rest.isEmpty
    }
}
