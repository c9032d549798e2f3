import SettingsKit

/// The reducer: one key in, the new state plus at most one effect out. Keys are SPEC's
/// table; Ctrl-R (reveal the secret), Ctrl-L (repaint), Ctrl-Z (suspend) and Ctrl-C
/// (leave at once, saving nothing) are extra.
extension ConsoleState {
    public static let readOnlyNotice = "Read-only: opened with --read-only, editing and saving are off"

    public mutating func handle(_ key: Key) -> Effect? {
        // A sequence or Alt key the console has no use for changes nothing at all.
        if key == .resize || key.isIgnored { return nil }
        // Ctrl-C must always get out, whatever is open; it never writes the file.
        if key == .ctrl("c") { return .quit(130) }
        // Ctrl-L repaints and Ctrl-Z suspends, as in every full-screen terminal program
        // (raw mode turns the terminal's own Ctrl-Z off); neither changes anything.
        if key == .ctrl("l") { return .redraw }
        if key == .ctrl("z") { return .suspend }
        switch overlay {
        case .quitConfirm: return handleQuitDialog(key)
        case .conflict(let thenQuit): return handleConflictDialog(key, thenQuit: thenQuit)
        case .restore(let offer): return handleRestoreDialog(key, offer)
        case .help(let scroll): return handleHelp(key, scroll: scroll)
        case nil: break
        }
        if key != .escape { status = nil }
        if handleScopeFilter(key) { return nil }
        switch key {
        case .function(1):
            overlay = .help(scroll: 0)
        case .ctrl("s"), .function(2):
            return save()
        case .ctrl("q"), .function(10):
            return quit()
        case .ctrl("n"), .pageDown:
            go(to: screen.next)
        case .ctrl("p"), .pageUp:
            go(to: screen.previous)
        case .tab, .down:
            moveFocus(by: 1)
        case .backTab, .up:
            moveFocus(by: -1)
        case Self.undoKey:
            undo()
        case Self.redoKey:
            redo()
        default:
            handleFocused(key)
        }
        return nil
    }

    // MARK: Global keys

    mutating func save() -> Effect? {
        if readOnly {
            status = StatusMessage(Self.readOnlyNotice, isError: true)
            return nil
        }
        commitEditor()
        return .save(overwrite: false)
    }

    mutating func quit() -> Effect? {
        commitEditor()
        if readOnly || !isDirty { return .quit(0) }
        overlay = .quitConfirm
        return nil
    }

    mutating func handleQuitDialog(_ key: Key) -> Effect? {
        switch key {
        case .char("y"), .char("Y"): return .saveAndQuit(overwrite: false)
        case .char("n"), .char("N"): return .quit(0)
        case .escape, .char("c"), .char("C"): overlay = nil
        default: break
        }
        return nil
    }

    /// Someone else saved the file: take theirs (dropping the edits), replace it with
    /// ours, or go back to editing (a later save asks again).
    mutating func handleConflictDialog(_ key: Key, thenQuit: Bool) -> Effect? {
        switch key {
        case .char("r"), .char("R"):
            overlay = nil
            return .reload
        case .char("o"), .char("O"):
            overlay = thenQuit ? .quitConfirm : nil
            return thenQuit ? .saveAndQuit(overwrite: true) : .save(overwrite: true)
        case .escape, .char("c"), .char("C"):
            overlay = nil
            status = StatusMessage("Not saved: \(fileName) changed on disk; your edits are kept", isError: true)
        default: break
        }
        return nil
    }

    /// Edits kept by an earlier session: restore them as unsaved edits, drop them, or
    /// decide later (the file stays and is offered again next time).
    mutating func handleRestoreDialog(_ key: Key, _ offer: RecoveryOffer) -> Effect? {
        switch key {
        case .char("r"), .char("R"):
            overlay = nil
            update { $0 = offer.settings }
            restoredRecovery = true
            openEditor()
            status = StatusMessage("Restored the recovered edits: check them, then save (^S)")
        case .char("d"), .char("D"):
            overlay = nil
            status = StatusMessage("Discarded the recovered edits")
            return .discardRecovery
        case .escape, .char("l"), .char("L"):
            overlay = nil
            status = StatusMessage("The recovered edits stay in \(offer.fileName) for next time")
        default: break
        }
        return nil
    }

