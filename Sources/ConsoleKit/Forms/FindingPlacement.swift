import SettingsKit

/// Where a screen shows its findings: under the row that fixes each (`FindingTarget`),
/// most severe first, and above the rows the blockers of the screen's step that are fixed
/// on another screen. Worked out once a frame: the rows' messages and the status line's
/// fix both read it.
struct FindingPlacement {
    var byRow: [Int: [Finding]] = [:]
    var elsewhere: [(Finding, FindingTarget)] = []

    init(_ state: ConsoleState) {
        guard state.screen != .review else { return }
        for finding in state.report.findings {
            let target = FindingTarget(finding)
            if target.screen == state.screen {
                byRow[target.row, default: []].append(finding)
            } else if finding.step == state.screen.step, finding.severity == .blocker {
                elsewhere.append((finding, target))
            }
        }
        // The report lists findings by step first; a row shows its worst first.
        for (row, findings) in byRow {
            byRow[row] = findings.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
        }
    }

    /// The fix of the focused row's most severe finding, for the status line: what to do next.
    func fix(_ state: ConsoleState) -> String? {
        guard state.focusedItem != nil, let finding = byRow[state.focus]?.first else { return nil }
        return "fix: " + finding.fix
    }
}
