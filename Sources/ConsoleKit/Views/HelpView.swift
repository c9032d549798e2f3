import SettingsKit

/// F1: the guide's steps for the current screen, from Resources/help/, scrollable.
public enum HelpView {
    /// The screen's step of the guide, then the console's keys (the same on every screen):
    /// a newcomer who presses F1 finds both.
    static func text(for screen: Screen) -> String {
        let step = BundledResources.help(for: screen.helpName)?.trimmingWhitespace ?? "No help is bundled for \(screen.title)."
        return step + "\n\n" + BundledResources.keysHelp
    }

    static func body(for state: ConsoleState) -> Rect {
        Layout(width: state.width, height: state.height).body
    }

    static func lines(_ state: ConsoleState, width: Int) -> [String] {
        reflow(text(for: state.screen).trimmingWhitespace, width: width)
    }

    /// Re-wraps the help file's paragraphs to the width at hand. The files are wrapped
    /// at about 78 columns; a line continues the paragraph above unless it is blank,
    /// starts a list item ("1. ", "- "), or is indented differently (a command line).
    static func reflow(_ text: String, width: Int) -> [String] {
        var paragraphs: [(marker: String, indent: Int, text: String)] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            let marker = listMarker(body)
            if body.isEmpty {
                paragraphs.append(("", 0, ""))
            } else if marker == nil, let last = paragraphs.last, !last.text.isEmpty,
                      indent == (last.marker.isEmpty ? last.indent : last.indent + last.marker.count) {
                paragraphs[paragraphs.count - 1].text += " " + body
            } else {
                paragraphs.append((marker ?? "", indent, String(body.dropFirst(marker?.count ?? 0))))
            }
        }
        var out: [String] = []
        for p in paragraphs {
            let lead = String(repeating: " ", count: p.indent) + p.marker
            let hang = String(repeating: " ", count: lead.count)
            let room = max(1, width - lead.count)
            for (i, line) in TextWrap.wrap(p.text, width: room).enumerated() {
                out.append((i == 0 ? lead : hang) + line)
            }
        }
        return out
    }

    /// "1. " or "- " at the start of a list item.
    static func listMarker(_ line: Substring) -> String? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return String(line.prefix(2)) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        return nil
    }

    /// The last scroll position that still fills the view: the reducer clamps to it.
    public static func maxScroll(_ state: ConsoleState) -> Int {
        let body = body(for: state)
        return ScrollWindow.maxOffset(total: lines(state, width: max(1, body.width - 1)).count, viewport: max(1, body.height - 2))
    }

    static func draw(_ state: ConsoleState, scroll: Int, in body: Rect, into buffer: inout CellBuffer) {
        buffer.put("Help: " + state.screen.title, x: body.x, y: body.y, style: .heading, limit: body.width)
        let all = lines(state, width: max(1, body.width - 1))
        let viewport = body.height - 2
        guard viewport > 0 else { return }
        let window = ScrollWindow(total: all.count, viewport: viewport, offset: scroll)
        for line in window.shown {
            buffer.put(all[line], x: body.x, y: body.y + 2 + line - window.offset, limit: body.width - 1)
        }
        window.drawMarks(x: body.right - 1, top: body.y + 2, into: &buffer)
    }
}
