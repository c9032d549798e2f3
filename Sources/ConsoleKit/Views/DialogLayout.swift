/// Where a dialog's parts go on a screen of a given size: as wide as its text needs, up
/// to `maxWidth` columns and the screen's width; paragraphs first, then the items (each
/// wrapped, never cut short of `itemLines` lines), then the choices. On a short screen
/// whole paragraphs give way, last first, then the items scroll: to keep the focused
/// one in view (a key in conflict), or as far as the operator scrolled (the changes).
/// The reducer asks it how far a list scrolls; DialogView draws it.
struct DialogLayout {
    /// About as wide as a line is still read at a glance: `key: old → new` of two URLs.
    static let maxWidth = 100
    /// The most lines one item wraps onto; a longer one ends in "…".
    static let itemLines = 6

    let x: Int, y: Int, width: Int, height: Int
    /// The text's width inside the box.
    var textWidth: Int { width - 4 }
    let paragraphs: [String]
    /// Every item's lines as wrapped, with the item each belongs to.
    let rows: [(text: String, item: Int)]
    /// The part of `rows` shown, and the rows it has.
    let window: ScrollWindow
    /// A line under the items saying what is scrolled out (an unfocused list that does
    /// not fit); nil when everything shows.
    let more: String?
    let choiceLines: [String]

    /// Nil when the screen has no room for a box.
    init?(_ dialog: DialogView.Dialog, screenWidth: Int, screenHeight: Int) {
        let choicesWidth = dialog.choiceLine(width: .max)
        let itemWidth = dialog.items.joined().map(DisplayWidth.of).max() ?? 0
        let widest = ([choicesWidth, dialog.title + "    "] + dialog.lines).map(DisplayWidth.of).max() ?? 0
        let inner = min(screenWidth - 4, Self.maxWidth - 2, max(widest, itemWidth) + 2)
        guard inner > 4, screenHeight >= 5 else { return nil }
        let textWidth = inner - 2
        choiceLines = dialog.choiceLines(width: textWidth)
        var rows: [(text: String, item: Int)] = []
        for (i, item) in dialog.items.enumerated() {
            for line in item { rows += Self.wrapped(line, width: textWidth).map { ($0, i) } }
        }
        self.rows = rows
        let room = screenHeight - 3 - choiceLines.count
        // The items are what the dialog asks about: the first ones keep their room, the
        // paragraphs get what is left.
        let reserved = rows.isEmpty ? 0 : min(rows.count, 4) + 1
        let textRoom = max(1, room - reserved)
        var text: [String] = []
        for (i, line) in dialog.lines.enumerated() {
            let paragraph = (i > 0 ? [""] : []) + TextWrap.wrap(line, width: textWidth)
            guard text.count + paragraph.count <= textRoom else {
                if text.isEmpty { text = Array(paragraph.prefix(textRoom)) }
                break
            }
            text += paragraph
        }
        paragraphs = text
        let itemRoom = max(0, room - text.count - (rows.isEmpty ? 0 : 1))
        if let focus = dialog.focus {
            let focused = rows.indices.filter { rows[$0].item == focus }
            window = ScrollWindow(total: rows.count, viewport: itemRoom, keeping: (focused.first ?? 0)..<((focused.last ?? 0) + 1))
            more = nil
        } else if rows.count > itemRoom, itemRoom > 1 {
            // The last row says what is scrolled out, and how to see it.
            window = ScrollWindow(total: rows.count, viewport: itemRoom - 1, offset: dialog.scroll)
            let below = rows.count - window.shown.upperBound
            more = below > 0 ? "… \(below) more \(below == 1 ? "line" : "lines") below: ↓ PgDn" : "… \(window.offset) above: ↑ PgUp"
        } else {
            window = ScrollWindow(total: rows.count, viewport: itemRoom, offset: 0)
            more = nil
        }
        let shownRows = window.shown.isEmpty ? 0 : window.shown.count + (more == nil ? 0 : 1) + 1
        height = paragraphs.count + shownRows + choiceLines.count + 3
        width = inner + 2
        x = (screenWidth - width) / 2
        y = max(0, (screenHeight - height) / 2)
    }

    /// How far an unfocused list scrolls at most.
    var maxScroll: Int { ScrollWindow.maxOffset(total: rows.count, viewport: window.viewport) }

    /// A line of an item wrapped to `width`, the lines after its first indented under its
    /// text (past its bullet or its own indent); at most `itemLines` of them, the last
    /// cut with "…" when the value goes on.
    static func wrapped(_ line: String, width: Int) -> [String] {
        // A line that fits keeps its spacing (wrapping joins words with one space).
        if DisplayWidth.of(line) <= width { return [line] }
        let first = TextWrap.wrap(line, width: width)
        guard first.count > 1 else { return first }
        let hang = String(repeating: " ", count: min(width / 2, line.prefix { $0 == " " }.count + 2))
        var out = [first[0]] + TextWrap.wrap(hang + first[1...].joined(separator: " "), width: width)
        if out.count > itemLines {
            out = Array(out.prefix(itemLines - 1)) + [TextWrap.truncate(out[(itemLines - 1)...].joined(separator: " "), width: width)]
        }
        return out
    }
}
