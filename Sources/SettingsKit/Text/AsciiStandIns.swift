/// The one table of the program's own glyphs and what stands for each where the locale is
/// not UTF-8: in text output (`text`: "→" reads "->") and in the console's cells (`cell`:
/// one cell each, since the layout was measured in cells, so "→" is ">").
public enum AsciiStandIns {
    /// Glyph, its stand-in in text, its stand-in in one cell.
    static let rows: [(glyph: Unicode.Scalar, text: String, cell: String)] = [
        ("✓", "v", "v"), ("✗", "x", "x"), ("→", "->", ">"), ("•", "*", "*"), ("…", "...", "~"), ("·", "-", "-"),
        ("›", ">", ">"), ("▸", ">", ">"), ("●", "*", "*"), ("◦", "o", "o"), ("▲", "^", "^"), ("▼", "v", "v"),
        ("↑", "^", "^"), ("↓", "v", "v"), ("│", "|", "|"), ("─", "-", "-"), ("┌", "+", "+"), ("┐", "+", "+"),
        ("└", "+", "+"), ("┘", "+", "+"), ("█", "#", "#"), ("░", ".", "."),
    ]

    /// For text output: commands and plain mode.
    public static let text: [Unicode.Scalar: String] = Dictionary(uniqueKeysWithValues: rows.map { ($0.glyph, $0.text) })

    /// For a cell of the console's screen, by the cell's text.
    public static let cell: [String: String] = Dictionary(uniqueKeysWithValues: rows.map { (String($0.glyph), $0.cell) })
}
