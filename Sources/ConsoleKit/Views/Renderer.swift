import SettingsKit

/// Draws a whole frame from the state: the only way anything reaches the screen.
/// Pure: the same state and size always give the same cells, which is what the
/// snapshot tests rely on.
enum Renderer {
    static func render(_ state: ConsoleState, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        // Every text drawn from the settings is searched for the secrets.
        let mask = state.mask
        // The status line takes as many rows as its text needs (up to a few), before the
        // body is laid out: a fix is read whole, not cut at the window's edge.
        let placed = FindingPlacement(state)
        let fix = placed.fix(state)
        let maxStatusLines = state.overlay == nil ? max(1, min(4, height - 6)) : 1
        let planned = StatusLine.text(state, fix: fix, showsSecret: false)
        let plannedLines = planned.map { StatusLine.lines($0.0, width: width, max: maxStatusLines, mask: mask).count } ?? 1
        let layout = Layout(width: width, height: height, statusLines: plannedLines)
        guard layout.mode != .tooSmall else {
            drawTooSmall(state, mask: mask, into: &buffer)
            return buffer
        }
        drawTitle(state, mask: mask, into: &buffer)
        if layout.mode == .full { drawStepColumn(state, layout.steps, into: &buffer) } else { drawStepLine(state, layout.steps, into: &buffer) }
        var focusShowsSecret = false
        switch state.overlay {
        case .help(let scroll):
            HelpView.draw(state, scroll: scroll, in: layout.body, into: &buffer)
        case .quitConfirm, .changes, .conflict, .restore, .live, nil:
            if state.screen == .review {
                ReviewView.draw(state, in: layout.body, mask: mask, into: &buffer)
            } else {
                focusShowsSecret = FormView.draw(state, layout: layout, mask: mask, placed: placed, into: &buffer)
            }
        }
        // Status messages quote values ("Added … to the callback URLs") and the file name.
        if let (text, style) = focusShowsSecret ? StatusLine.text(state, fix: fix, showsSecret: true) : planned {
            for (i, line) in StatusLine.lines(text, width: width, max: layout.statusLines, mask: mask).enumerated() {
                buffer.put(line, x: 1, y: layout.statusRow + i, style: style)
            }
        }
        KeyBar.draw(KeyBar.entries(for: state, focusShowsSecret: focusShowsSecret), into: &buffer, row: layout.keyBarRow)
        if let dialog = DialogView.dialog(for: state, mask: mask) {
            DialogView.draw(dialog, into: &buffer)
        }
        return buffer
    }

    /// The screen below 40x10: no room to edit, so say what size is needed. In a tiny
    /// window a shorter message keeps the size readable instead of cutting it off. A
    /// dialog waiting for an answer keeps its choices on the last row: its keys still work.
    static func drawTooSmall(_ state: ConsoleState, mask: SecretMask, into buffer: inout CellBuffer) {
        var rows = buffer.height
        if rows >= 2, let dialog = DialogView.dialog(for: state, mask: mask) {
            rows -= 1
            buffer.put(TextWrap.truncate(dialog.choiceLine(width: buffer.width), width: buffer.width), x: 0, y: rows, style: .dialog)
        }
        drawTooSmall(rows: rows, into: &buffer)
    }

    /// The size needed, centred in the first `rows` rows (any screen's, the fleet list's too).
    static func drawTooSmall(rows: Int, into buffer: inout CellBuffer) {
        let size = "\(Layout.minimumWidth)x\(Layout.minimumHeight)"
        let messages = ["window too small (need \(size))", "too small: need \(size)", "need \(size)", size]
        let fits = { (message: String) -> Bool in
            TextWrap.wrap(message, width: buffer.width).count <= rows
                && message.split(separator: " ").allSatisfy { DisplayWidth.of($0) <= buffer.width }
        }
        let message = messages.first(where: fits) ?? size
        let lines = TextWrap.wrap(message, width: buffer.width)
        let top = max(0, (rows - lines.count) / 2)
        for (i, line) in lines.prefix(rows).enumerated() {
            let x = max(0, (buffer.width - DisplayWidth.of(line)) / 2)
            buffer.put(line, x: x, y: top + i, style: .warning)
        }
    }

