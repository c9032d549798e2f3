import SettingsKit

/// What sits on top of the form. Each dialog takes its own keys until it closes.
public enum Overlay: Equatable, Sendable {
    /// The screen's help text, scrolled down by `scroll` lines.
    case help(scroll: Int)
    /// Save / Discard / Cancel before quitting with unsaved changes.
    case quitConfirm
    /// A save found the file changed on disk: Reload / Overwrite / Cancel. `thenQuit`: the
    /// save came from the quit dialog, so a successful overwrite also quits.
    case conflict(thenQuit: Bool)
    /// Edits an earlier session kept in FILE.recovered.json: Restore / Discard / Later.
    case restore(RecoveryOffer)
}

/// Unsaved edits found in FILE.recovered.json at launch, offered back to the operator.
public struct RecoveryOffer: Equatable, Sendable {
    public let settings: Settings
    /// FILE was saved after the edits were kept: restoring and saving replaces that save.
    public let fileChangedSince: Bool
    /// FILE.recovered.json's name without its folder, for the dialog.
    public let fileName: String

    public init(settings: Settings, fileChangedSince: Bool, fileName: String) {
        self.settings = settings
        self.fileChangedSince = fileChangedSince
        self.fileName = fileName
    }
}
