import SettingsKit

/// The dialogs: a box in the middle of the screen, drawn with Unicode box characters
/// (ncurses' ACS line drawing shows as "lqqk" in some captures).
enum DialogView {
    /// What a dialog says; its keys are its rows of `KeyTable`, shown as its choices.
    struct Dialog: Equatable {
        let title: String
        /// Paragraphs, most important first: a short screen drops the last ones.
        let lines: [String]
        /// What the dialog lists (changes, keys in conflict), each as lines wrapped to the
        /// width; `focus` is kept in view when they do not all fit, else they scroll by
        /// `scroll` lines.
        var items: [[String]] = []
        var focus: Int? = nil
        var scroll: Int = 0
        /// What a click on an item does.
        var itemTarget: ((Int) -> Target)? = nil
        let choices: [KeyBar.Entry]

        static func == (a: Dialog, b: Dialog) -> Bool {
            a.title == b.title && a.lines == b.lines && a.items == b.items && a.focus == b.focus && a.scroll == b.scroll
                && a.choices == b.choices
        }

        /// "y Save   n Discard   Esc Cancel", closer together when that does not fit.
        func choiceLine(width: Int) -> String {
            choiceLines(width: width).joined(separator: "  ")
        }

        /// The choices in lines of at most `width` columns, three spaces apart (two when
        /// that makes them fit on fewer lines).
        func choiceLines(width: Int) -> [String] {
            choiceLayout(width: width).map { line in
                var text = ""
                for (entry, column) in line {
                    text += String(repeating: " ", count: max(0, column - DisplayWidth.of(text))) + entry.key + " " + entry.action
                }
                return text
            }
        }

        /// Each line's choices with the column each starts at.
        func choiceLayout(width: Int) -> [[(entry: KeyBar.Entry, column: Int)]] {
            let total = choices.reduce(0) { $0 + $1.width } + max(0, choices.count - 1) * 3
            let gap = total <= width ? 3 : 2
            var lines: [[(entry: KeyBar.Entry, column: Int)]] = []
            var line: [(entry: KeyBar.Entry, column: Int)] = [], used = 0
            for entry in choices {
                if !line.isEmpty, used + gap + entry.width > width {
                    lines.append(line)
                    line = []
                    used = 0
                }
                let column = line.isEmpty ? 0 : used + gap
                line.append((entry, column))
                used = column + entry.width
            }
            if !line.isEmpty { lines.append(line) }
            return lines
        }
    }

    /// The dialog an overlay shows, if it is one. Names and values are masked (`mask`, the
    /// frame's) like everything else on screen: a file may be named after the secret.
    static func dialog(for state: ConsoleState, mask: SecretMask) -> Dialog? {
        let file = mask.masked(state.fileName)
        let choices = KeyBar.entries(for: state)
        let scroll = state.dialogScroll
        switch state.overlay {
        case .quitConfirm:
            return Dialog(
                title: "Unsaved changes", lines: ["Save these changes to \(file) before quitting?"],
                items: changeLines(state.pendingChanges, mask: mask), scroll: scroll, choices: choices)
        case .changes:
            return Dialog(
                title: "Unsaved changes", lines: ["Not saved to \(file) yet:"],
                items: changeLines(state.pendingChanges, mask: mask), scroll: scroll, choices: choices)
        case .conflict(let merge):
            switch merge.reason {
            case .unreadable(let why):
                return Dialog(
                    title: "Changed on disk",
                    lines: [
                        "\(file) was changed on disk and cannot be read now: \(mask.masked(why)).",
                        "Enter replaces it with yours; r reloads it (your edits dropped).",
                    ],
                    choices: choices)
            case .appeared(let why):
                return Dialog(
                    title: "Created on disk",
                    lines: [
                        mask.masked(why) + ". It is not yours: nothing of yours is merged into it or given to its owner.",
                        "Enter replaces it with yours (owned by you); r loads it instead (your edits dropped).",
                    ],
                    choices: choices)
            case .keysBothChanged:
                return Dialog(
                    title: "Changed on disk",
                    lines: [
                        "\(file) was saved elsewhere meanwhile. Their other changes are kept and yours applied; "
                            + "choose a side for each key you both changed:"
                    ],
                    items: conflictLines(merge, mask: mask), focus: merge.focus,
                    itemTarget: { .conflict($0) }, choices: choices)
            }
        case .restore(let recovered):
            var lines = [
                "Unsaved edits to \(file) were kept in \(mask.masked(recovered.fileName)) when the console was closed. Restoring them makes the changes below."
            ]
            if recovered.madeToNewFile, state.edit.base != nil {
                lines.append("\(file) was not on disk then: someone created it since. Restoring puts your edits (the secret too) into it.")
            } else if recovered.fileChanged(since: state.edit.base) {
                lines.append("\(file) was saved after that: saving the restored edits merges them with that save.")
            }
            return Dialog(
                title: "Recovered edits", lines: lines, items: changeLines(state.edit.recoveryChanges, mask: mask), scroll: scroll,
                choices: choices)
        case .live(let live):
            return LiveView.dialog(live, state, mask: mask, choices: choices)
        case .help, nil:
            return nil
        }
    }