    /// Program, file, unsaved and changed-on-disk markers; read-only on the right.
    static func drawTitle(_ state: ConsoleState, mask: SecretMask, into buffer: inout CellBuffer) {
        buffer.fill(x: 0, y: 0, width: buffer.width, height: 1, style: .title)
        let right = state.readOnly ? "READ-ONLY " : "\(state.screen.index + 1)/\(Screen.allCases.count) "
        let rightWidth = DisplayWidth.of(right)
        let fixed = buffer.width - rightWidth - 1 - DisplayWidth.of(" social-console · ")
        let changed = state.edit.changedOnDisk
        var marker = (state.isDirty ? "  ● unsaved" : "") + (changed ? "  ! changed on disk" : "") + LiveView.titleNote(state, short: false)
        // On a narrow screen the file name keeps some room and the markers lose their words.
        if fixed - DisplayWidth.of(marker) < 10 {
            marker = (state.isDirty ? " ●" : "") + (changed ? " !" : "") + LiveView.titleNote(state, short: true)
        }
        let room = fixed - DisplayWidth.of(marker)
        var x = buffer.put(" social-console · ", x: 0, y: 0, style: .title)
        x = buffer.put(TextWrap.truncate(mask.masked(state.fileName, columns: max(4, room)), width: max(4, room)), x: x, y: 0, style: .title)
        buffer.put(marker, x: x, y: 0, style: .title)
        buffer.put(right, x: buffer.width - rightWidth, y: 0, style: .title)
    }

    /// A screen's mark in the step list, as the verdict gives it: ✓ complete, ✗ blocked,
    /// and on a development instance a dim ◦ where only production needs more.
    static func mark(_ screen: Screen, _ state: ConsoleState) -> (glyph: String, style: Style) {
        let mark: Verdict.StepState
        if let step = screen.step {
            mark = state.edit.verdict.state(of: step)
        } else {
            mark = state.report.readyForProduction ? .complete : state.onlyProductionLeft ? .productionOnly : .incomplete
        }
        switch mark {
        case .complete: return (mark.glyph, .complete)
        case .productionOnly: return (mark.glyph, .dim)
        case .incomplete: return (mark.glyph, .blocker)
        }
    }

    /// What production still needs on a development instance is marked with this, dim.
    static let productionMark = Verdict.StepState.productionOnly.glyph

    static func drawStepColumn(_ state: ConsoleState, _ area: Rect, into buffer: inout CellBuffer) {
        for screen in Screen.allCases {
            let y = area.y + 1 + screen.index
            guard y < area.bottom else { break }
            let current = screen == state.screen
            let (glyph, style) = mark(screen, state)
            if current { buffer.fill(x: area.x, y: y, width: area.width, height: 1, style: .stepCurrent) }
            buffer.mark(Rect(x: area.x, y: y, width: area.width, height: 1), .screen(screen))
            buffer.put(current ? "▸" : " ", x: area.x, y: y, style: current ? .stepCurrent : .normal)
            buffer.put(glyph, x: area.x + 1, y: y, style: current ? .stepCurrent : style)
            buffer.put(screen.title, x: area.x + 3, y: y, style: current ? .stepCurrent : .normal, limit: area.width - 3)
        }
        // Under the list, after a blank row: the verdict as every report says it.
        let summaryTop = area.y + 2 + Screen.allCases.count
        Headline.draw(
            state.edit.verdict, x: area.x + 1, y: summaryTop, width: area.width - 2, maxLines: area.bottom - summaryTop, plain: .dim,
            into: &buffer)
        for y in area.y..<area.bottom { buffer.put("│", x: area.right, y: y, style: .dim) }
    }

    /// The compact step list: the current screen by name, then one mark per screen.
    static func drawStepLine(_ state: ConsoleState, _ area: Rect, into buffer: inout CellBuffer) {
        let current = mark(state.screen, state)
        var x = buffer.put(" \(state.screen.index + 1)/\(Screen.allCases.count) \(state.screen.title) ", x: area.x, y: area.y, style: .stepCurrent)
        x = buffer.put(current.glyph, x: x, y: area.y, style: current.style)
        x = buffer.put("  ", x: x, y: area.y)
        for screen in Screen.allCases {
            let (glyph, style) = mark(screen, state)
            let start = x
            x = buffer.put(glyph + String(screen.title.prefix(3)), x: x, y: area.y, style: screen == state.screen ? .stepCurrent : style)
            buffer.mark(Rect(x: start, y: area.y, width: x - start, height: 1), .screen(screen))
            x += 1
        }
    }
}
