import SettingsKit

/// Draws a step screen: its title, its introduction (`ScreenIntro`), then its rows, each
/// with the inline findings it fixes (`FindingPlacement`). A blocker of the screen's step
/// that is fixed on another screen is named above the rows, so a screen marked ✗ always
/// says why. Scrolls to keep focus visible.
enum FormView {
    /// At most this many findings under one row; Review lists the rest.
    static let findingsPerRow = 3

    /// `columns`: as much of the message as can show (it may quote a 64K value).
    /// `productionOnly`: a development instance ready for development, where a blocker is
    /// what production would need, drawn dim and named so.
    static func tagged(_ finding: Finding, mask: SecretMask, columns: Int, productionOnly: Bool = false) -> (String, Style) {
        // Readiness masks the whole secret in what it quotes; part of one is masked here.
        let text = TextWrap.truncate(mask.masked(finding.message, columns: columns), width: columns)
        if productionOnly, finding.severity == .blocker { return (Renderer.productionMark + " for production: " + text, .dim) }
        return (finding.severity.glyph + " " + text, Style(finding.severity))
    }

    /// The lines under row `index`: the findings it fixes, and for the focused scope its
    /// whole description (the row has room for only part of it). Two lines each at most,
    /// but the focused row's are read whole (as Review's, up to its `messageLines`).
    /// Each line says whether it continues the one above (it is then indented).
    static func messages(
        for index: Int, _ item: FormItem, _ state: ConsoleState, placed: FindingPlacement, mask: SecretMask, width: Int
    ) -> [(text: String, style: Style, continued: Bool)] {
        var out: [(text: String, style: Style, continued: Bool)] = []
        let most = index == state.focus ? ReviewView.messageLines : 2
        func add(_ text: String, _ style: Style) {
            var lines = TextWrap.wrap(text, width: width)
            if lines.count > most {
                lines = Array(lines.prefix(most - 1)) + [TextWrap.truncate(lines[(most - 1)...].joined(separator: " "), width: width)]
            }
            out += lines.enumerated().map { ($0.element, style, $0.offset > 0) }
        }
        let findings = placed.byRow[index] ?? []
        for finding in findings.prefix(findingsPerRow) {
            let (text, style) = tagged(
                finding, mask: mask, columns: (most + 1) * width, productionOnly: state.edit.verdict.isProductionOnly(finding))
            add(text, style)
            if let mark = finding.mark { out += CaretLine.lines(mark, mask: mask, width: width - 2).map { ($0, style, true) } }
        }
        if findings.count > findingsPerRow { add("… and \(findings.count - findingsPerRow) more: see Review", .dim) }
        if case .scope(let scope) = item, index == state.focus {
            add(scope.product + ": " + scope.description, .dim)
        }
        return out
    }

    // MARK: Lines

    /// One line of the scrolled part of a screen.
    enum Line {
        /// A blocker of this step fixed on another screen.
        case elsewhere(String, Style)
        /// The scope filter being typed or kept.
        case filter
        /// Line `part` of row `index` (a long scope name or the focused value may take more).
        case row(Int, part: Int)
        /// A line under row `index`.
        case message(Int, String, Style, continued: Bool)

        var owner: Int? {
            switch self {
            case .row(let index, _), .message(let index, _, _, _): return index
            case .elsewhere, .filter: return nil
            }
        }
    }

    /// What a row needs beyond its label: its own lines (a scope's name when it is cut in
    /// pieces, the focused value when it is wrapped).
    enum RowShape {
        case single
        case scope([String])
        case wrapped(WrappedField)

        var lineCount: Int {
            switch self {
            case .single: return 1
            case .scope(let pieces): return pieces.count
            case .wrapped(let field): return field.lines.count
            }
        }
    }

    struct Geometry {
        let body: Rect
        let labelWidth: Int
        var valueX: Int { body.x + labelWidth + 3 }
        var valueWidth: Int { body.right - valueX - 1 }
        /// Where a scope's checkbox starts, and the most its name may take before the
        /// next line.
        var scopeX: Int { body.x + 2 }
        var scopeWidth: Int { body.right - 1 - scopeX }
        /// Descriptions line up after the longest name, as far as the width allows.
        var descriptionColumn: Int { min(FormView.longestScopeName + 4, body.width * 3 / 5) }
    }

    static let longestScopeName = ScopeCatalogue.appScopes.map { DisplayWidth.of($0.name) }.max() ?? 0

