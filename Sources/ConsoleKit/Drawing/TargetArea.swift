/// A rectangle of the frame and what it shows.
public struct TargetArea: Equatable, Sendable {
    public let rect: Rect
    public let target: Target
}
