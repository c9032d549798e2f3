/// A session's reducer, as the effect runner drives it: the console's and plain mode's.
public protocol EventHandling {
    /// One event in; the state changed; at most one effect out.
    mutating func handle(_ event: Event) -> Effect?
}
