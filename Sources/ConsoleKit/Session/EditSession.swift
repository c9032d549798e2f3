import SettingsKit

/// One settings file being edited, whatever shows it: the file as loaded, the settings as
/// edited and their readiness, the undo history, the save flow (a save that met someone
/// else's save, key by key) and edits recovered from a closed terminal. A pure value:
/// the result of every effect comes back as a call here (the front ends pass their result
/// events on), and every decision that touches the outside world goes out as an `Effect`.
///
/// The console (`ConsoleState`) and plain mode (`PlainSession`) each hold one and add only
/// what their screen needs, as Bubble Tea's parent models hold a child's model; a fleet
/// list can hold one for the file it opened and drop it when the operator goes back.
public struct EditSession: Equatable, Sendable {
    let path: String
    let readOnly: Bool
    /// The file as last loaded or saved; nil while it is not on disk (the first save
    /// creates it). What is on disk is compared with it to notice someone else's save.
    var base: LoadedFile?
    /// What the edits were made to: `base`'s settings, or, after restoring recovered
    /// edits, the version of the file those were made to, so that a save merges them
    /// with what was saved since. The unsaved marker and the list of changes compare
    /// against it.
    var saved: Settings
    /// The settings as edited so far.
    var settings: Settings
    /// Readiness of `settings`, recomputed whenever they change.
    var report: Report
    /// Confirmed edits, for undo and redo (the console's; plain mode records none).
    var history = EditHistory()
    /// Someone else saved the file since `base` (the front end looks about once a
    /// second), or the restored edits were made to an older version of it.
    var changedOnDisk = false
    /// `saved` is an older version than `base` (restored edits): a save merges.
    var savedIsOlderThanBase = false
    /// A save that stopped at keys both changed, or at a file it may not merge with,
    /// until the operator decides.
    var conflicts: SaveConflicts?
    /// Edits an earlier session recovered, offered until the operator restores, discards
    /// or postpones them (never in read-only, where nothing is edited).
    var recoveryOffer: RecoveryFile.Pending?
    /// The edits came from FILE.recovered.json, which is still there: a save or a quit
    /// that drops them removes it, anything else keeps it.
    var restoredRecovery = false
    /// End once the save (or the recovery file's removal) under way has worked.
    var quitting = false
    /// Every secret value this session has seen (in the file, typed, recovered): no
    /// screen, line or message may show any of them.
    var secrets: [String]
    /// Lines for standard error once the terminal is the shell's again.
    public internal(set) var farewell: [String] = []

    /// `base`: FILE as loaded (nil: not there yet). `recovery`: edits an earlier session
    /// kept, to be offered.
    init(path: String, readOnly: Bool, base: LoadedFile?, recovery: RecoveryFile.Pending? = nil) {
        self.path = path
        self.readOnly = readOnly
        self.base = base
        let settings = base?.settings ?? Settings()
        self.saved = settings
        self.settings = settings
        self.report = Readiness.evaluate(settings, fileMode: base?.mode)
        self.recoveryOffer = readOnly ? nil : recovery
        self.secrets = Secret.values(in: settings, recovery?.edits ?? settings)
    }

    /// The version of the file the edits were made to, as a save merges with it and a
    /// recovery file keeps it: `base`, or for restored edits made to an older version,
    /// that version (`saved`) in `base`'s place.
    var editedVersion: LoadedFile? { savedIsOlderThanBase ? base?.holding(saved) : base }

    /// Permission bits of the file on disk, for the readable-by-others finding.
    var fileMode: UInt32? { base?.mode }

    /// The file name without its folder, as titles and messages name it: its controls and
    /// bytes that are not UTF-8 shown escaped.
    public var fileName: String { SystemIO.baseName(of: path).displayEscaped }

    /// Confirmed edits not saved yet (a front end adds the text being typed).
    var isDirty: Bool { settings != saved }

    /// The unsaved changes, `key: old → new` (the secret only as changed).
    func changes(to edited: Settings? = nil) -> [Change] { SettingsDiff.compare(saved, edited ?? settings) }

    /// The report judged for the environment the file names (`Verdict`, the one every
    /// report reads): what counts, and what only production would need.
    public var verdict: Verdict { Verdict(report) }

    /// With nothing to save, ^S says so; a file that is not there yet is created even
    /// empty, and one others may read is saved again to make it 0600.
    var hasNothingToSave: Bool { !isDirty && (base.map { $0.mode & 0o077 == 0 } ?? false) }

    // MARK: Editing

    /// Every change to the settings goes through here. `place`: the screen and row it was
    /// made on, to be undone; nil for what is not an edit of its own (undo, redo).
    mutating func update(at place: EditHistory.Place?, _ change: (inout Settings) -> Void) {
        var copy = settings
        change(&copy)
        guard copy != settings else { return }
        if let place { history.record(.init(before: settings, after: copy, place: place)) }
        settings = copy
        settingsChanged()
    }

    /// A secret typed into a field that is not confirmed yet, as plain mode reads one.
    mutating func noteSecret(_ secret: String) {
        if !secret.isEmpty, !secrets.contains(secret) { secrets.append(secret) }
    }

    mutating func settingsChanged() {
        report = Readiness.evaluate(settings, fileMode: fileMode)
        for secret in Secret.values(in: settings) { noteSecret(secret) }
    }

    /// The file as it is on disk now becomes the base, and what is shown: after a save, a
    /// merge or a reload.
    mutating func take(_ file: LoadedFile) {
        base = file
        saved = file.settings
        settings = file.settings
        savedIsOlderThanBase = false
        changedOnDisk = false
        conflicts = nil
        settingsChanged()
    }
}
