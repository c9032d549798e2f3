public struct Point: Equatable, Sendable {
    public var x: Int
    public var y: Int
    init(x: Int, y: Int) { self.x = x; self.y = y }
}
