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