    static func shape(_ item: FormItem, index: Int, state: ConsoleState, geometry: Geometry, maxLines: Int, mask: SecretMask) -> RowShape {
        switch item {
        case .scope(let scope):
            let checked = FormValues.isChecked(item, in: state.settings)
            let pieces = scopeLines((checked ? "[x] " : "[ ] ") + scope.name, width: geometry.scopeWidth)
            return pieces.count > 1 ? .scope(pieces) : .single
        case .text, .list, .customScopes:
            guard index == state.focus, state.overlay == nil else { return .single }
            let masking = FieldText.Masking(item, focused: true, state: state, mask: mask)
            // The secret field keeps its fixed-length mask on one line (drawText): wrapping
            // its bullets would show how long the secret is.
            if masking.isAll { return .single }
            let field: WrappedField?
            if let editor = state.editor {
                field = WrappedField(editor.characters, cursor: editor.cursor, masking: masking, width: geometry.valueWidth, maxLines: maxLines)
            } else {
                let (characters, complete) = FieldText.prefix(
                    of: FormValues.text(of: item, in: state.settings), columns: 2 * maxLines * geometry.valueWidth)
                field = complete ? WrappedField(characters, cursor: nil, masking: masking, width: geometry.valueWidth, maxLines: maxLines) : nil
            }
            return field.map(RowShape.wrapped) ?? .single
        default:
            return .single
        }
    }

    /// "[x] name" in pieces of `width` columns, broken after a ":", ".", "-" or "_" where
    /// one fits (after the last character that fits otherwise); later pieces are indented
    /// under the name. A scope's name is never cut: at the narrowest it takes two lines.
    static func scopeLines(_ text: String, width: Int) -> [String] {
        guard width > 8, DisplayWidth.of(text) > width else { return [text] }
        var pieces: [String] = []
        var rest = Substring(text)
        var room = width
        while DisplayWidth.of(rest) > room {
            var end = rest.startIndex, used = 0, breakAfter: String.Index?
            while end < rest.endIndex, used + DisplayWidth.of(rest[end]) <= room {
                used += DisplayWidth.of(rest[end])
                if ":.-_".contains(rest[end]) { breakAfter = rest.index(after: end) }
                end = rest.index(after: end)
            }
            let cut = breakAfter ?? end
            guard cut > rest.startIndex else { break }
            pieces.append((pieces.isEmpty ? "" : "    ") + rest[..<cut])
            rest = rest[cut...]
            room = width - 4
        }
        pieces.append((pieces.isEmpty ? "" : "    ") + rest)
        return pieces
    }

    // MARK: Drawing

