/// What a frame changes on the terminal: the cells that differ from the frame it shows,
/// worked out by the session (as ratatui's Terminal diffs before its Backend draws), so
/// a backend only copies cells and what one key costs can be measured without one.
public struct FrameUpdate: Equatable, Sendable {
    public struct Change: Equatable, Sendable {
        public let x: Int
        public let y: Int
        public let cell: Cell
    }

    /// Changed cells side by side on one row, from (x, y).
    public struct Run: Equatable, Sendable {
        public let x: Int
        public let y: Int
        public let count: Int
    }

    public let width: Int
    public let height: Int
    /// Every cell is sent: the terminal's screen is unknown or of another size (the first
    /// frame, a resize, a repaint, back from a suspend); a backend clears it first.
    public let isWhole: Bool
    /// Where the cursor goes (a text field being edited), or nil to hide it.
    public let cursor: Point?
    /// The changed cells, row by row (a whole frame: every row). The right halves of wide
    /// characters are in them: a backend skips those (`Cell.isContinuation`), writing the
    /// character fills them.
    public let runs: [Run]
    /// The frame's cells, row by row: the frame's own storage, not a copy. A whole frame
    /// makes no list of its cells: a list of the first frame's cells was built, read once
    /// and freed (its cost: Benchmarks/README.md, "The first frame beside dialog's").
    private let cells: [Cell]

    /// The update that turns `shown` (nil: unknown) into `frame`.
    init(from shown: CellBuffer?, to frame: CellBuffer) {
        let width = frame.width
        self.width = width
        height = frame.height
        isWhole = shown.map { $0.width != frame.width || $0.height != frame.height } ?? true
        cells = frame.cells
        cursor = frame.cursor
        if isWhole {
            runs = width == 0 ? [] : (0..<frame.height).map { Run(x: 0, y: $0, count: width) }
        } else {
            var runs: [Run] = []
            for point in frame.changedPositions(since: shown) {
                if let last = runs.last, last.y == point.y, last.x + last.count == point.x {
                    runs[runs.count - 1] = Run(x: last.x, y: last.y, count: last.count + 1)
                } else {
                    runs.append(Run(x: point.x, y: point.y, count: 1))
                }
            }
            self.runs = runs
        }
    }

    /// The frame's cell at (x, y).
    public subscript(x: Int, y: Int) -> Cell { cells[y * width + x] }

    /// The cells to write, row by row, without the right halves of wide characters.
    public var changes: [Change] {
        var out: [Change] = []
        for run in runs {
            for x in run.x..<run.x + run.count where !self[x, run.y].isContinuation {
                out.append(Change(x: x, y: run.y, cell: self[x, run.y]))
            }
        }
        return out
    }
}
