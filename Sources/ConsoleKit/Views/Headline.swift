import SettingsKit

/// The verdict in a line (`Verdict.headline`, the words `audit` and `show` open with),
/// wrapped to a width and drawn in its tones: Review's summary and the counts under the
/// step list say what every report says.
enum Headline {
    /// The headline's lines, each as runs of text with their style. `plain`: the style
    /// of the words that are neither ready nor not ready (the counts).
    static func lines(_ verdict: Verdict, width: Int, plain: Style) -> [[(text: String, style: Style)]] {
        let phrases = verdict.headline
        // Ready for development: what production needs is not a blocker of this file.
        let notReady: Style = verdict.environment == .development && verdict.ready ? .dim : .blocker
        // The style of each character that is not a space, in order: wrapping only moves
        // the spaces, so the n-th of them on the lines is the n-th here.
        var styles: [Style] = []
        // The whole text appended phrase by phrase: `joined()` is the standard library's
        // generic join, which looks up the array's conformances at run time on first use
        // (the first frame draws this line).
        var text = ""
        for phrase in phrases {
            text += phrase.text
            let style: Style =
                switch phrase.tone {
                case .ready: .complete
                case .notReady: notReady
                case .plain: plain
                }
            styles += phrase.text.filter { $0 != " " }.map { _ in style }
        }
        var next = 0
        return TextWrap.wrap(text, width: width).map { line in
            var runs: [(text: String, style: Style)] = []
            for character in line {
                var style = plain
                if character != " ", next < styles.count {
                    style = styles[next]
                    next += 1
                }
                if let last = runs.last, last.style == style {
                    runs[runs.count - 1].text.append(character)
                } else {
                    runs.append((String(character), style))
                }
            }
            return runs
        }
    }

    /// Draws the lines from `y` down, at most `maxLines`; returns how many it drew.
    @discardableResult
    static func draw(_ verdict: Verdict, x: Int, y: Int, width: Int, maxLines: Int, plain: Style, into buffer: inout CellBuffer) -> Int {
        let lines = lines(verdict, width: width, plain: plain).prefix(max(0, maxLines))
        for (i, runs) in lines.enumerated() {
            var at = x
            for run in runs { at = buffer.put(run.text, x: at, y: y + i, style: run.style, limit: x + width - at) }
        }
        return lines.count
    }
}
