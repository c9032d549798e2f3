import SettingsKit

/// Moving between screens and rows.
extension ConsoleState {
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

    /// Review's Enter: the finding's screen, focused on the exact item that fixes it.
    public mutating func jump(to finding: Finding) {
        let target = FindingTarget(finding)
        go(to: target.screen, focus: target.row)
    }
}
