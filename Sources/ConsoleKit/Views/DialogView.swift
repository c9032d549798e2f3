import SettingsKit

/// The dialogs: a box in the middle of the screen, drawn with Unicode box characters
/// (ncurses' ACS line drawing shows as "lqqk" in some captures).
enum DialogView {
    /// What a dialog says; its keys are its rows of `KeyTable`, shown as its choices.
    struct Dialog: Equatable {
        let title: String
        /// Paragraphs, most important first: a short screen drops the last ones.
        let lines: [String]
        /// One-line entries under the paragraphs (changes, keys in conflict), cut to the
        /// width; `focus` is kept in view when they do not all fit.
        var items: [String] = []
        var focus: Int? = nil
        /// What a click on an item does.
        var itemTarget: ((Int) -> Target)? = nil
        let choices: [KeyBar.Entry]

        static func == (a: Dialog, b: Dialog) -> Bool {
            a.title == b.title && a.lines == b.lines && a.items == b.items && a.focus == b.focus && a.choices == b.choices
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
        switch state.overlay {
        case .quitConfirm:
            return Dialog(
                title: "Unsaved changes", lines: ["Save these changes to \(file) before quitting?"],
                items: changeLines(state, mask: mask), choices: choices)
        case .changes:
            return Dialog(
                title: "Unsaved changes", lines: ["Not saved to \(file) yet:"],
                items: changeLines(state, mask: mask), choices: choices)
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
            var lines = ["Unsaved edits to \(file) were kept in \(mask.masked(recovered.fileName)) when the console was closed."]
            if recovered.madeToNewFile, state.edit.base != nil {
                lines.append("\(file) was not on disk then: someone created it since. Restoring puts your edits (the secret too) into it.")
            } else if recovered.fileChanged(since: state.edit.base) {
                lines.append("\(file) was saved after that: saving the restored edits merges them with that save.")
            }
            return Dialog(title: "Recovered edits", lines: lines, choices: choices)
        case .live(let live):
            return LiveView.dialog(live, state, mask: mask, choices: choices)
        case .help, nil:
            return nil
        }
    }

    /// `key: old → new`, the secret only as changed (Change's own description).
    static func changeLines(_ state: ConsoleState, mask: SecretMask) -> [String] {
        state.pendingChanges.map { "• " + mask.masked($0.description) }
    }

    /// Two lines per key in conflict: the key and the side chosen, then the three values.
    static func conflictLines(_ merge: SaveConflicts, mask: SecretMask) -> [String] {
        func shown(_ value: JSONValue?, secret: Bool) -> String {
            guard let value else { return "(not set)" }
            return secret ? "(secret)" : mask.masked(JSONWriter.compact(value))
        }
        var out: [String] = []
        for (i, conflict) in merge.conflicts.enumerated() {
            let side =
                switch merge.choices[i] {
                case .theirs?: "→ theirs"
                case .yours?: "→ yours"
                case nil: "? choose t or y"
                }
            out.append("\(i == merge.focus ? "▸" : " ") \(conflict.key)   \(side)")
            let secret = conflict.isSecret
            out.append(
                "    old \(shown(conflict.base, secret: secret))  theirs \(shown(conflict.theirs, secret: secret))"
                    + "  yours \(shown(conflict.yours, secret: secret))")
        }
        return out
    }

    /// At most 64 columns wide (72 with items). On a short screen whole paragraphs give
    /// way, last first, then items scroll; the choices always stay (the key bar shows them too).
    static func draw(_ dialog: Dialog, into buffer: inout CellBuffer) {
        let widest = ([dialog.choiceLine(width: .max), dialog.title + "    "] + dialog.lines + dialog.items).map(DisplayWidth.of).max() ?? 0
        let inner = min(buffer.width - 4, dialog.items.isEmpty ? 64 : 72, widest + 2)
        guard inner > 4, buffer.height >= 5 else { return }
        let choiceLines = dialog.choiceLines(width: inner - 2)
        let room = buffer.height - 3 - choiceLines.count
        // The items are what the dialog asks about: the first ones keep their room, the
        // paragraphs get what is left.
        let perItem = dialog.itemTarget == nil ? 1 : 2
        let reserved = dialog.items.isEmpty ? 0 : min(dialog.items.count, 2 * perItem) + 1
        let textRoom = max(1, room - reserved)
        var text: [String] = []
        for (i, line) in dialog.lines.enumerated() {
            let paragraph = (i > 0 ? [""] : []) + TextWrap.wrap(line, width: inner - 2)
            guard text.count + paragraph.count <= textRoom else {
                if text.isEmpty { text = Array(paragraph.prefix(textRoom)) }
                break
            }
            text += paragraph
        }
        // Items: two lines a conflict (focus counts conflicts), one a change.
        let itemRoom = max(0, room - text.count - (dialog.items.isEmpty ? 0 : 1))
        var shownItems: [(line: String, index: Int)] = []
        if !dialog.items.isEmpty, itemRoom > 0 {
            let all = dialog.items.enumerated().map { (line: $0.element, index: $0.offset / perItem) }
            var first = 0
            if let focus = dialog.focus { first = max(0, min((focus + 1) * perItem - itemRoom, all.count - itemRoom)) }
            var window = Array(all.dropFirst(first).prefix(itemRoom))
            if all.count - first > itemRoom, dialog.focus == nil {
                // A list of changes that does not fit says how many more there are.
                window = Array(window.prefix(itemRoom - 1)) + [(line: "… and \(all.count - itemRoom + 1) more", index: -1)]
            }
            shownItems = window
        }
        let height = text.count + (shownItems.isEmpty ? 0 : shownItems.count + 1) + choiceLines.count + 3
        let x = (buffer.width - inner - 2) / 2
        let y = max(0, (buffer.height - height) / 2)
        box(x: x, y: y, width: inner + 2, height: height, title: dialog.title, into: &buffer)
        for (i, line) in text.enumerated() {
            buffer.put(line, x: x + 2, y: y + 1 + i, style: .dialog, limit: inner - 2)
        }
        let itemsTop = y + 1 + text.count + 1
        for (i, item) in shownItems.enumerated() {
            let row = itemsTop + i
            buffer.put(TextWrap.truncate(item.line, width: inner - 2), x: x + 2, y: row, style: item.index == dialog.focus ? .selected : .dialog)
            if let target = dialog.itemTarget, item.index >= 0 { buffer.mark(Rect(x: x + 1, y: row, width: inner, height: 1), target(item.index)) }
        }
        let choicesTop = y + height - 1 - choiceLines.count
        for (i, line) in choiceLines.enumerated() {
            buffer.put(line, x: x + 2, y: choicesTop + i, style: .dialog, limit: inner - 2)
        }
        markChoices(dialog, width: inner - 2, x: x + 2, top: choicesTop, into: &buffer)
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
