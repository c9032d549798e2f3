import SettingsKit

/// F1: draws `HelpText` for the current screen, scrolled.
public enum HelpView {
    static func draw(_ state: ConsoleState, scroll: Int, in body: Rect, into buffer: inout CellBuffer) {
        buffer.put("Help: " + state.screen.title, x: body.x, y: body.y, style: .heading, limit: body.width)
        let all = HelpText.lines(state, width: max(1, body.width - 1))
        let viewport = body.height - 2
        guard viewport > 0 else { return }
        let first = max(0, min(scroll, all.count - viewport))
        for (i, line) in all.dropFirst(first).prefix(viewport).enumerated() {
            buffer.put(line, x: body.x, y: body.y + 2 + i, limit: body.width - 1)
        }
        if first > 0 { buffer.put("▲", x: body.right - 1, y: body.y + 2, style: .dim) }
        if all.count - first > viewport { buffer.put("▼", x: body.right - 1, y: body.bottom - 1, style: .dim) }
    }
}