    mutating func handleHelp(_ key: Key, scroll: Int) -> Effect? {
        defer { if case .help(let s) = overlay { overlay = .help(scroll: min(s, HelpView.maxScroll(self))) } }
        switch key {
        case .escape, .function(1), .enter, .char("q"): overlay = nil
        case .down, .tab: overlay = .help(scroll: scroll + 1)
        case .up, .backTab: overlay = .help(scroll: max(0, scroll - 1))
        case .pageDown, .char(" "): overlay = .help(scroll: scroll + 10)
        case .pageUp: overlay = .help(scroll: max(0, scroll - 10))
        case .home: overlay = .help(scroll: 0)
        case .end: overlay = .help(scroll: Int.max / 2)
        case .ctrl("q"), .function(10): overlay = nil; return quit()
        case .ctrl("s"), .function(2): return save()
        default: break
        }
        return nil
    }

    /// Changes screen, confirming the text being edited first.
    public mutating func go(to target: Screen, focus index: Int = 0) {
        commitEditor()
        if target != screen || index != focus { revealSecret = false }
        scopeFilter = nil
        screen = target
        focus = max(0, min(index, focusCount - 1))
        openEditor()
    }

    /// How many rows take focus on this screen.
    public var focusCount: Int { screen == .review ? report.findings.count : items.count }

    mutating func moveFocus(by step: Int) {
        let count = focusCount
        guard count > 0 else { return }
        commitEditor()
        revealSecret = false
        focus = nextShownRow(from: focus, by: step)
        openEditor()
    }

    // MARK: The focused row

    mutating func handleFocused(_ key: Key) {
        if screen == .review {
            let findings = reviewFindings
            if key == .enter, findings.indices.contains(focus) { jump(to: findings[focus]) }
            return
        }
        guard let item = focusedItem else { return }
        if item.isTextEntry {
            editText(key, item: item)
            return
        }
        switch key {
        case .char(" "):
            guard editable() else { return }
            update { FormValues.toggle(item, in: &$0) }
        case .left, .right:
            guard case .choice = item, editable() else { return }
            update { FormValues.choose(item, step: key == .left ? -1 : 1, in: &$0) }
        case .enter:
            if item == .useRedirectURI { useRedirectURI() } else { moveFocus(by: 1) }
        case .char, .paste, .backspace, .delete:
            _ = editable()
        default:
            break
        }
    }

    /// In read-only mode says why nothing happens.
    mutating func editable() -> Bool {
        if readOnly { status = StatusMessage(Self.readOnlyNotice, isError: true) }
        return !readOnly
    }

    mutating func editText(_ key: Key, item: FormItem) {
        guard var editor else {
            // Read-only: no editor. Typing explains why; moving keys do nothing.
            switch key {
            case .char, .paste, .backspace, .delete, .ctrl("r"), .ctrl("u"), .ctrl("k"), .ctrl("w"), .alt: _ = editable()
            case .enter: moveFocus(by: 1)
            default: break
            }
            return
        }
        if key == .ctrl("r") {
            // Also a field the secret was pasted into by mistake: it is drawn masked too.
            if item.isSecret || revealSecret || SecretMask(self).holdsSecret(editor.characters[...]) { revealSecret.toggle() }
            return
        }
        // The local copy must be the only one: editing a long text would otherwise copy
        // all of it on every key.
        self.editor = nil
        switch key {
        case .paste(let text): editor.insert(Self.pasted(text))
        case .enter:
            self.editor = editor
            moveFocus(by: 1)
            return
        default: _ = editor.apply(key)
        }
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

    /// Review's Enter: the finding's screen, focused on the row of its field.
    public mutating func jump(to finding: Finding) {
        let target = FindingTarget(finding)
        go(to: target.screen, focus: target.row)
    }

    mutating func useRedirectURI() {
        guard editable() else { return }
        guard let uri = settings.filled("instance.redirectUri") else {
            status = StatusMessage("Fill in the Redirect URI on the Instance screen first", isError: true)
            return
        }
        let fill = RedirectURIFill(uri, into: settings.list(FormItem.callbackKey) ?? [])
        if fill.urls != settings.list(FormItem.callbackKey) { update { $0.setList(FormItem.callbackKey, fill.urls) } }
        status = StatusMessage(fill.message)
    }
}