    /// `key: old → new`, the secret only as changed (Change's own description), as much of
    /// each as its lines in the dialog can show.
    static func changeLines(_ changes: [Change], mask: SecretMask) -> [[String]] {
        let room = DialogLayout.maxWidth * DialogLayout.itemLines
        return changes.map { ["• " + TextWrap.truncate(mask.masked($0.description, columns: room), width: room)] }
    }

    /// Per key in conflict: the key and the side chosen, then the three values.
    static func conflictLines(_ merge: SaveConflicts, mask: SecretMask) -> [[String]] {
        let room = DialogLayout.maxWidth * DialogLayout.itemLines / 3
        func shown(_ value: JSONValue?, secret: Bool) -> String {
            guard let value else { return "(not set)" }
            return secret ? "(secret)" : TextWrap.truncate(mask.masked(JSONWriter.compact(value), columns: room), width: room)
        }
        return merge.conflicts.enumerated().map { i, conflict in
            let side =
                switch merge.choices[i] {
                case .theirs?: "→ theirs"
                case .yours?: "→ yours"
                case nil: "? choose t or y"
                }
            let secret = conflict.isSecret
            return [
                "\(i == merge.focus ? "▸" : " ") \(conflict.key)   \(side)",
                "    old \(shown(conflict.base, secret: secret))  theirs \(shown(conflict.theirs, secret: secret))"
                    + "  yours \(shown(conflict.yours, secret: secret))",
            ]
        }
    }

    /// How far the open dialog's list scrolls at the state's size (0: it all shows).
    static func maxScroll(_ state: ConsoleState) -> Int {
        guard let dialog = dialog(for: state, mask: state.mask) else { return 0 }
        return DialogLayout(dialog, screenWidth: state.width, screenHeight: state.height)?.maxScroll ?? 0
    }

    static func draw(_ dialog: Dialog, into buffer: inout CellBuffer) {
        guard let layout = DialogLayout(dialog, screenWidth: buffer.width, screenHeight: buffer.height) else { return }
        let (x, y, textWidth) = (layout.x, layout.y, layout.textWidth)
        box(x: x, y: y, width: layout.width, height: layout.height, title: dialog.title, into: &buffer)
        for (i, line) in layout.paragraphs.enumerated() {
            buffer.put(line, x: x + 2, y: y + 1 + i, style: .dialog, limit: textWidth)
        }
        let itemsTop = y + 1 + layout.paragraphs.count + 1
        for index in layout.window.shown {
            let row = itemsTop + index - layout.window.offset
            let item = layout.rows[index].item
            buffer.put(layout.rows[index].text, x: x + 2, y: row, style: item == dialog.focus ? .selected : .dialog, limit: textWidth)
            if let target = dialog.itemTarget { buffer.mark(Rect(x: x + 1, y: row, width: layout.width - 2, height: 1), target(item)) }
        }
        if let more = layout.more {
            buffer.put(more, x: x + 2, y: itemsTop + layout.window.viewport, style: .dim, limit: textWidth)
        }
        layout.window.drawMarks(x: x + layout.width - 2, top: itemsTop, into: &buffer)
        let choicesTop = y + layout.height - 1 - layout.choiceLines.count
        for (i, line) in layout.choiceLines.enumerated() {
            buffer.put(line, x: x + 2, y: choicesTop + i, style: .dialog, limit: textWidth)
        }
        markChoices(dialog, width: textWidth, x: x + 2, top: choicesTop, into: &buffer)
    }

    /// Each choice is a click target where its line shows it.
    static func markChoices(_ dialog: Dialog, width: Int, x: Int, top: Int, into buffer: inout CellBuffer) {
        for (row, line) in dialog.choiceLayout(width: width).enumerated() {
            for (entry, column) in line {
                guard let press = entry.press else { continue }
                buffer.mark(Rect(x: x + column, y: top + row, width: entry.width, height: 1), .key(press))
            }
        }
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
        // Clicks inside the box but on nothing do nothing (not the row underneath).
        buffer.mark(Rect(x: x, y: y, width: width, height: height), .inert)
    }
}
