/// What a frame changes on the terminal: the cells that differ from the frame it shows,
/// worked out by the session (as ratatui's Terminal diffs before its Backend draws), so
/// a backend only copies cells and what one key costs can be measured without one.
public struct FrameUpdate: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public let x: Int
        public let y: Int
        public let cell: Cell
    }

    public let width: Int
    public let height: Int
    /// Every cell is sent: the terminal's screen is unknown or of another size (the first
    /// frame, a resize, a repaint, back from a suspend); a backend clears it first.
    public let isWhole: Bool
    /// The cells to write, row by row; the right halves of wide characters are left out
    /// (writing the character fills them).
    public let changes: [Change]
    /// Where the cursor goes (a text field being edited), or nil to hide it.
    public let cursor: Point?

    /// The update that turns `shown` (nil: unknown) into `frame`.
    init(from shown: CellBuffer?, to frame: CellBuffer) {
        width = frame.width
        height = frame.height
        isWhole = shown.map { $0.width != frame.width || $0.height != frame.height } ?? true
        changes = frame.changedPositions(since: isWhole ? nil : shown).compactMap { point in
            let cell = frame[point.x, point.y]
            return cell.isContinuation ? nil : Change(x: point.x, y: point.y, cell: cell)
        }
        cursor = frame.cursor
    }
}
