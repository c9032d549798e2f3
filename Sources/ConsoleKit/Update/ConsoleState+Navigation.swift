import SettingsKit

/// Moving between screens and rows.
extension ConsoleState {
    /// Changes screen, confirming the text being edited first.
    mutating func go(to target: Screen, focus index: Int = 0) {
        commitEditor()
        if target != screen || index != focus { revealSecret = false }
        scopeFilter = nil
        screen = target
        focus = max(0, min(index, focusCount - 1))
        openEditor()
    }

    /// How many rows take focus on this screen.
    var focusCount: Int { screen == .review ? reviewFindings.count : items.count }

    /// Tab and the arrows (also while the scope filter is typed: that ends typing it).
    mutating func moveFocus(by step: Int) {
        finishScopeFilter()
        let count = focusCount
        guard count > 0 else { return }
        commitEditor()
        revealSecret = false
        focus = nextShownRow(from: focus, by: step)
        openEditor()
    }

    /// Enter: the next row the walkthrough asks, else the first such row of the screens
    /// after this one (Review after the last step), never back to this screen's first.
    /// A development instance on shared credentials passes over what only production
    /// needs (`Verdict.walks`); the status line names what was passed over (PgDn and Tab
    /// still reach it).
    mutating func advance() {
        finishScopeFilter()
        commitEditor()
        let settings = self.settings
        var passed: [String] = []
        let rows = items
        for row in rows.indices where row > focus && isShown(row) {
            if Verdict.walks(rows[row].key, in: settings) {
                focusRow(row)
                sayPassed(passed, rows: true)
                return
            }
            passed.append(rows[row].label)
        }
        passed = []
        var target = screen.next
        while target != .review, target != screen {
            if let row = Forms.items(for: target).firstIndex(where: { Verdict.walks($0.key, in: settings) }) {
                go(to: target, focus: row)
                sayPassed(passed, rows: false)
                return
            }
            passed.append(target.title)
            target = target.next
        }
        go(to: target)
        sayPassed(passed, rows: false)
    }

    private mutating func sayPassed(_ passed: [String], rows: Bool) {
        guard !passed.isEmpty else { return }
        let them = passed.count == 1 ? "it" : "them"
        status = StatusMessage(
            "Passed over \(passed.joined(separator: ", ")): a development instance on shared credentials does not use \(them) "
                + "(\(rows ? "Tab" : "PgDn") reaches \(them))")
    }

    /// Review's Enter: the finding's screen, focused on the exact item that fixes it.
    mutating func jump(to finding: Finding) {
        let target = FindingTarget(finding)
        go(to: target.screen, focus: target.row)
    }
}
