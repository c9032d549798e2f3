import LiveKit
import SettingsKit

/// The live actions' dialogs (`Overlay.live`).
enum LiveDialog: Equatable, Sendable {
    /// The Platform API key, asked for without ever showing it.
    case keyPrompt(KeyPrompt)
    /// Clerk's dry run, `remote → file` per key; y writes. `changedThere`: after a 409,
    /// the keys pushed that someone changed at Clerk meanwhile (nil the first time).
    case pushConfirm(PushPlan, changedThere: [String]?)
    /// Not pushed: the credentials step's blockers.
    case pushRefused([Finding])

    /// Where its keys are looked up.
    var keyContext: KeyBinding.Context {
        if case .keyPrompt = self { return .keyPrompt }
        return .pushDialog
    }
}
