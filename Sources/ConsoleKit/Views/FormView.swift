import SettingsKit

/// Draws a step screen: its title, a short line of what it is about, then its rows,
/// each with the inline finding of the rule it breaks. Scrolls to keep focus visible.
enum FormView {
    static func intro(_ state: ConsoleState, mask: SecretMask) -> [String] {
        switch state.screen {
        case .step(.instance): return ["Which instance this file describes. F1 explains each step."]
        case .step(.app): return ["The Settings tab of the app in Atlassian's developer console."]
        case .step(.permissions): return ["Scopes enabled on the app's Permissions tab; read:me is a must."]
        case .step(.authorization):
            let uri = state.settings.filled("instance.redirectUri").map(mask.masked) ?? "(not set yet: see Instance)"
            return ["The app's callback URL must equal the instance's redirect URI:", "  " + uri]
        case .step(.credentials): return ["The instance's Atlassian connection: the app's ID and Secret."]
        case .step(.distribution): return ["The app's Distribution tab: sharing lets others than you in."]
        case .review: return []
        }
    }

    /// The line under row `index`, if any: the most severe finding on its key, or for the
    /// focused scope its whole description (the row has room for only part of it).
    static func message(for index: Int, _ item: FormItem, _ state: ConsoleState, mask: SecretMask) -> (String, Style)? {
        if let key = item.key, Forms.messageRow(of: key, on: state.screen) == index,
           let finding = state.report.findings(forField: key).first {
            // Readiness masks the whole secret in what it quotes; part of one is masked here.
            let text = mask.masked(finding.message)
            switch finding.severity {
            case .blocker where state.onlyProductionLeft: return (Renderer.productionMark + " for production: " + text, .dim)
            case .blocker: return ("✗ " + text, .blocker)
            case .warning: return ("! " + text, .warning)
            case .info: return ("i " + text, .info)
            }
        }
        if case .scope(let scope) = item, index == state.focus {
            return (scope.product + ": " + scope.description, .dim)
        }
        return nil
    }

    /// The fix for the focused row's finding, for the status line: what to do next. First,
    /// why a field other than the secret's shows bullets (`showsSecret`, from `draw`), or
    /// that it shows the secret in clear. Masked by the renderer.
    static func hint(_ state: ConsoleState, showsSecret: Bool) -> String? {
        if state.revealSecret, state.focusedItem?.isSecret == false {
            return "This field holds the Client Secret, shown until you leave it: ^R hides it"
        }
        if showsSecret { return "This field holds the Client Secret, so it is masked" + (state.readOnly ? "" : ": ^R shows it") }
        guard state.screen != .review, let item = state.focusedItem, let key = item.key,
              Forms.messageRow(of: key, on: state.screen) == state.focus || item.key == FormItem.appScopesKey,
              let finding = state.report.findings(forField: key).first else { return nil }
        return "fix: " + finding.fix
    }

    /// Returns whether the focused row shows part of the secret masked: only what is
    /// drawn is searched, not a value that may hold 100,000 characters.
    @discardableResult
    static func draw(_ state: ConsoleState, layout: Layout, mask: SecretMask, into buffer: inout CellBuffer) -> Bool {
        let body = layout.body
        buffer.put(state.screen.title, x: body.x, y: body.y, style: .heading, limit: body.width)
        var introLines = intro(state, mask: mask).flatMap { TextWrap.wrap($0, width: body.width) }
        // On a short screen the rows matter more than the introduction.
        if body.height - 2 - introLines.count < 4 { introLines = [] }
        for (i, line) in introLines.enumerated() where body.y + 1 + i < body.bottom {
            buffer.put(line, x: body.x, y: body.y + 1 + i, style: .dim, limit: body.width)
        }
        let top = body.y + (introLines.isEmpty ? 1 : 2 + introLines.count)
        let viewport = body.bottom - top
        guard viewport > 0 else { return false }

        let items = state.items
        // Messages start under the label, so they have most of the width: two lines at most.
        let messageX = body.x + 4
        let messages: [[(String, Style)]] = items.indices.map { i in
            guard let (text, style) = message(for: i, items[i], state, mask: mask) else { return [] }
            var lines = TextWrap.wrap(text, width: body.right - messageX - 1)
            if lines.count > 2 { lines = [lines[0], TextWrap.truncate(lines[1...].joined(separator: " "), width: body.right - messageX - 1)] }
            return lines.map { ($0, style) }
        }
        var starts: [Int] = []
        var line = 0
        for i in items.indices {
            starts.append(line)
            line += 1 + messages[i].count
        }
        let total = line
        // Keep the focused row (and its message) in view; otherwise stay at the top.
        let focusEnd = state.focus < items.count ? starts[state.focus] + messages[state.focus].count : 0
        let scroll = max(0, min(focusEnd - viewport + 1, total - viewport))

        var focusShowsSecret = false
        for (i, item) in items.enumerated() {
            let y = top + starts[i] - scroll
            if y >= top && y < body.bottom {
                let shows = drawRow(item, index: i, state: state, y: y, body: body, labelWidth: layout.labelWidth, mask: mask, into: &buffer)
                if i == state.focus { focusShowsSecret = shows }
            }
            for (j, (text, style)) in messages[i].enumerated() where y + 1 + j >= top && y + 1 + j < body.bottom {
                buffer.put(text, x: messageX + (j == 0 ? 0 : 2), y: y + 1 + j, style: style, limit: body.right - messageX - 1)
            }
        }
        if scroll > 0 { buffer.put("▲", x: body.right - 1, y: top, style: .dim) }
        if total - scroll > viewport { buffer.put("▼", x: body.right - 1, y: body.bottom - 1, style: .dim) }
        return focusShowsSecret
    }

