import SettingsKit

/// A frame for a terminal whose locale has no UTF-8 (no C.UTF-8 on the system either):
/// the console's own symbols become ASCII look-alikes (`AsciiStandIns.cell`), and any other character that
/// cannot be shown becomes "?" (both halves of a wide one), so the layout stays whole.
public enum AsciiGlyphs {
    public static func glyph(_ text: String) -> String {
        if text.isASCII { return text }
        return AsciiStandIns.cell[text] ?? "?"
    }

    /// The frame with every cell in ASCII; the cursor stays where it was.
    static func frame(_ buffer: CellBuffer) -> CellBuffer {
        var out = buffer
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                let text = cell.isContinuation ? "?" : glyph(cell.text)
                if text != cell.text { out.replace(x, y, Cell(text: text, style: cell.style)) }
            }
        }
        return out
    }
}
