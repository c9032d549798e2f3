import SettingsKit

/// The whole screen as cells in memory. Screens draw into it; the ncurses backend copies
/// only the cells that changed since the last frame; tests read it back as text.
public struct CellBuffer: Equatable, Sendable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    /// Where the terminal cursor goes (a text field being edited), or nil to hide it.
    var cursor: Point?
    /// What the mouse can click, in drawing order: what was drawn last is on top.
    private(set) var targets: [TargetArea] = []

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes `text` from column x, clipped at `limit` columns (and the right edge).
    /// Control characters are drawn as "?" so a stray escape in a value cannot reach the
    /// terminal. Returns the column after the last one written.
    @discardableResult
    mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        if let next = putPlainASCII(text.utf8, x: x, y: y, style: style, limit: limit) { return next }
        return put(characters: text, x: x, y: y, style: style, limit: limit)
    }

    /// `put` for text whose drawn part is printable ASCII (most of what is drawn): a cell
    /// per byte, without the grapheme and width work of `put(characters:)`, which gives
    /// the same cells for it. Nil (nothing written) when a byte it would draw, or the one
    /// after them (a combining mark would join the last), is anything else.
    private mutating func putPlainASCII(
        _ utf8: some Collection<UInt8>, x: Int, y: Int, style: Style, limit: Int?
    ) -> Int? {
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        let drawn = max(0, end - x)
        guard utf8.prefix(drawn + 1).isPrintableASCII else { return nil }
        guard y >= 0, y < height else { return x }
        var col = x
        for byte in utf8.prefix(drawn) {
            if col >= 0 { set(col, y, Cell(text: Self.asciiText[Int(byte) - 0x20], style: style)) }
            col += 1
        }
        return col
    }

    /// Each printable ASCII character as a one-character String, from " " (0x20).
    private static let asciiText: [String] = (0x20..<0x7F).map { String(UnicodeScalar(UInt8($0))) }

    /// `put` for any sequence of characters, e.g. part of an array a field is edited in.
    /// Reads the sequence only as far as it draws, so a lazy one is never read to its end.
    @discardableResult
    mutating func put(characters text: some Sequence<Character>, x: Int, y: Int, style: Style = .normal, limit: Int? = nil) -> Int {
        guard y >= 0, y < height else { return x }
        let end = min(width, limit.map { x + max(0, $0) } ?? width)
        var col = x
        for character in text {
            var shown = String(character)
            var w = DisplayWidth.of(character)
            if let v = character.unicodeScalars.first?.value, v < 0x20 || (v >= 0x7F && v < 0xA0) { shown = "?"; w = 1 }
            if w == 0 {
                // A bidi control (U+202E and kin) would reorder the row in a terminal that
                // lays out right-to-left text: a value could pass for another. Dropped.
                if character.unicodeScalars.contains(where: \.isBidiControlCharacter) { continue }
                // A lone combining mark: attach it to the cell before, or drop it.
                if col > x, col - 1 < width, col - 1 >= 0 {
                    var lead = col - 1
                    if cells[y * width + lead].isContinuation, lead > 0 { lead -= 1 }
                    cells[y * width + lead].text += shown
                }
                continue
            }
            if col + w > end {
                if w == 2 && col < end && col >= 0 { set(col, y, Cell(text: " ", style: style)) }
                break
            }
            if col >= 0 {
                set(col, y, Cell(text: shown, style: style))
                if w == 2 { set(col + 1, y, Cell(text: "", style: style)) }
            }
            col += w
        }
        return col
    }

    /// Records that `rect` shows `target`, for the mouse.
    mutating func mark(_ rect: Rect, _ target: Target) {
        targets.append(TargetArea(rect: rect, target: target))
    }

    /// What a click at (x, y) hits: the topmost target there.
    func target(atX x: Int, y: Int) -> Target? {
        targets.last { x >= $0.rect.x && x < $0.rect.right && y >= $0.rect.y && y < $0.rect.bottom }?.target
    }

    /// Blanks a rectangle in one style (a background for a bar or a dialog).
    mutating func fill(x: Int, y: Int, width w: Int, height h: Int, style: Style = .normal) {
        for row in max(0, y)..<max(max(0, y), min(height, y + h)) {
            for col in max(0, x)..<max(max(0, x), min(width, x + w)) {
                set(col, row, Cell(text: " ", style: style))
            }
        }
    }

    /// Sets one cell as it is, with no repair of wide characters around it (a whole
    /// frame converted cell by cell, as `AsciiGlyphs` does).
    mutating func replace(_ x: Int, _ y: Int, _ cell: Cell) {
        cells[y * width + x] = cell
    }

    /// Sets one cell, repairing a wide character that the write cuts in half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let i = y * width + x
        if cells[i].isContinuation, !cell.isContinuation, x > 0 {
            cells[i - 1] = Cell(text: " ", style: cells[i - 1].style)
        }
        if x + 1 < width, cells[i + 1].isContinuation, !cells[i].isContinuation, DisplayWidth.of(cells[i].text) == 2 {
            if DisplayWidth.of(cell.text) != 2 { cells[i + 1] = Cell(text: " ", style: cells[i + 1].style) }
        }
        cells[i] = cell
    }

    /// The rows as text, trailing blanks trimmed: what the snapshot files hold.
    var text: String {
        rows.joined(separator: "\n")
    }

    var rows: [String] {
        (0..<height).map { row in
            var line = ""
            for col in 0..<width where !cells[row * width + col].isContinuation {
                line += cells[row * width + col].text
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Positions whose cell differs from `old`; every position when the sizes differ.
    func changedPositions(since old: CellBuffer?) -> [Point] {
        guard let old, old.width == width, old.height == height else {
            return (0..<height).flatMap { row in (0..<width).map { Point(x: $0, y: row) } }
        }
        var out: [Point] = []
        // Run on every frame over every cell: read both arrays in place.
        cells.withUnsafeBufferPointer { new in
            old.cells.withUnsafeBufferPointer { shown in
                for i in 0..<new.count where new[i] != shown[i] { out.append(Point(x: i % width, y: i / width)) }
            }
        }
        return out
    }
}
