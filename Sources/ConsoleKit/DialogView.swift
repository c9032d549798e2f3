/// The quit dialog: a box in the middle of the screen, drawn with Unicode box
/// characters (ncurses' ACS line drawing shows as "lqqk" in some captures).
enum DialogView {
    static func drawQuit(_ state: ConsoleState, into buffer: inout CellBuffer) {
        let question = "Save changes to \(SecretMask(state).masked(state.fileName)) before quitting?"
        let choices = "y Save   n Discard   Esc Cancel"
        let inner = min(buffer.width - 4, max(DisplayWidth.of(choices), DisplayWidth.of(question)) + 2)
        guard inner > 4, buffer.height >= 6 else { return }
        let questionLines = TextWrap.wrap(question, width: inner - 2)
        let height = questionLines.count + 4
        let x = (buffer.width - inner - 2) / 2
        let y = max(0, (buffer.height - height) / 2)
        box(x: x, y: y, width: inner + 2, height: height, title: "Unsaved changes", into: &buffer)
        for (i, line) in questionLines.enumerated() {
            buffer.put(line, x: x + 2, y: y + 1 + i, style: .dialog)
        }
        buffer.put(choices, x: x + 2, y: y + height - 2, style: .dialog, limit: inner - 2)
    }

    static func box(x: Int, y: Int, width: Int, height: Int, title: String, into buffer: inout CellBuffer) {
        buffer.fill(x: x, y: y, width: width, height: height, style: .dialog)
        buffer.put("┌" + String(repeating: "─", count: width - 2) + "┐", x: x, y: y, style: .dialog)
        for row in y + 1..<y + height - 1 {
            buffer.put("│", x: x, y: row, style: .dialog)
            buffer.put("│", x: x + width - 1, y: row, style: .dialog)
        }
        buffer.put("└" + String(repeating: "─", count: width - 2) + "┘", x: x, y: y + height - 1, style: .dialog)
        buffer.put(" " + title + " ", x: x + 2, y: y, style: .dialog, limit: width - 4)
    }
}
