import SettingsKit

/// `y` (where no text is typed) and Ctrl-O (in a text field): the focused value to the
/// terminal's clipboard, by OSC 52, which works over ssh and in tmux (with set-clipboard
/// on). The redirect URI is what an operator pastes into Atlassian's Callback URL: on
/// Authorization's action row `y` copies it. Never the secret, nor anything holding part
/// of it, nor text that would act on a terminal or a shell it is pasted into.
extension ConsoleState {
    /// More than this is not sent: terminals cap what OSC 52 may carry (some at 100 KB of
    /// its Base64), and no setting is this long.
    static let copyLimit = 32 * 1024

    mutating func copy() -> Effect? {
        let (effect, message) = copyRequest.outcome
        status = message
        return effect
    }

    enum CopyRequest: Equatable {
        /// The text, and how the status line names it.
        case copy(name: String, text: String)
        case refused(String)

        /// The effect that copies (nil: refused) and what the status line says either way
        /// (the fleet list's too).
        var outcome: (effect: Effect?, status: StatusMessage) {
            switch self {
            case .copy(let name, let text):
                return (
                    .copyToClipboard(text),
                    StatusMessage("Copied \(name) to the clipboard (by OSC 52: the terminal must allow it; in tmux, set-clipboard on)")
                )
            case .refused(let why):
                return (nil, StatusMessage(why, isError: true))
            }
        }
    }

    /// What `copy` would send, or why nothing.
    var copyRequest: CopyRequest {
        func refuse(_ why: String) -> CopyRequest { .refused(why) }
        let name: String, text: String
        if screen == .review {
            let findings = reviewFindings
            guard findings.indices.contains(focus) else { return refuse("Nothing to copy here") }
            name = "the finding"
            text = findings[focus].message + " Fix: " + findings[focus].fix
        } else {
            guard let item = focusedItem else { return refuse("Nothing to copy here") }
            if item.isSecret { return refuse("The \(item.label) is never copied") }
            name = item == .useRedirectURI ? "the redirect URI" : item.label
            text = copiedValue(of: item)
        }
        if text.isEmpty { return refuse("Nothing to copy: \(name) is empty") }
        // The mask's search (any run of the secret) and the whole of any secret, however short.
        if mask.holdsSecret(Array(text)[...]) || edit.secrets.contains(where: { text.containsBytes(of: $0) }) {
            return refuse("Not copied: \(name) holds the Client Secret")
        }
        return Self.copyRequest(name: name, text: text)
    }

    /// `text` as it may go to the clipboard (the fleet list's paths too), or why not: no
    /// text that would act on a terminal or a shell it is pasted into, none too long.
    static func copyRequest(name: String, text: String) -> CopyRequest {
        if PlainText.holdsControl(text) { return .refused("Not copied: \(name) holds control characters") }
        if text.utf8.count > copyLimit { return .refused("Not copied: \(name) is longer than \(copyLimit / 1024) KiB") }
        return .copy(name: name, text: text)
    }

    /// The value of a row as the file has it (a choice's stored value, a scope's name),
    /// or the text being typed.
    func copiedValue(of item: FormItem) -> String {
        if let editor, item.isTextEntry { return editor.text }
        switch item {
        case .text, .list, .customScopes: return FormValues.text(of: item, in: settings)
        case .toggle(let key, _): return settings.flag(key).map { $0 ? "true" : "false" } ?? ""
        case .choice(let key, _, _, _): return FormValues.choice(key, in: settings) ?? ""
        case .scope(let scope): return scope.name
        case .useRedirectURI: return settings.filled("instance.redirectUri") ?? ""
        }
    }
}
