/// Which lines of a list taller than its view are shown, for every scrolled view (a
/// form's rows, Review's findings, help). Derived from state at draw time and clamped
/// here, never kept by the reducer: a resize or a shorter list cannot leave it stale.
struct ScrollWindow: Equatable {
    /// Lines in all, lines the view has, and the first line shown.
    let total: Int
    let viewport: Int
    let offset: Int

    /// The last offset that still fills the view.
    static func maxOffset(total: Int, viewport: Int) -> Int { max(0, total - max(0, viewport)) }

    /// Scrolled to `offset`, clamped so the view stays full (help: the operator scrolls).
    init(total: Int, viewport: Int, offset: Int) {
        self.total = max(0, total)
        self.viewport = max(0, viewport)
        self.offset = max(0, min(offset, Self.maxOffset(total: total, viewport: viewport)))
    }

    /// Scrolled as little as possible from the top so that `lines` are in view (their
    /// start, when they are taller than the view): the focused row and its messages.
    init(total: Int, viewport: Int, keeping lines: Range<Int>) {
        let toShowEnd = min(lines.upperBound - viewport, Self.maxOffset(total: total, viewport: viewport))
        self.init(total: total, viewport: viewport, offset: min(toShowEnd, lines.lowerBound))
    }

    /// The lines shown, in order.
    var shown: Range<Int> { offset..<max(offset, min(total, offset + viewport)) }

    /// Where line `line` is in the view (0 at its top), or nil when it is scrolled out.
    func row(of line: Int) -> Int? { shown.contains(line) ? line - offset : nil }

    var hidesAbove: Bool { offset > 0 }
    var hidesBelow: Bool { total - offset > viewport }

    /// ▲ in the view's top right corner when lines are hidden above, ▼ at its bottom when
    /// lines are hidden below.
    func drawMarks(x: Int, top: Int, into buffer: inout CellBuffer) {
        guard viewport > 0 else { return }
        if hidesAbove { buffer.put("▲", x: x, y: top, style: .dim) }
        if hidesBelow { buffer.put("▼", x: x, y: top + viewport - 1, style: .dim) }
    }
}
