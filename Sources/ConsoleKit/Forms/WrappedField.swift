/// The focused text value on several lines, when it is longer than its field but short
/// enough to show whole: a Redirect URI or a list of callback URLs is read more than
/// typed, and a field that scrolls sideways shows only one end of it. Characters are
/// broken where the line is full (URLs and scope lists have few spaces); the cursor has
/// its own cell, on a line of its own when the text fills the last one.
///
/// Longer values (a paste of a whole file) stay on one line scrolled sideways to the
/// cursor (FieldText.drawEditing): then the work per frame stays that of the field's
/// width, not the value's length.
struct WrappedField {
    let shown: FieldText.Shown
    /// The characters of each line.
    let lines: [Range<Int>]
    /// The cursor's line and column, while the value is edited.
    let cursor: (line: Int, column: Int)?

    /// Nil when the value fits on one line (drawn as ever) or needs more than `maxLines`.
    init?(_ characters: [Character], cursor: Int?, masking: FieldText.Masking, width: Int, maxLines: Int) {
        // Every character but a zero-width one takes a column: past this it cannot fit.
        guard width > 1, maxLines > 1, characters.count <= 2 * maxLines * width else { return nil }
        let shown = FieldText.Shown(characters, range: 0..<characters.count, masking: masking)
        var lines: [Range<Int>] = []
        var start = 0, used = 0
        var at: (line: Int, column: Int)?
        for i in 0..<characters.count {
            let w = shown.width(i)
            if used + w > width {
                lines.append(start..<i)
                if lines.count >= maxLines { return nil }
                start = i
                used = 0
            }
            if i == cursor { at = (lines.count, used) }
            used += w
        }
        lines.append(start..<characters.count)
        if cursor == characters.count {
            if used >= width {
                lines.append(characters.count..<characters.count)
                at = (lines.count - 1, 0)
            } else {
                at = (lines.count - 1, used)
            }
        }
        guard lines.count > 1, lines.count <= maxLines else { return nil }
        self.shown = shown
        self.lines = lines
        self.cursor = at
    }

    /// Whether a character drawn is part of the secret, masked: the status line says why.
    var masksSecret: Bool { shown.masksSecret(from: 0, columns: .max) }

    /// Draws line `line` at `x`, `y`, `width` columns wide.
    func draw(line: Int, x: Int, y: Int, width: Int, style: Style, into buffer: inout CellBuffer) {
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        buffer.put(characters: shown.characters(lines[line]), x: x, y: y, style: style, limit: width)
    }
}