    /// Returns whether the focused row shows part of the secret masked: only what is
    /// drawn is searched, not a value that may hold 100,000 characters.
    @discardableResult
    static func draw(_ state: ConsoleState, layout: Layout, mask: SecretMask, placed: FindingPlacement, into buffer: inout CellBuffer) -> Bool {
        let body = layout.body
        buffer.put(state.screen.title, x: body.x, y: body.y, style: .heading, limit: body.width)
        var introLines = ScreenIntro.lines(state, mask: mask, width: body.width).flatMap { TextWrap.wrap($0, width: body.width) }
        // On a short screen the rows matter more than the introduction.
        if body.height - 2 - introLines.count < 4 { introLines = [] }
        for (i, line) in introLines.enumerated() where body.y + 1 + i < body.bottom {
            buffer.put(line, x: body.x, y: body.y + 1 + i, style: .dim, limit: body.width)
        }
        let top = body.y + (introLines.isEmpty ? 1 : 2 + introLines.count)
        let viewport = body.bottom - top
        guard viewport > 0 else { return false }

        let geometry = Geometry(body: body, labelWidth: layout.labelWidth)
        let items = state.items
        // Messages start under the label, so they have most of the width.
        let messageX = body.x + 4
        let messageWidth = body.right - messageX - 1
        let maxLines = max(1, min(8, viewport - 1))

        var lines: [Line] = []
        for (finding, target) in placed.elsewhere {
            let rows = Forms.items(for: target.screen)
            let place = target.screen.title + (rows.indices.contains(target.row) ? " › " + rows[target.row].label : "")
            let (text, style) = tagged(finding, mask: mask, columns: 3 * body.width, productionOnly: state.edit.verdict.isProductionOnly(finding))
            for (i, line) in TextWrap.wrap(text + " (on " + place + ")", width: body.width - 5).prefix(2).enumerated() {
                lines.append(.elsewhere((i == 0 ? "" : "  ") + line, style))
            }
        }
        if state.screen == .step(.permissions), state.scopeFilter != nil { lines.append(.filter) }
        var shapes: [Int: RowShape] = [:]
        for (i, item) in items.enumerated() where state.isShown(i) {
            let shape = shape(item, index: i, state: state, geometry: geometry, maxLines: maxLines, mask: mask)
            shapes[i] = shape
            for part in 0..<shape.lineCount { lines.append(.row(i, part: part)) }
            for line in messages(for: i, item, state, placed: placed, mask: mask, width: messageWidth) {
                lines.append(.message(i, line.text, line.style, continued: line.continued))
            }
        }
        // Keep the focused row (and its messages) in view, and the filter while it is typed.
        let owned = lines.indices.filter { lines[$0].owner == state.focus }
        var keep = (owned.first ?? 0)..<((owned.last ?? 0) + 1)
        if state.scopeFilter?.isEditing == true,
            let filter = lines.firstIndex(where: {
                if case .filter = $0 { return true }; return false
            })
        {
            keep = filter..<max(filter + 1, min(keep.upperBound, filter + viewport))
        }
        let window = ScrollWindow(total: lines.count, viewport: viewport, keeping: keep)

        var focusShowsSecret = false
        for index in window.shown {
            let y = top + index - window.offset
            switch lines[index] {
            case .elsewhere(let text, let style):
                buffer.put(text, x: body.x + 2, y: y, style: style, limit: body.width - 3)
            case .filter:
                drawFilter(state, x: body.x + 2, y: y, width: body.right - 1 - (body.x + 2), mask: mask, into: &buffer)
            case .row(let i, let part):
                let shows = drawRow(
                    items[i], index: i, part: part, shape: shapes[i] ?? .single, state: state, y: y,
                    geometry: geometry, mask: mask, into: &buffer)
                if i == state.focus && shows { focusShowsSecret = true }
            case .message(_, let text, let style, let continued):
                buffer.put(text, x: messageX + (continued ? 2 : 0), y: y, style: style, limit: messageWidth)
            }
        }
        window.drawMarks(x: body.right - 1, top: top, into: &buffer)
        return focusShowsSecret
    }

    /// The filter's line: what is typed (with the cursor while it is), and how many match.
    /// What is typed is masked like any field's: the secret may be pasted here by mistake.
    static func drawFilter(_ state: ConsoleState, x: Int, y: Int, width: Int, mask: SecretMask, into buffer: inout CellBuffer) {
        guard let filter = state.scopeFilter, width > 0 else { return }
        let scopes = state.items.enumerated().filter {
            if case .scope = $0.element { return true }; return false
        }
        let matching = scopes.filter { state.isShown($0.offset) }.count
        let count = matching == 0 ? "no scope matches" : "\(matching) of \(scopes.count) scopes"
        var at = buffer.put("/ ", x: x, y: y, style: .focusLabel, limit: width)
        let textWidth = max(1, min(24, x + width - at - DisplayWidth.of(count) - 2))
        let style: Style = filter.isEditing ? .focusField : .field
        buffer.fill(x: at, y: y, width: textWidth, height: 1, style: style)
        let (column, _) = FieldText.drawEditing(
            filter.editor.characters, cursor: filter.editor.cursor, masking: .secret(mask),
            x: at, y: y, width: textWidth, style: style, into: &buffer)
        if filter.isEditing && state.overlay == nil { buffer.cursor = Point(x: at + column, y: y) }
        at += textWidth + 2
        buffer.put(count, x: at, y: y, style: .dim, limit: x + width - at)
    }

