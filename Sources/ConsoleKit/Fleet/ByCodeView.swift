import SettingsKit

/// The by-code panel: a bar for each finding code (and file error), as long as the share
/// of the fleet's files that have it, the longest first, with the count and the share.
/// Where the code and a bar do not fit on one line, the bar goes on the line below: a
/// code is always read whole.
enum ByCodeView {
    static func draw(_ state: FleetState, layout: FleetLayout, into buffer: inout CellBuffer) {
        let files = state.list.counts.files
        buffer.put("FILES WITH EACH FINDING (of \(plural(files, "file")))", x: 2, y: layout.headerRow, style: .heading, limit: buffer.width - 3)
        let codes = state.codes
        guard !codes.isEmpty else {
            let text = state.progress != nil ? "Judging the settings files…" : files > 0 ? "No findings: every file is clean" : "No files"
            buffer.put(text, x: 2, y: layout.listTop, style: .dim, limit: buffer.width - 3)
            return
        }
        let codeWidth = codes.map { FleetCodes.all[$0.code].count }.max() ?? 0
        let countWidth = String(codes.map(\.files).max() ?? 0).count
        // The code, then bar, count and share ("  12  38%").
        let figures = 1 + countWidth + 6
        let oneLine = 2 + codeWidth + 2 + 10 + figures <= buffer.width - 1
        let linesEach = oneLine ? 1 : 2
        let barX = oneLine ? 2 + codeWidth + 2 : 4
        let barWidth = max(1, buffer.width - 1 - barX - figures)
        let window = ScrollWindow(
            total: codes.count * linesEach, viewport: layout.listRows,
            keeping: (state.codeCursor * linesEach)..<((state.codeCursor + 1) * linesEach))
        for (index, entry) in codes.enumerated() {
            let top = index * linesEach
            guard let first = window.row(of: top) else { continue }
            let y = layout.listTop + first
            let selected = index == state.codeCursor
            let code = FleetCodes.all[entry.code]
            if selected { buffer.put("▸", x: 0, y: y, style: .selected) }
            buffer.put(code, x: 2, y: y, style: selected ? .selected : style(of: entry.code), limit: buffer.width - 3)
            let barY = oneLine ? y : y + 1
            if window.row(of: top + linesEach - 1) != nil {
                let filled = files > 0 ? max(1, (entry.files * barWidth + files - 1) / files) : 0
                var x = buffer.put(String(repeating: "█", count: min(filled, barWidth)), x: barX, y: barY, style: style(of: entry.code))
                x = buffer.put(String(repeating: "░", count: max(0, barWidth - filled)), x: x, y: barY, style: .dim)
                let share = files > 0 ? entry.files * 100 / files : 0
                buffer.put(" " + String(entry.files).leftPadded(countWidth) + String(share).leftPadded(5) + "%", x: x, y: barY)
            }
            buffer.mark(Rect(x: 0, y: y, width: buffer.width, height: linesEach), .fleet(.code(index)))
        }
        window.drawMarks(x: buffer.width - 1, top: layout.listTop, into: &buffer)
    }

    /// A blocker's code in the blocker's colour, a warning's in the warning's; a file error as a blocker.
    static func style(of code: Int) -> Style { FleetCodes.severity(of: code).map(Style.init) ?? .blocker }
}
