import SettingsKit

/// A one-line message on the status line, e.g. "Saved" or why a save failed.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}

/// Everything the console shows, in one value. The reducer (ConsoleState+Keys) is the
/// only thing that changes it; the renderer only reads it.
public struct ConsoleState: Equatable, Sendable {
    public let path: String
    public let readOnly: Bool
    /// The settings as edited so far (committed field edits included).
    public private(set) var settings: Settings
    /// The settings as last loaded or saved: the unsaved marker compares against this.
    public private(set) var saved: Settings
    /// Permission bits of the file on disk, for the readable-by-others warning.
    public private(set) var fileMode: UInt32?
    /// Readiness of `settings`, recomputed whenever they change.
    public private(set) var report: Report

    public internal(set) var screen: Screen = .instance
    /// Index of the focused row: a form row, or a finding on Review.
    public internal(set) var focus: Int = 0
    /// The focused text row's text while it has focus.
    public internal(set) var editor: LineEditor?
    /// The secret is shown in clear only while this is on (Ctrl-R, never in read-only).
    public internal(set) var revealSecret = false
    public internal(set) var overlay: Overlay?
    public internal(set) var status: StatusMessage?
    /// The terminal size the run loop last reported; help scrolling is clamped to it.
    public private(set) var width = Layout.fullWidth
    public private(set) var height = Layout.fullHeight
    /// Someone else saved the file since it was loaded or saved here (the run loop looks
    /// about once a second); the title says so before the operator's save runs into it.
    public private(set) var changedOnDisk = false
    /// The edits came from FILE.recovered.json, which is still there: a save or a quit
    /// that drops them removes it (the run loop does), anything else keeps it.
    public internal(set) var restoredRecovery = false

    /// `recovery`: edits an earlier session kept when its terminal went away; the console
    /// opens with the offer to restore them (never in read-only, where nothing is edited).
    public init(path: String, settings: Settings, fileMode: UInt32?, readOnly: Bool, recovery: RecoveryOffer? = nil) {
        self.path = path
        self.readOnly = readOnly
        self.settings = settings
        self.saved = settings
        self.fileMode = fileMode
        self.report = Readiness.evaluate(settings, fileMode: fileMode)
        if let recovery, !readOnly { overlay = .restore(recovery) }
        openEditor()
    }

    /// Unsaved changes, counting text typed into the focused field but not yet confirmed.
    public var isDirty: Bool { settings != saved || (editor?.isChanged ?? false) }

    /// The settings with every unsaved edit, the text being typed included; nil when there
    /// is nothing unsaved. What the run loop keeps in FILE.recovered.json on a hangup.
    public var unsavedSettings: Settings? {
        guard isDirty, !readOnly else { return nil }
        var copy = self
        copy.commitEditor()
        return copy.settings
    }

    public var items: [FormItem] { Forms.items(for: screen) }

    /// Review's list: blockers first, then warnings, then notes, each in step order.
    public var reviewFindings: [Finding] {
        report.blockers + report.warnings + report.notes
    }

    public var focusedItem: FormItem? {
        let items = self.items
        return items.indices.contains(focus) ? items[focus] : nil
    }

    /// The file name without its folder, for the title line.
    public var fileName: String { Self.fileName(of: path) }

    /// A path's last part, as the console names files (the recovery file too).
    public static func fileName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    // MARK: Changes the reducer and the run loop make

    /// The run loop reports the terminal's size (at start and on every resize).
    public mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        if case .help(let scroll) = overlay { overlay = .help(scroll: min(scroll, HelpView.maxScroll(self))) }
    }

    mutating func update(_ change: (inout Settings) -> Void) {
        var copy = settings
        change(&copy)
        guard copy != settings else { return }
        settings = copy
        report = Readiness.evaluate(settings, fileMode: fileMode)
    }

    /// The run loop reports a finished save: the saved file is the new base. `merged`: the
    /// settings as saved when the save kept changes someone else made on disk meanwhile.
    public mutating func saveSucceeded(fileMode: UInt32?, merged: Settings? = nil) {
        if let merged { settings = merged }
        saved = settings
        self.fileMode = fileMode
        report = Readiness.evaluate(settings, fileMode: fileMode)
        // The new mode can clear a finding (readable by others), and Review's rows are
        // the findings: keep focus on one of them.
        focus = max(0, min(focus, focusCount - 1))
        changedOnDisk = false
        status = StatusMessage("Saved \(fileName)")
    }

    /// The run loop reports a failed save; the edits stay, so saving can be retried. A
    /// conflict (someone else saved meanwhile) opens the Reload / Overwrite / Cancel dialog:
    /// the console never overwrites another save without asking.
    public mutating func saveFailed(_ message: String, conflict: Bool) {
        let quitting = overlay == .quitConfirm
        overlay = nil
        if conflict {
            changedOnDisk = true
            overlay = .conflict(thenQuit: quitting)
            status = nil
        } else {
            status = StatusMessage(message, isError: true)
        }
    }

    /// The run loop reports the file as it is on disk now: it replaces the edits (Reload),
    /// or, `automatically`, the settings shown while nothing was unsaved.
    public mutating func reloaded(_ settings: Settings, fileMode: UInt32?, automatically: Bool = false) {
        self.settings = settings
        saved = settings
        self.fileMode = fileMode
        report = Readiness.evaluate(settings, fileMode: fileMode)
        changedOnDisk = false
        revealSecret = false
        focus = min(focus, max(0, focusCount - 1))
        openEditor()
        status = StatusMessage(automatically ? "Reloaded \(fileName): it was changed on disk" : "Reloaded \(fileName) from disk")
    }

    /// The run loop's look at the file on disk, about once a second.
    public mutating func noticeChangedOnDisk(_ changed: Bool) {
        changedOnDisk = changed
    }

    /// A message from the run loop (a failed reload, a recovery file it could not use).
    public mutating func say(_ message: StatusMessage) {
        status = message
    }

    /// The run loop removed FILE.recovered.json after the restored edits were saved or dropped.
    public mutating func recoveryDiscarded() {
        restoredRecovery = false
    }

    /// Gives the focused text row an editor holding its current value.
    mutating func openEditor() {
        if !readOnly, let item = focusedItem, item.isTextEntry {
            editor = LineEditor(FormValues.text(of: item, in: settings))
        } else {
            editor = nil
        }
    }

    /// Writes the editor's text into the settings if it changed.
    mutating func commitEditor() {
        guard let editor, let item = focusedItem else { return }
        if editor.isChanged {
            update { FormValues.setText(editor.text, of: item, in: &$0) }
        }
        openEditor()
    }
}
