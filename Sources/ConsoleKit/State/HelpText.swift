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

    /// The last scroll position that still fills `body` with the lines `text` wraps to
    /// at a width (as HelpView draws them: a column kept for the scroll marks, a title
    /// and a blank line above).
    static func maxScroll(in body: Rect, _ text: (Int) -> [String]) -> Int {
        ScrollWindow.maxOffset(total: text(max(1, body.width - 1)).count, viewport: max(1, body.height - 2))
    }

    /// Where help is scrolled to after `action` (a line, a page of ten, the top, else the
    /// end), before it is held within the text.
    static func scroll(_ scroll: Int, after action: Action) -> Int {
        switch action {
        case .scrollDown: scroll + 1
        case .scrollUp: scroll - 1
        case .pageDown: scroll + 10
        case .pageUp: scroll - 10
        case .scrollTop: 0
        default: Int.max / 2
        }
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
