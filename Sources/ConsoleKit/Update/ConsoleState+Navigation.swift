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

    /// Review's Enter: the finding's screen, focused on the exact item that fixes it.
    mutating func jump(to finding: Finding) {
        let target = FindingTarget(finding)
        go(to: target.screen, focus: target.row)
    }
}
