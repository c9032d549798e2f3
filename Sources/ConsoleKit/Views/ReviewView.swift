import SettingsKit

/// Every finding of the rule engine with its severity and fix, under the verdict's
/// headline (`Headline`). The focused finding is where Enter jumps from.
enum ReviewView {
    /// The most lines a finding's message takes.
    static let messageLines = 12

    /// "✗ blocker ": the severity's glyph and word, as wide as the widest.
    static func tag(_ severity: Severity) -> String {
        let text = severity.glyph + " " + severity.word
        return text + String(repeating: " ", count: max(1, 10 - text.count))
    }

    /// The lines of one finding: severity and message, then its fix, hanging under them.
    /// `live`: a live finding's tag (`LiveView.tag`), after the step's name.
    static func lines(_ finding: Finding, width: Int, mask: SecretMask, productionOnly: Bool = false, live: String? = nil) -> [(String, Style)] {
        let (tag, style): (String, Style) =
            productionOnly && finding.severity == .blocker
            ? (Renderer.productionMark + " for prod", .dim) : (tag(finding.severity), Style(finding.severity))
        let indent = 12
        let textWidth = max(1, width - indent)
        var out: [(String, Style)] = []
        // Readiness masks the whole secret in the values it quotes; part of one is masked here.
        // A message quoting a pasted 64K value would be a thousand lines, wrapped on every
        // frame: a dozen lines of it are read, the rest cut, as a field cuts its value.
        let room = textWidth * messageLines
        let title = finding.step.title + (live.map { " (\($0))" } ?? "")
        let message = TextWrap.truncate(mask.masked(title + ": " + finding.message, columns: room), width: room)
        for (i, line) in TextWrap.wrap(message, width: textWidth).enumerated() {
            out.append(((i == 0 ? " " + tag + " " : String(repeating: " ", count: indent)) + line, i == 0 ? style : .normal))
        }
        for line in TextWrap.wrap("fix: " + mask.masked(finding.fix), width: textWidth) {
            out.append((String(repeating: " ", count: indent) + line, .dim))
        }
        return out
    }

    static func draw(_ state: ConsoleState, in body: Rect, mask: SecretMask, into buffer: inout CellBuffer) {
        buffer.put("Review", x: body.x, y: body.y, style: .heading)
        var y =
            body.y + 1
            + Headline.draw(
                state.edit.verdict, x: body.x, y: body.y + 1, width: body.width, maxLines: body.bottom - body.y - 1, plain: .normal, into: &buffer)
        y = LiveView.drawActions(state, in: body, y: y, mask: mask, into: &buffer)
        let top = y + 1
        let viewport = body.bottom - top
        guard viewport > 0 else { return }
        let verdict = state.edit.verdict
        let findings = state.reviewFindings
        // The live test's findings come last (`reviewFindings`), each with its tag.
        let liveStart = findings.count - state.live.findings.count
        let blocks = findings.enumerated().map { i, finding in
            lines(
                finding, width: body.width - 1, mask: mask, productionOnly: verdict.isProductionOnly(finding),
                live: i < liveStart ? nil : state.live.results.map { LiveView.tag(finding, of: $0, now: state.settings) })
        }
        var starts: [Int] = []
        var total = 0
        for block in blocks { starts.append(total); total += block.count }
        let focusLines = blocks.indices.contains(state.focus) ? starts[state.focus]..<starts[state.focus] + blocks[state.focus].count : 0..<1
        let window = ScrollWindow(total: total, viewport: viewport, keeping: focusLines)
        for (i, block) in blocks.enumerated() {
            for (j, (line, style)) in block.enumerated() {
                guard let offset = window.row(of: starts[i] + j) else { continue }
                let row = top + offset
                let focused = i == state.focus && state.overlay == nil
                buffer.mark(Rect(x: body.x, y: row, width: body.width, height: 1), .row(i))
                if j == 0 && focused { buffer.put("▸", x: body.x, y: row, style: .focusLabel) }
                buffer.put(line, x: body.x + 1, y: row, style: j == 0 && focused ? .selected : style, limit: body.width - 1)
            }
        }
        window.drawMarks(x: body.right - 1, top: top, into: &buffer)
    }
}
