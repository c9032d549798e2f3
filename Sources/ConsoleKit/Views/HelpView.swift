import SettingsKit

/// F1: draws `HelpText` for the current screen, scrolled.
enum HelpView {
    static func draw(_ state: ConsoleState, scroll: Int, in body: Rect, into buffer: inout CellBuffer) {
        draw(title: state.screen.title, lines: { HelpText.lines(state, width: $0) }, scroll: scroll, in: body, into: &buffer)
    }

    /// Help on `title`: `lines` wrapped to the width `HelpText.maxScroll` counts them at.
    static func draw(title: String, lines: (Int) -> [String], scroll: Int, in body: Rect, into buffer: inout CellBuffer) {
        let all = lines(HelpText.textWidth(in: body))
        buffer.put("Help: " + title, x: body.x, y: body.y, style: .heading, limit: body.width)
        let viewport = body.height - 2
        guard viewport > 0 else { return }
        let window = ScrollWindow(total: all.count, viewport: viewport, offset: scroll)
        for line in window.shown {
            buffer.put(all[line], x: body.x, y: body.y + 2 + line - window.offset, limit: body.width - 1)
        }
        window.drawMarks(x: body.right - 1, top: body.y + 2, into: &buffer)
    }
}
