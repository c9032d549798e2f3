import SettingsKit

/// Clicks and the wheel, already hit-tested against the frame on screen.
extension ConsoleState {
    mutating func clicked(_ target: Target) -> Effect? {
        switch target {
        case .inert, .fleet:
            return nil
        case .key(let key):
            // The key bar's and the dialogs' choices: a click is that key.
            return handle(key)
        case .conflict(let index):
            guard let conflicts = edit.conflicts else { return nil }
            edit.conflicts?.move(by: index - conflicts.focus)
        case .screen(let target):
            guard overlay == nil else { return nil }
            status = nil
            if target != screen { go(to: target) }
        case .row(let index):
            guard overlay == nil, (0..<focusCount).contains(index) else { return nil }
            status = nil
            let again = index == focus
            if !again { moveFocus(by: index - focus) }
            // A click on a checkbox or a choice also toggles it, on the action runs it;
            // on Review a second click on the finding goes to its fix.
            switch rowContext {
            case .checkbox?, .choice?: performOnRow(.toggle)
            case .button?: performOnRow(.fillIn)
            case .review? where again: performOnRow(.goToFinding)
            default: break
            }
        }
        return nil
    }

    /// The wheel moves through lists a row at a time (the view keeps the focus in sight)
    /// and scrolls help by three lines.
    mutating func scrolled(by lines: Int) -> Effect? {
        switch overlay {
        case .help(let scroll):
            panel = .help(scroll: max(0, min(scroll + 3 * lines, HelpText.maxScroll(self))))
        case .conflict:
            edit.conflicts?.move(by: lines)
        case .quitConfirm, .changes, .restore, .live:
            scrollDialog(by: 3 * lines)
        case nil:
            // Without wrapping around, unlike Tab: the wheel stops at the ends.
            let target = max(0, min(focusCount - 1, focus + lines))
            if target != focus { moveFocus(by: target - focus) }
        }
        return nil
    }
}
