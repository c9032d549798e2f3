import LiveKit
import SettingsKit

/// A live action as a job's work (`Effect.start`): LiveKit's task, the key it may use,
/// and for a push the settings file beside which its history line goes. `LivePerformer`
/// does it.
struct LiveWork: JobWork, Equatable {
    let task: LiveTask
    let key: PlatformKey?
    /// A push's history line (`"via": "push"`) goes into this file's history.
    var historyPath: String? = nil
}

/// What a live job reports, as the payload of `Event.live`.
public enum LiveNews: Equatable, Sendable {
    /// Still at work: the spinner turns.
    case working(Job.ID)
    /// What it came to. `historyError`: a push was written, but its history line could not be.
    case finished(Job.ID, LiveResult, historyError: String?)
}