    /// Returns whether the row shows part of the secret masked.
    @discardableResult
    static func drawRow(_ item: FormItem, index: Int, state: ConsoleState, y: Int, body: Rect, labelWidth: Int, mask: SecretMask, into buffer: inout CellBuffer) -> Bool {
        let focused = index == state.focus && state.overlay == nil
        buffer.put(focused ? "▸" : " ", x: body.x, y: y, style: .focusLabel)
        buffer.mark(Rect(x: body.x, y: y, width: body.width, height: 1), .row(index))
        let valueX = body.x + labelWidth + 3
        let valueWidth = body.right - valueX - 1
        switch item {
        case .scope(let scope):
            let checked = FormValues.isChecked(item, in: state.settings)
            let nameWidth = min(36, body.width * 3 / 5)
            let x = buffer.put((checked ? "[x] " : "[ ] ") + scope.name, x: body.x + 2, y: y,
                               style: focused ? .focusField : .label, limit: nameWidth)
            let descX = max(x + 1, body.x + 2 + nameWidth + 1)
            buffer.put(TextWrap.truncate(scope.description, width: body.right - descX), x: descX, y: y, style: .dim)
            return false
        case .useRedirectURI:
            buffer.put("[ " + item.label + " ]", x: valueX, y: y, style: focused ? .focusField : .field, limit: body.right - valueX)
            return false
        default:
            break
        }
        buffer.put(TextWrap.truncate(item.label, width: labelWidth), x: body.x + 2, y: y, style: focused ? .focusLabel : .label)
        switch item {
        case .toggle:
            let on = FormValues.isChecked(item, in: state.settings)
            buffer.put(on ? "[x] Yes" : "[ ] No", x: valueX, y: y, style: focused ? .focusField : .field)
        case .choice(let key, _, let values, let names):
            var x = valueX
            let current = FormValues.choice(key, in: state.settings)
            let all = zip(values, names).map { (value: $0, name: $1) }
            let needed = all.reduce(0) { $0 + 7 + DisplayWidth.of($1.name) } - 3
            // Too narrow for every value side by side: show the selected one only.
            let shown = needed <= body.right - valueX ? all : all.filter { $0.value == current }
            for (value, name) in shown {
                let selected = value == current
                x = buffer.put((selected ? "(•) " : "( ) ") + name, x: x, y: y,
                               style: focused && selected ? .focusField : (selected ? .selected : .field), limit: body.right - x) + 3
            }
        default:
            return drawText(item, focused: focused, state: state, x: valueX, y: y, width: valueWidth, mask: mask, into: &buffer)
        }
        return false
    }

    /// A text value: masked where it holds the secret, scrolled sideways to keep the
    /// cursor visible. Returns whether it shows part of the secret masked.
    static func drawText(_ item: FormItem, focused: Bool, state: ConsoleState, x: Int, y: Int, width: Int, mask: SecretMask, into buffer: inout CellBuffer) -> Bool {
        guard width > 0 else { return false }
        let style: Style = focused ? .focusField : .field
        buffer.fill(x: x, y: y, width: width, height: 1, style: style)
        let masking = FieldText.Masking(item, focused: focused, state: state, mask: mask)
        if focused, let editor = state.editor {
            let (column, shows) = FieldText.drawEditing(editor.characters, cursor: editor.cursor, masking: masking,
                                                        x: x, y: y, width: width, style: .focusField, into: &buffer)
            buffer.cursor = Point(x: x + column, y: y)
            return shows
        } else {
            return FieldText.drawValue(FormValues.text(of: item, in: state.settings), masking: masking,
                                       x: x, y: y, width: width, style: style, into: &buffer)
        }
    }
}
