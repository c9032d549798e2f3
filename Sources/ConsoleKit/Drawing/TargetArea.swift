/// A rectangle of the frame and what it shows.
struct TargetArea: Equatable, Sendable {
    let rect: Rect
    let target: Target
}
