/// One terminal cell. A wide character fills its first cell; the cell after it holds
/// `continuation` so the backend knows to skip it.
public struct Cell: Equatable, Sendable {
    /// One grapheme, or "" for the right half of a wide character.
    public var text: String
    public var style: Style

    static let blank = Cell(text: " ", style: .normal)
    public var isContinuation: Bool { text.isEmpty }
}
