import SettingsKit

/// Moving between screens and rows.
extension ConsoleState {
    /// Changes screen, confirming the text being edited first.
    public mutating func go(to target: Screen, focus index: Int = 0) {
        commitEditor()
        if target != screen || index != focus { revealSecret = false }
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
        focus = ((focus + step) % count + count) % count
        openEditor()
    }

    /// Review's Enter: the finding's screen, focused on the row of its field.
    public mutating func jump(to finding: Finding) {
        let target = Screen(finding.step)
        go(to: target, focus: Forms.index(of: finding.field, on: target) ?? 0)
    }
}
