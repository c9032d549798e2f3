import LiveKit
import SettingsKit

/// Everything the console shows, in one value: the file being edited (`edit`, the
/// `EditSession` plain mode holds too) and what the screen adds to it (which screen and
/// row, the text being typed, the dialogs of its own, the size). The reducer
/// (`handle(_ event:)`, Update/) is the only thing that changes it; the renderer only
/// reads it.
public struct ConsoleState: Equatable, Sendable {
    /// The file, its edits, the save flow and the recovery: shared with plain mode.
    var edit: EditSession

    var screen: Screen = .step(.instance)
    /// Index of the focused row: a form row, or a finding on Review.
    var focus: Int = 0
    /// The focused text row's text while it has focus.
    var editor: LineEditor?
    /// The secret is shown in clear only while this is on (Ctrl-R, never in read-only).
    var revealSecret = false
    /// Help, the quit dialog or the list of changes: the console's own dialogs. The save
    /// flow's and the recovery offer's come from `edit` (see `overlay`).
    var panel: Overlay?
    var status: StatusMessage?
    /// The terminal size last reported (`Event.resized`); help scrolling is clamped to it.
    private(set) var width = Layout.fullWidth
    private(set) var height = Layout.fullHeight
    /// The scope checklist's `/` filter, while one is typed or kept.
    var scopeFilter: ScopeFilter?
    /// Clicks and the wheel reach the console; off (F4), the terminal's own selection works.
    var mouseCapture = true
    /// How far the open dialog's list (the changes, the recovered edits) is scrolled.
    var dialogScroll = 0
    /// Letters typed on a choice so far, to pick the value they begin (`dev`, `shar`).
    var choicePrefix = ""
    /// What the screen masks: built when the secrets change, not for every frame.
    private(set) var mask: SecretMask
    /// Review's live actions: the Platform API key, the job under way, the last test's findings.
    var live = LiveState()
    /// Opened from the fleet list: quitting (Esc where nothing is typed, Ctrl-Q) goes back to it.
    var inFleet = false

    /// `notice`: the first status line (say, a recovery file that cannot be used).
    /// `platformKey`: the key Review's live actions use (else they ask for one).
    public init(_ edit: EditSession, notice: StatusMessage? = nil, platformKey: PlatformKey? = nil) {
        self.edit = edit
        self.mask = SecretMask(secrets: edit.secrets)
        live.key = platformKey
        status = notice
        openEditor()
        refreshMask()
    }

    var path: String { edit.path }
    var readOnly: Bool { edit.readOnly }
    /// The settings as edited so far (committed field edits included).
    var settings: Settings { edit.settings }
    /// Readiness of `settings`.
    var report: Report { edit.report }
    var fileName: String { edit.fileName }

    /// What sits on top of the form: a decision the file waits for (a save's conflicts,
    /// recovered edits to restore), else the console's own dialog, if any.
    var overlay: Overlay? {
        if let conflicts = edit.conflicts { return .conflict(conflicts) }
        if let offer = edit.recoveryOffer { return .restore(offer) }
        return panel
    }

    /// Unsaved changes, counting text typed into the focused field but not yet confirmed.
    var isDirty: Bool { edit.isDirty || (editor?.isChanged ?? false) }

    /// The settings with every unsaved edit, the text being typed included.
    var edited: Settings {
        var copy = self
        copy.commitEditor()
        return copy.edit.settings
    }

    var items: [FormItem] { Forms.items(for: screen) }

    /// Review's list: blockers first, then warnings, then notes, each in step order; then
    /// the last live test's findings.
    var reviewFindings: [Finding] {
        report.blockers + report.warnings + report.notes + live.findings
    }

    var focusedItem: FormItem? {
        let items = self.items
        return items.indices.contains(focus) ? items[focus] : nil
    }

    /// The unsaved edits as `key: old → new` lines' changes, the secret only as changed:
    /// what the quit and save dialogs list before anything is written.
    var pendingChanges: [Change] {
        isDirty && !readOnly ? edit.changes(to: edited) : []
    }

    /// A development instance whose connection is enabled needs nothing more: its other
    /// blockers are what production would need (`Verdict`), and are shown as such.
    var onlyProductionLeft: Bool {
        report.namedEnvironment == .development && report.readyForDevelopment
    }

    // MARK: Changes only the reducer makes (Update/)

    /// Every edit goes through here, recorded for undo with the row it was made on.
    mutating func update(_ change: (inout Settings) -> Void) {
        edit.update(at: EditHistory.Place(screen: screen, focus: focus), change)
    }

    mutating func setSize(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Gives the focused text row an editor holding its current value.
    mutating func openEditor() {
        choicePrefix = ""
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

    /// The secret being typed into its field, before it is confirmed: masked like the
    /// others wherever it shows.
    var typedSecret: String? {
        guard let editor, focusedItem?.isSecret == true, editor.isChanged else { return nil }
        return editor.text
    }

    /// Builds the mask again when the secrets it masks changed (a confirmed edit, a load,
    /// a key typed into the secret field), and only then.
    mutating func refreshMask() {
        let secrets = edit.secrets + (typedSecret.map { [$0] } ?? []) + liveSecrets
        if secrets != mask.secrets { mask = SecretMask(secrets: secrets) }
    }
}
