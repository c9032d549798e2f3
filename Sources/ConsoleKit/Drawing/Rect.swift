/// A rectangle of cells.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public var right: Int { x + width }
    public var bottom: Int { y + height }
}
