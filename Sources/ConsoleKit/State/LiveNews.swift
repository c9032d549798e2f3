import LiveKit

/// What a live job reports, as the payload of `Event.live`.
public enum LiveNews: Equatable, Sendable {
    /// Still at work: the spinner turns.
    case working(Job.ID)
    /// What it came to. `historyError`: a push was written, but its history line could not be.
    case finished(Job.ID, LiveResult, historyError: String?)
}
