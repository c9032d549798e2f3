/// The dialogs: a box in the middle of the screen, drawn with Unicode box characters
/// (ncurses' ACS line drawing shows as "lqqk" in some captures).
enum DialogView {
    /// What a dialog says; its keys are the reducer's (ConsoleState+Keys).
    struct Dialog: Equatable {
        let title: String
        /// Paragraphs, most important first: a short screen drops the last ones.
        let lines: [String]
        let choices: [String]

        /// "y Save   n Discard   Esc Cancel", closer together when that does not fit.
        func choiceLine(width: Int) -> String {
            let wide = choices.joined(separator: "   ")
            return DisplayWidth.of(wide) <= width ? wide : choices.joined(separator: "  ")
        }
    }

    /// The dialog an overlay shows, if it is one. Names are masked (`mask`, the frame's)
    /// like everything else on screen: a file may be named after the secret.
    static func dialog(for state: ConsoleState, mask: SecretMask) -> Dialog? {
        let file = mask.masked(state.fileName)
        switch state.overlay {
        case .quitConfirm:
            return Dialog(title: "Unsaved changes", lines: ["Save changes to \(file) before quitting?"],
                          choices: ["y Save", "n Discard", "Esc Cancel"])
        case .conflict:
            return Dialog(title: "Changed on disk",
                          lines: ["\(file) was changed on disk since you opened it: someone else saved it.",
                                  "Reload shows the file as it is now and drops your edits. Overwrite replaces their change with yours."],
                          choices: ["r Reload", "o Overwrite", "Esc Cancel"])
        case .restore(let offer):
            var lines = ["Unsaved edits to \(file) were kept in \(mask.masked(offer.fileName)) when the console was closed."]
            if offer.fileChangedSince { lines.append("\(file) was saved after that: restoring the edits and saving replaces that save.") }
            return Dialog(title: "Recovered edits", lines: lines, choices: ["r Restore", "d Discard", "Esc Later"])
        case .help, nil:
            return nil
        }
    }

    /// At most 64 columns wide. On a short screen whole paragraphs give way, last first,
    /// and the choices always stay (the key bar shows them too).
    static func draw(_ dialog: Dialog, into buffer: inout CellBuffer) {
        let widest = ([dialog.choiceLine(width: .max), dialog.title + "    "] + dialog.lines).map(DisplayWidth.of).max() ?? 0
        let inner = min(buffer.width - 4, 64, widest + 2)
        guard inner > 4, buffer.height >= 5 else { return }
        let room = buffer.height - 4
        var text: [String] = []
        for (i, line) in dialog.lines.enumerated() {
            let paragraph = (i > 0 ? [""] : []) + TextWrap.wrap(line, width: inner - 2)
            guard text.count + paragraph.count <= room else {
                if text.isEmpty { text = Array(paragraph.prefix(room)) }
                break
            }
            text += paragraph
        }
        let height = text.count + 4
        let x = (buffer.width - inner - 2) / 2
        let y = max(0, (buffer.height - height) / 2)
        box(x: x, y: y, width: inner + 2, height: height, title: dialog.title, into: &buffer)
        for (i, line) in text.enumerated() {
            buffer.put(line, x: x + 2, y: y + 1 + i, style: .dialog, limit: inner - 2)
        }
        buffer.put(dialog.choiceLine(width: inner - 2), x: x + 2, y: y + height - 2, style: .dialog, limit: inner - 2)
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
