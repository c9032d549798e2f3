import SettingsKit

/// The status line: the reducer's message, else (with no dialog open) a hint for the
/// focused row: why a field shows bullets or the secret in clear, or the fix of its
/// finding. Wrapped over as many lines as it needs (up to a few), masked.
enum StatusLine {
    /// The text and its style. `fix`: the focused row's (`FindingPlacement.fix`);
    /// `showsSecret`: the focused field, not the secret's, shows part of the secret masked
    /// (the frame knows once it is drawn).
    static func text(_ state: ConsoleState, fix: String?, showsSecret: Bool) -> (String, Style)? {
        if let status = state.status { return (status.text, status.isError ? .blocker : .complete) }
        guard state.overlay == nil else { return nil }
        if state.revealSecret, state.focusedItem?.isSecret == false {
            return ("This field holds the Client Secret, shown until you leave it: ^R hides it", .info)
        }
        if showsSecret { return ("This field holds the Client Secret, so it is masked" + (state.readOnly ? "" : ": ^R shows it"), .info) }
        if let hint = secretHint(state) { return (hint + (fix.map { ". " + $0 } ?? ""), .info) }
        return fix.map { ($0, .info) }
    }

    /// What typing into the masked secret does (`ConsoleState.replacesHiddenSecret`).
    static func secretHint(_ state: ConsoleState) -> String? {
        guard let editor = state.editor, let item = state.focusedItem, item.isSecret, !state.revealSecret, !editor.original.isEmpty else {
            return nil
        }
        return editor.isChanged
            ? "Enter takes the new \(item.label); Esc keeps the old one"
            : "Typing or pasting replaces the \(item.label); Esc keeps the old one"
    }

    /// A status text wrapped to the width, masked where it holds the secret; past `max`
    /// lines the last one is cut, ending in "…". Only what can show is searched.
    static func lines(_ text: String, width: Int, max: Int, mask: SecretMask) -> [String] {
        let room = width - 2
        guard room > 0 else { return [] }
        let lines = TextWrap.wrap(mask.masked(text, columns: room * max), width: room)
        guard lines.count > max else { return lines }
        return Array(lines.prefix(max - 1)) + [TextWrap.truncate(lines[(max - 1)...].joined(separator: " "), width: room)]
    }
}
