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
    /// Where the cursor goes (a text field being edited), or nil to hide it.
    public let cursor: Point?
    /// The frame's cells, row by row: the frame's own storage, not a copy.
    private let cells: [Cell]
    /// The indices in `cells` of the cells that changed, in order; nil: all of them. A
    /// whole frame makes no list: the first frame's 3,000 cells were a list of a quarter
    /// of a megabyte, built, read once and freed.
    private let changed: [Int]?

    /// The update that turns `shown` (nil: unknown) into `frame`.
    init(from shown: CellBuffer?, to frame: CellBuffer) {
        width = frame.width
        height = frame.height
        isWhole = shown.map { $0.width != frame.width || $0.height != frame.height } ?? true
        cells = frame.cells
        let width = frame.width
        changed = isWhole ? nil : frame.changedPositions(since: shown).map { $0.y * width + $0.x }
        cursor = frame.cursor
    }

    /// The cells to write, row by row; the right halves of wide characters are left out
    /// (writing the character fills them). Read as they are walked, not made into a list.
    public var changes: Changes { Changes(cells: cells, changed: changed, width: width) }

    public struct Changes: Sequence, Sendable {
        let cells: [Cell]
        let changed: [Int]?
        let width: Int

        public func makeIterator() -> Iterator { Iterator(changes: self) }

        public struct Iterator: IteratorProtocol {
            let changes: Changes
            var position = 0

            public mutating func next() -> Change? {
                while true {
                    let i: Int
                    if let changed = changes.changed {
                        guard position < changed.count else { return nil }
                        i = changed[position]
                    } else {
                        guard position < changes.cells.count else { return nil }
                        i = position
                    }
                    position += 1
                    let cell = changes.cells[i]
                    if !cell.isContinuation { return Change(x: i % changes.width, y: i / changes.width, cell: cell) }
                }
            }
        }
    }
}
