import SettingsKit

/// The Permissions checklist's `/` filter: only the scopes whose name, product or
/// description holds the typed text (in any letter case) are shown. Custom scopes always
/// is, so Tab still reaches it. Rows keep their indices; hidden ones are skipped.
struct ScopeFilter: Equatable, Sendable {
    /// The typed text, edited with the same keys as a field.
    var editor = LineEditor("")
    /// Keys go to the filter text until Enter (or Tab, an arrow) ends typing it.
    var isEditing = true

    var text: String { editor.text }

    func shows(_ item: FormItem) -> Bool {
        guard case .scope(let scope) = item else { return true }
        let needle = text.lowercased()
        guard !needle.isEmpty else { return true }
        return scope.name.lowercased().contains(needle) || scope.product.lowercased().contains(needle)
            || scope.description.lowercased().contains(needle)
    }
}
