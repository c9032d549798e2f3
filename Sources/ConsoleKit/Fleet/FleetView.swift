import SettingsKit

/// Draws the fleet list: the title with the fleet's totals, the column headings, the rows
/// in view (only those: a frame costs the same at 10 files and at 100,000), the status
/// line and the key bar; or the by-code panel, or help, in the rows' place.
enum FleetView {
    static func render(_ state: FleetState) -> CellBuffer {
        var buffer = CellBuffer(width: state.width, height: state.height)
        let layout = FleetLayout(width: state.width, height: state.height)
        guard !layout.isTooSmall else {
            Renderer.drawTooSmall(rows: buffer.height, into: &buffer)
            return buffer
        }
        drawTitle(state, row: layout.titleRow, into: &buffer)
        if let scroll = state.help {
            let body = layout.body
            HelpView.draw(title: "Fleet", lines: FleetState.helpLines, scroll: scroll, in: body, into: &buffer)
        } else if state.area == .byCode {
            ByCodeView.draw(state, layout: layout, into: &buffer)
        } else {
            drawList(state, layout: layout, into: &buffer)
        }
        drawStatus(state, row: layout.statusRow, into: &buffer)
        KeyBar.draw(keyBar(state), into: &buffer, row: layout.keyBarRow)
        return buffer
    }

    /// The keys of the list, the panel or the filter, from the one key table.
    static func keyBar(_ state: FleetState) -> [KeyBar.Entry] {
        KeyBar.entries(
            in: state.keyContexts, isBound: FleetState.isBound,
            shows: { binding in
                switch binding.action {
                // Clearing the filter is offered while there is one.
                case .clearFleetFilter: return state.filterEditor != nil || !state.list.query.isEmpty
                // The filter has nothing to reveal: a secret pasted into it stays masked.
                case .reveal: return false
                default: return true
                }
            },
            // The rows' own words; the mouse's says what F4 does next.
            label: { $0.action == .toggleMouse && !state.mouseCapture ? ($0.relabel?.label ?? $0.label) : $0.label })
    }

    // MARK: Title

    /// The folder on the left; the totals on the right, in words where they fit, in
    /// glyphs where they do not, at the narrowest the number of files (or how far the
    /// judging got).
    static func drawTitle(_ state: FleetState, row: Int, into buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: row, width: buffer.width, height: 1, style: .title)
        let counts = state.list.counts
        var progress: [String] = []
        if let (judged, of) = state.progress { progress = [state.listed == nil ? "listing files…" : "judged \(judged)/\(of)"] }
        let long = [
            plural(counts.files, "file"), "\(counts.ready) ready", "\(counts.withBlockers) with blockers", plural(counts.errors, "error"),
        ]
        let short = ["\(counts.files) files", "\(counts.ready) ✓", "\(counts.withBlockers) ✗", "\(counts.errors) !"]
        let lead = " social-console · "
        // The folder keeps a few columns.
        let room = buffer.width - DisplayWidth.of(lead) - 8
        let candidates = [long + progress, short + progress, progress.isEmpty ? [plural(counts.files, "file")] : progress]
        let right = candidates.map { $0.joined(separator: " · ") + " " }.first { DisplayWidth.of($0) <= room } ?? ""
        let x = buffer.put(lead, x: 0, y: row, style: .title)
        let nameRoom = buffer.width - x - DisplayWidth.of(right) - 1
        buffer.put(TextWrap.truncate(state.folderName, width: max(4, nameRoom)), x: x, y: row, style: .title)
        buffer.put(right, x: buffer.width - DisplayWidth.of(right), y: row, style: .title)
    }

    // MARK: The list

    static func drawList(_ state: FleetState, layout: FleetLayout, into buffer: inout CellBuffer) {
        let columns = FleetColumns(width: buffer.width, widestPath: state.list.widestPath)
        for column in columns.columns {
            let x = column.alignsRight ? column.x + column.width - column.heading.count : column.x
            buffer.put(column.heading, x: max(column.x, x), y: layout.headerRow, style: .heading, limit: column.width)
        }
        let list = state.list
        guard !list.shown.isEmpty else {
            buffer.put(emptyText(state), x: columns.columns[0].x, y: layout.listTop, style: .dim, limit: buffer.width - 3)
            return
        }
        let window = ScrollWindow(total: list.shown.count, viewport: layout.listRows, offset: list.top)
        for position in window.shown {
            let y = layout.listTop + position - window.offset
            drawRow(list.row(at: position), selected: position == list.cursor, columns: columns, y: y, into: &buffer)
            buffer.mark(Rect(x: 0, y: y, width: buffer.width, height: 1), .fleet(.row(position)))
        }
        // ▲ on the headings' row, not the first row's: scrolling by a row then moves the
        // rows and redraws one, not the mark as well.
        if window.hidesAbove { buffer.put("▲", x: buffer.width - 1, y: layout.headerRow, style: .dim) }
        if window.hidesBelow { buffer.put("▼", x: buffer.width - 1, y: layout.listTop + layout.listRows - 1, style: .dim) }
    }

    /// One file's row. The cursor's row marks only its path: moving it down sends the
    /// terminal two short runs of cells, not two whole lines.
    static func drawRow(_ row: FleetRow, selected: Bool, columns: FleetColumns, y: Int, into buffer: inout CellBuffer) {
        if selected { buffer.put("▸", x: 0, y: y, style: .selected) }
        for column in columns.columns {
            let text = columns.text(of: row, in: column)
            let style: Style
            switch column.kind {
            case .path: style = selected ? .selected : .normal
            // One coloured cell a row: a row scrolled into view costs the terminal little.
            case .ready: style = row.isError || !row.ready ? .blocker : .complete
            default: style = .normal
            }
            let x = column.alignsRight ? column.x + column.width - DisplayWidth.of(text) : column.x
            buffer.put(text, x: max(column.x, x), y: y, style: style, limit: column.width)
        }
    }

    static func emptyText(_ state: FleetState) -> String {
        if state.list.counts.files > 0 { return "No file matches the filter: Esc shows every file" }
        if state.progress != nil { return state.listed == nil ? "Listing the settings files…" : "Judging the settings files…" }
        return "No settings files (*.json) below \(state.folderName)"
    }

    // MARK: Status line

    /// The filter being typed (with the cursor), else the reducer's message, else how the
    /// list is sorted and filtered.
    static func drawStatus(_ state: FleetState, row: Int, into buffer: inout CellBuffer) {
        let room = buffer.width - 2
        if let editor = state.filterEditor {
            let x = buffer.put("/", x: 1, y: row, style: .heading)
            // The end of a long filter stays in view, where the cursor is.
            let (column, _) = FieldText.drawEditing(
                editor.characters, cursor: editor.cursor, masking: .secret(state.filterMask), x: x, y: row, width: room - 1, style: .normal,
                into: &buffer)
            buffer.cursor = Point(x: x + column, y: row)
            return
        }
        if let status = state.status {
            buffer.put(TextWrap.truncate(status.text, width: room), x: 1, y: row, style: status.isError ? .blocker : .complete)
            return
        }
        let list = state.list
        var parts = ["sorted by \(list.sort.name)"]
        if !list.query.isEmpty {
            parts.append("\(list.shown.count) of \(plural(list.counts.files, "file"))")
            parts.append("filter: \(state.filterMask.masked(list.query.text))")
        }
        buffer.put(TextWrap.truncate(parts.joined(separator: " · "), width: room), x: 1, y: row, style: .dim)
    }
}
