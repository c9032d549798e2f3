import SettingsKit

/// Everything the console shows, in one value. The reducer (`handle(_ event:)`, Update/)
/// is the only thing that changes it; the renderer only reads it.
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

    public internal(set) var screen: Screen = .step(.instance)
    /// Index of the focused row: a form row, or a finding on Review.
    public internal(set) var focus: Int = 0
    /// The focused text row's text while it has focus.
    public internal(set) var editor: LineEditor?
    /// The secret is shown in clear only while this is on (Ctrl-R, never in read-only).
    public internal(set) var revealSecret = false
    public internal(set) var overlay: Overlay?
    public internal(set) var status: StatusMessage?
    /// The terminal size last reported (`Event.resized`); help scrolling is clamped to it.
    public private(set) var width = Layout.fullWidth
    public private(set) var height = Layout.fullHeight
    /// Someone else saved the file since it was loaded or saved here (the session looks
    /// about once a second); the title says so before the operator's save runs into it.
    public private(set) var changedOnDisk = false
    /// The edits came from FILE.recovered.json, which is still there: a save or a quit
    /// that drops them removes it (the reducer asks for that), anything else keeps it.
    public internal(set) var restoredRecovery = false
    /// The operator chose to quit once the save (or the recovery file's removal) that is
    /// under way has worked: the result's event then ends the console.
    public internal(set) var quitting = false
    /// Confirmed edits, for undo (Ctrl-_) and redo (Ctrl-Y).
    public internal(set) var history = EditHistory()
    /// The scope checklist's `/` filter, while one is typed or kept.
    public internal(set) var scopeFilter: ScopeFilter?

    /// `recovery`: edits an earlier session kept when its terminal went away; the console
    /// opens with the offer to restore them (never in read-only, where nothing is edited).
    /// `notice`: the first status line (say, a recovery file that cannot be used).
    public init(
        path: String, settings: Settings, fileMode: UInt32?, readOnly: Bool, recovery: RecoveryFile.Pending? = nil,
        notice: StatusMessage? = nil
    ) {
        self.path = path
        self.readOnly = readOnly
        self.settings = settings
        self.saved = settings
        self.fileMode = fileMode
        self.report = Readiness.evaluate(settings, fileMode: fileMode)
        if let recovery, !readOnly { overlay = .restore(recovery) }
        status = notice
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

    /// The file name without its folder, for the title line and messages, its controls
    /// and bytes that are not UTF-8 shown escaped.
    public var fileName: String { SystemIO.baseName(of: path).displayEscaped }

    /// The unsaved edits as `key: old → new` lines' changes, the secret only as changed:
    /// what the quit and save dialogs list before anything is written.
    public var pendingChanges: [Change] {
        guard let unsaved = unsavedSettings else { return [] }
        return SettingsDiff.compare(saved, unsaved)
    }

    /// A development instance whose connection is enabled needs nothing more: its other
    /// blockers are what production would need, and are shown as such, not as red marks.
    public var onlyProductionLeft: Bool {
        report.environment == "development" && report.readyForDevelopment
    }

    // MARK: Changes only the reducer makes (Update/)

    /// Every change to the settings goes through here; `recording` (all but undo and
    /// redo themselves) keeps it in the history, with the row it was made on.
    mutating func update(recording: Bool = true, _ change: (inout Settings) -> Void) {
        var copy = settings
        change(&copy)
        guard copy != settings else { return }
        if recording { history.record(.init(before: settings, after: copy, screen: screen, focus: focus)) }
        settings = copy
        report = Readiness.evaluate(settings, fileMode: fileMode)
    }

    /// The settings as now on disk become the base (and, when `replacingEdits`, also what
    /// is shown): after a save, a merge or a reload.
    mutating func takeFromDisk(_ settings: Settings, fileMode: UInt32?, replacingEdits: Bool) {
        if replacingEdits { self.settings = settings }
        saved = settings
        self.fileMode = fileMode
        report = Readiness.evaluate(self.settings, fileMode: fileMode)
        changedOnDisk = false
    }

    mutating func setSize(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    mutating func setChangedOnDisk(_ changed: Bool) { changedOnDisk = changed }

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
