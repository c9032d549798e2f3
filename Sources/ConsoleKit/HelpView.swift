import SettingsKit

/// F1: the guide's steps for the current screen, from Resources/help/, scrollable.
public enum HelpView {
    static func text(for screen: Screen) -> String {
        BundledResources.text(screen.helpName) ?? "No help is bundled for \(screen.title)."
    }

    static func body(for state: ConsoleState) -> Rect {
        Layout(width: state.width, height: state.height).body
    }

    static func lines(_ state: ConsoleState, width: Int) -> [String] {
        TextWrap.wrapLines(text(for: state.screen).trimmingWhitespace, width: width)
    }

    /// The last scroll position that still fills the view: the reducer clamps to it.
    public static func maxScroll(_ state: ConsoleState) -> Int {
        let body = body(for: state)
        return max(0, lines(state, width: max(1, body.width - 1)).count - max(1, body.height - 2))
    }

    static func draw(_ state: ConsoleState, scroll: Int, in body: Rect, into buffer: inout CellBuffer) {
        buffer.put("Help: " + state.screen.title, x: body.x, y: body.y, style: .heading, limit: body.width)
        let all = lines(state, width: max(1, body.width - 1))
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
