/// A rectangle of cells.
struct Rect: Equatable, Sendable {
    var x, y, width, height: Int
    var right: Int { x + width }
    var bottom: Int { y + height }
}
