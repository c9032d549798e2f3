import SettingsKit

/// The focused row: typing and editing text, toggles, choices, the row's action, and
/// Review's Enter.
extension ConsoleState {
    mutating func performOnRow(_ action: Action) {
        if action == .goToFinding {
            let findings = reviewFindings
            if findings.indices.contains(focus) { jump(to: findings[focus]) }
            return
        }
        if isTypingScopeFilter {
            editScopeFilter(action)
            return
        }
        guard let item = focusedItem else { return }
        if item.isTextEntry {
            editText(action, item: item)
            return
        }
        switch action {
        case .toggle:
            guard allowsEditing() else { return }
            update { FormValues.toggle(item, in: &$0) }
        case .choosePrevious, .chooseNext:
            guard allowsEditing() else { return }
            update { FormValues.choose(item, step: action == .choosePrevious ? -1 : 1, in: &$0) }
        case .fillIn:
            useRedirectURI()
        default:
            break
        }
    }

    /// A key no binding takes: a character or a paste is typed into the scope filter or a
    /// text field, a letter on a choice picks the value it begins; in read-only, editing
    /// keys say why nothing happens; where no text is typed, any other key says which
    /// keys help and quit.
    mutating func typed(_ key: Key) {
        if isTypingScopeFilter {
            typeIntoScopeFilter(key)
            return
        }
        let item = screen == .review ? nil : focusedItem
        let replaces = replacesHiddenSecret
        switch key {
        case .char(let c) where item?.isTextEntry == true && editor != nil:
            editing { replaces ? $0.replaceAll(with: String(c)) : $0.insert(String(c)) }
        case .paste(let text) where item?.isTextEntry == true && editor != nil:
            editing { replaces ? $0.replaceAll(with: Self.pasted(text)) : $0.insert(Self.pasted(text)) }
        case .char(let c) where item?.isChoice == true:
            if allowsEditing(), let item { chooseByTyping(c, on: item) }
        case .backspace, .delete:
            if item != nil { _ = allowsEditing() }
        case .char where item?.isTextEntry == true, .paste where readOnly:
            _ = allowsEditing()
        case .char, .ctrl, .function, .paste:
            if editor == nil { status = StatusMessage("\(key.shownName) does nothing here; \(KeyTable.helpAndQuit)", isError: true) }
        default:
            break
        }
    }

    /// A letter on a choice: the value it begins, with the letters typed before it there
    /// (`shar`), as `set` and plain mode read a choice (`Field.choice(named:)`).
    mutating func chooseByTyping(_ c: Character, on item: FormItem) {
        guard case .choice(let key, _, _, _) = item, let field = Fields.field(key) else { return }
        for typed in [choicePrefix + String(c), String(c)] {
            if case .success(let value) = field.choice(named: typed) {
                choicePrefix = typed
                update { $0.setText(key, value) }
                return
            }
        }
        let names = field.choices.map(\.name).joined(separator: ", ")
        status = StatusMessage("No choice starts with \(Key.char(c).shownName) (\(names)); \(KeyTable.helpAndQuit)", isError: true)
    }

    /// Whether editing is on; in read-only mode the status line says why nothing happens.
    mutating func allowsEditing() -> Bool {
        if readOnly { status = StatusMessage(Self.readOnlyNotice, isError: true) }
        return !readOnly
    }

    mutating func editText(_ action: Action, item: FormItem) {
        guard let editor else {
            // Read-only: no editor. Editing explains why; Enter still moves on.
            switch action {
            case .confirm: advance()
            case .reveal, .deleteBackward, .deleteForward, .deleteToStart, .deleteToEnd, .deleteWord, .deleteAlphanumericWord:
                _ = allowsEditing()
            default: break
            }
            return
        }
        switch action {
        case .reveal:
            // Also a field the secret was pasted into by mistake: it is drawn masked too.
            if item.isSecret || revealSecret || mask.holdsSecret(editor.characters[...]) { revealSecret.toggle() }
        case .confirm: advance()
        case .deleteBackward, .deleteForward, .deleteToStart, .deleteToEnd, .deleteWord, .deleteAlphanumericWord:
            let clears = replacesHiddenSecret
            editing { if clears { $0.replaceAll(with: "") } else { _ = $0.perform(action) } }
        default: editing { _ = $0.perform(action) }
        }
    }

    /// The secret's field holds a value it shows only as the mask: the first key typed or
    /// pasted replaces that value whole, and a key that deletes clears it, rather than
    /// editing what cannot be seen (a rotated secret pasted after the old one made
    /// `old+new`, masked like a good one). Esc brings the old value back; shown in clear
    /// (Ctrl-R), the value is edited as any other.
    var replacesHiddenSecret: Bool {
        guard let editor, focusedItem?.isSecret == true, !revealSecret else { return false }
        return !editor.isChanged && !editor.original.isEmpty
    }

    /// Changes the editor in place. The local copy must be the only one: editing a long
    /// text would otherwise copy all of it on every key.
    mutating func editing(_ change: (inout LineEditor) -> Void) {
        guard var editor else { return }
        self.editor = nil
        change(&editor)
        self.editor = editor
    }

    /// Pasted text loses its trailing line break (a copied secret often has one); any line
    /// break left inside becomes a space, since every field is one line.
    static func pasted(_ text: String) -> String {
        // Trimmed by Unicode scalars: line breaks are made of CR and LF only and always
        // stand alone as characters. Dropping them a Character at a time took time squared
        // in their number (a paste of 64K line breaks froze the console for seconds).
        let scalars = text.unicodeScalars
        var end = scalars.endIndex
        while end > scalars.startIndex, ["\n", "\r"].contains(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        return String(text[..<end].map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
    }

    mutating func useRedirectURI() {
        guard allowsEditing() else { return }
        guard let uri = settings.filled("instance.redirectUri") else {
            status = StatusMessage("Fill in the Redirect URI on the Instance screen first", isError: true)
            return
        }
        let fill = RedirectURIFill(uri, into: settings.list(FormItem.callbackKey) ?? [])
        if fill.urls != settings.list(FormItem.callbackKey) { update { $0.setList(FormItem.callbackKey, fill.urls) } }
        status = StatusMessage(fill.message)
    }
}