    /// Draws line `part` of a row; returns whether it shows part of the secret masked.
    @discardableResult
    static func drawRow(
        _ item: FormItem, index: Int, part: Int, shape: RowShape, state: ConsoleState, y: Int,
        geometry: Geometry, mask: SecretMask, into buffer: inout CellBuffer
    ) -> Bool {
        let body = geometry.body
        let focused = index == state.focus && state.overlay == nil
        let valueX = geometry.valueX, valueWidth = geometry.valueWidth
        if part == 0 { buffer.put(focused ? "▸" : " ", x: body.x, y: y, style: .focusLabel) }
        buffer.mark(Rect(x: body.x, y: y, width: body.width, height: 1), .row(index))
        switch (item, shape) {
        case (.scope(let scope), _):
            let checked = FormValues.isChecked(item, in: state.settings)
            let style: Style = focused ? .focusField : .label
            if case .scope(let pieces) = shape {
                buffer.put(pieces[part], x: geometry.scopeX, y: y, style: style)
                return false
            }
            let x = buffer.put((checked ? "[x] " : "[ ] ") + scope.name, x: geometry.scopeX, y: y, style: style)
            let descX = max(x + 1, geometry.scopeX + geometry.descriptionColumn + 1)
            if body.right - descX >= 4 {
                buffer.put(TextWrap.truncate(scope.description, width: body.right - descX), x: descX, y: y, style: .dim)
            }
            return false
        case (.useRedirectURI, _):
            buffer.put("[ " + item.label + " ]", x: valueX, y: y, style: focused ? .focusField : .field, limit: body.right - valueX)
            return false
        case (_, .wrapped(let field)):
            if part == 0 {
                buffer.put(TextWrap.truncate(item.label, width: geometry.labelWidth), x: body.x + 2, y: y, style: .focusLabel)
            }
            field.draw(line: part, x: valueX, y: y, width: valueWidth, style: .focusField, into: &buffer)
            if let cursor = field.cursor, cursor.line == part, state.editor != nil, state.scopeFilter?.isEditing != true {
                buffer.cursor = Point(x: valueX + cursor.column, y: y)
            }
            return field.masksSecret
        default:
            break
        }
        let labelEnd = buffer.put(
            TextWrap.truncate(item.label, width: geometry.labelWidth), x: body.x + 2, y: y, style: focused ? .focusLabel : .label)
        switch item {
        case .toggle(let key, _):
            // The box with the Dashboard's own words for the toggle where it has them.
            let on = FormValues.isChecked(item, in: state.settings)
            let words = Fields.field(key)?.dashboardLabel ?? (on ? "Yes" : "No")
            let x = max(valueX, labelEnd + 1)
            buffer.put(
                TextWrap.truncate((on ? "[x] " : "[ ] ") + words, width: max(0, body.right - 1 - x)), x: x, y: y,
                style: focused ? .focusField : .field)
        case .choice(let key, _, let values, let names):
            var x = valueX
            let current = FormValues.choice(key, in: state.settings)
            let all = zip(values, names).map { (value: $0, name: $1) }
            let needed = all.reduce(0) { $0 + 7 + DisplayWidth.of($1.name) } - 3
            // Too narrow for every value side by side: show the selected one only.
            let shown = needed <= body.right - valueX ? all : all.filter { $0.value == current }
            for (value, name) in shown {
                let selected = value == current
                x =
                    buffer.put(
                        (selected ? "(•) " : "( ) ") + name, x: x, y: y,
                        style: focused && selected ? .focusField : (selected ? .selected : .field), limit: body.right - x) + 3
            }
        default:
            return drawText(item, focused: focused, state: state, x: valueX, y: y, width: valueWidth, mask: mask, into: &buffer)
        }
        return false
    }

    /// A text value on one line: masked where it holds the secret, scrolled sideways to
    /// keep the cursor visible. Returns whether it shows part of the secret masked.
    static func drawText(
        _ item: FormItem, focused: Bool, state: ConsoleState, x: Int, y: Int, width: Int, mask: SecretMask, into buffer: inout CellBuffer
    ) -> Bool {
        guard width > 0 else { return false }
        let style: Style = focused ? .focusField : .field
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        let masking = FieldText.Masking(item, focused: focused, state: state, mask: mask)
        if masking.isAll {
            // The secret field, edited or not: a fixed-length mask (`Secret.mask`), never
            // one bullet per character, which would give its length away; the cursor
            // waits after it.
            // While typing, not even the last 4 characters: they are what was just typed.
            let editing = focused ? state.editor?.text : nil
            let value = editing ?? FormValues.text(of: item, in: state.settings)
            let shown = value.isEmpty ? "" : editing != nil ? Secret.maskText : Secret.mask(value)
            FieldText.drawValue(shown, masking: .none, x: x, y: y, width: width, style: style, into: &buffer)
            if focused, state.editor != nil { buffer.cursor = Point(x: x + min(shown.count, width - 1), y: y) }
            return false
        }
        if focused, let editor = state.editor {
            let (column, shows) = FieldText.drawEditing(
                editor.characters, cursor: editor.cursor, masking: masking,
                x: x, y: y, width: width, style: .focusField, into: &buffer)
            if state.scopeFilter?.isEditing != true { buffer.cursor = Point(x: x + column, y: y) }
            return shows
        } else {
            return FieldText.drawValue(
                FormValues.text(of: item, in: state.settings), masking: masking,
                x: x, y: y, width: width, style: style, into: &buffer)
        }
    }
}
