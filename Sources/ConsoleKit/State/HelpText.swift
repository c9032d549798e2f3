import SettingsKit

/// F1's text as lines for a width: the guide's step for the screen, the keys (generated
/// from `KeyTable`), then what the console does on its own (Resources/help/keys.md). The
/// reducer asks it how far help scrolls; HelpView draws it.
enum HelpText {
    static func text(for screen: Screen) -> String {
        text(guide: BundledResources.help(for: screen.helpName) ?? "No help is bundled for \(screen.title).")
    }

    /// A guide's text (a screen's, the fleet list's), then the keys and what the console
    /// does on its own.
    static func text(guide: String) -> String {
        guide.trimmingWhitespace + "\n\n" + KeyTable.helpText + "\n\n" + BundledResources.keysHelp.trimmingWhitespace
    }

    /// The area help is drawn in at the state's terminal size.
    static func body(for state: ConsoleState) -> Rect {
        Layout(width: state.width, height: state.height).body
    }

    static func lines(_ state: ConsoleState, width: Int) -> [String] {
        reflow(text(for: state.screen).trimmingWhitespace, width: width)
    }

    /// The last scroll position that still fills the view.
    static func maxScroll(_ state: ConsoleState) -> Int {
        maxScroll(in: body(for: state)) { lines(state, width: $0) }
    }

    /// The width help's text is wrapped to in `body`: a column is kept for the scroll marks.
    static func textWidth(in body: Rect) -> Int { max(1, body.width - 1) }

    /// The last scroll position that still fills `body` with the lines `text` wraps to
    /// at a width (as HelpView draws them: at `textWidth`, below a title and a blank line).
    static func maxScroll(in body: Rect, _ text: (Int) -> [String]) -> Int {
        ScrollWindow.maxOffset(total: text(textWidth(in: body)).count, viewport: max(1, body.height - 2))
    }

    /// Where a scrolling key moves help's first line (kept in bounds by the caller).
    static func scroll(_ scroll: Int, after action: Action) -> Int {
        action.position(from: scroll, page: 10, end: Int.max / 2)
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
                indent == (last.marker.isEmpty ? last.indent : last.indent + last.marker.count)
            {
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
}
