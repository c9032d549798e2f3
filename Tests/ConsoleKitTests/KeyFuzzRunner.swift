import TestSupport
@testable import ConsoleKit
import Foundation
import LiveKit
@testable import SettingsKit

/// Plays a `KeyFuzzCase` through the real `ConsoleSession` (its loop, its one place that
/// decides what an input is, its effect runner, its frame diff) over a terminal that
/// gives one key per turn (`KeyFuzzTerminal`) and a disk in memory (`KeyFuzzDisk`).
/// Checked after every turn:
/// - effects come only from their keys: quit(130) from Ctrl-C; quit(0) from Ctrl-Q / F10,
///   or n in the quit dialog; a save from Ctrl-S / F2 outside dialogs, y in the quit or
///   changes dialog, and with choices only from the merge dialog's save; a reload only
///   from r in the merge dialog (or the disk check, with nothing unsaved); dropping
///   recovered edits from d in the restore dialog or a quit with restored edits; a
///   repaint from Ctrl-L, a suspend from Ctrl-Z; clicks on the key bar or a dialog's
///   choices press those keys;
/// - a paste never acts as a command, a resize changes only the size;
/// - an escape sequence types nothing (only the keypad's characters come out of one), and
///   a key the console ignores (an unknown sequence, Alt with a letter) changes nothing;
/// - read-only never edits, saves, reveals the secret or opens a dialog but help;
/// - focus is on a row, help scrolls within its text, reveal is on only on a text row
///   being edited;
/// - the frame has the size the state knows, the cursor inside it, no control code in any
///   cell, wide characters paired with their right halves, and the terminal's screen as
///   the frame updates left it is the frame itself;
/// - the secret is drawn only while revealed (on the focused row, with no dialog open);
/// - no turn takes long (the suite bounds `slowest`).
/// Traps are checked too, by the process surviving.
struct KeyFuzzRunner {
    /// In every start but the empty one; long and unlike anything the generator types.
    static let secret = "FUZZ-s3cret-Qz7Wx9Kp2Lm8Vn4Rt6Yb1Hj5"
    /// Pieces of the secret that must not be drawn: any 11 characters of it in a row
    /// contain one of these.
    static let secretPieces: [String] = [secret, String(secret.reversed())].flatMap { secret in
        let s = Array(secret)
        return stride(from: 0, through: s.count - 8, by: 4).map { String(s[$0..<$0 + 8]) }
    }

    static let secretBytes = secretPieces.map { Array($0.utf8) }

    static func settings(_ start: KeyFuzzCase.Start) -> Settings {
        var settings: Settings
        switch start {
        case .empty: return Settings()
        case .secretOnly: settings = Settings()
        case .acmeProd, .acmeStaging:
            let text = Repository.text("Resources/examples/\(start.rawValue).json")
            settings = try! SettingsStore.decode(Array(text.utf8), path: "\(start.rawValue).json")
        }
        settings.setText("connection.clientSecret", secret)
        return settings
    }

    /// A case ends after this many keys. Each key costs up to milliseconds in a debug build
    /// when a field holds a paste of 64K characters, and a mutated case can hold Enter for
    /// 65,000 presses: without a bound one case took two minutes and the run found nothing.
    static let keyLimit = 10_000

    /// What went wrong, empty when nothing did.
    private(set) var failures: [String] = []
    private(set) var keys = 0, frames = 0, effects = 0, clicks = 0, resizes = 0
    /// Effects by kind, so a run shows which dialogs it reached.
    private(set) var effectKinds: [String: Int] = [:]
    /// The longest one turn (a key and its frame) took: a long one freezes the terminal.
    private(set) var slowest: Duration = .zero
    /// What that was, to tell where a slow case spends its time.
    private(set) var slowestWhat = ""
    private let clock = ContinuousClock()
    private let fuzzCase: KeyFuzzCase
    private let disk: KeyFuzzDisk
    private let terminal: KeyFuzzTerminal

    init(_ fuzzCase: KeyFuzzCase) {
        self.fuzzCase = fuzzCase
        let settings = Self.settings(fuzzCase.start)
        disk = KeyFuzzDisk(settings, mode: fuzzCase.fileMode, recovery: Self.recovery(fuzzCase.recovery, settings))
        terminal = KeyFuzzTerminal(fuzzCase, disk: disk)
    }

    /// Kept edits to offer: a renamed instance and another secret, which must stay as
    /// hidden as the first; `fileChangedSince`: made to an older version of the file.
    static func recovery(_ kind: KeyFuzzCase.Recovery, _ settings: Settings) -> RecoveryFile.Pending? {
        guard kind != .none else { return nil }
        var base = settings
        if kind == .fileChangedSince { base.setText("atlassianApp.description", "an older description") }
        var edited = base
        edited.setText("instance.name", "recovered-name")
        edited.setText("connection.clientSecret", String(secret.reversed()))
        return RecoveryFile.Pending(path: KeyFuzzDisk.path + RecoveryFile.suffix, edits: edited, base: base)
    }

    /// Runs the whole case, reopening the console each time it ends, as the operator would;
    /// stops at the first failure.
    static func run(_ fuzzCase: KeyFuzzCase) -> KeyFuzzRunner {
        var runner = KeyFuzzRunner(fuzzCase)
        while runner.failures.isEmpty, !runner.terminal.isDone, runner.keys < keyLimit {
            runner.runOneConsole()
        }
        return runner
    }

    /// One console, from opening the file to its end.
    mutating func runOneConsole() {
        terminal.reopen()
        let opened = try! EditSession.open(KeyFuzzDisk.path, readOnly: fuzzCase.readOnly, files: disk).get()
        var session = ConsoleSession(
            state: ConsoleState(opened.session, notice: opened.notice), backend: terminal, files: disk, diskCheckInterval: .zero)
        if session.start() != nil { return }
        check(session)
        while failures.isEmpty, keys < Self.keyLimit {
            let before = session.state
            let frameBefore = session.frame
            terminal.beginTurn()
            let began = clock.now
            let code = session.turn()
            timed(since: began, session.state)
            let keys = terminal.turnKeys
            self.keys += keys.count
            for key in keys {
                if case .mouse(let mouse) = key, case .press(button: 0) = mouse.kind, frameBefore?.target(atX: mouse.x, y: mouse.y) != nil {
                    clicks += 1
                }
                if key == .resize { resizes += 1 }
            }
            for (event, effect) in session.lastTurn {
                effects += 1
                effectKinds[String(describing: effect).prefix(while: { $0 != "(" }).description, default: 0] += 1
                check(event, effect, before: before)
            }
            // A turn with someone else's save shown (the disk's news) changes the settings.
            let reloaded = session.lastTurn.contains {
                if case .reload = $0.effect { return true }; return false
            }
            if keys.count == 1, !reloaded { check(key: keys[0], before: before, after: session.state, effects: session.lastTurn.map(\.effect)) }
            // An escape sequence types nothing: only the keypad's characters come out of one.
            if case .char(let c)? = keys.last, let first = terminal.firstRead, [.character(27), .character(0x9B), .character(0x8F)].contains(first),
                !"*+,-./0123456789=".contains(c)
            {
                fail("an escape sequence typed \(c)")
            }
            if code != nil { return }
            check(session)
            if !failures.isEmpty { failures[0] = "step \(terminal.stepsTaken) (\(String(describing: keys.last))): " + failures[0] }
        }
    }

    mutating func timed(since began: ContinuousClock.Instant, _ state: ConsoleState) {
        let took = clock.now - began
        guard took > slowest else { return }
        slowest = took
        slowestWhat =
            "turn with \(terminal.turnKeys.count) keys, the last \(String(describing: terminal.turnKeys.last).prefix(40)) on \(state.screen), focus \(state.focus), overlay \(String(describing: state.overlay)), "
            + "editing \(state.editor?.characters.count ?? -1) characters, \(state.width)x\(state.height)"
    }

    mutating func fail(_ message: String) {
        failures.append(message)
    }

    // MARK: Checks

    /// An effect the session asked for: only from its key (or from the disk's news).
    mutating func check(_ event: Event, _ effect: Effect, before: ConsoleState) {
        switch event {
        case .key(let key):
            if !Self.allowed(effect, from: key, in: before.overlay) { fail("\(effect) from \(key) with \(String(describing: before.overlay)) open") }
        case .clicked(.key(let key)):
            if !Self.allowed(effect, from: key, in: before.overlay) {
                fail("\(effect) from a click on \(key) with \(String(describing: before.overlay)) open")
            }
        case .diskChecked:
            if effect != .reload(path: KeyFuzzDisk.path, base: before.edit.base, automatically: true) || before.isDirty {
                fail("\(effect) from a look at the disk")
            }
        case .stopRequested(.hangUp):
            break
        default:
            fail("\(effect) from \(event)")
        }
        if case .copyToClipboard(let text) = effect,
            let found = Array(text.utf8).withUnsafeBufferPointer({ copied in Self.secretBytes.firstIndex { copied.firstOffset(of: $0) != nil } })
        {
            fail("the clipboard was given \"\(Self.secretPieces[found])\" of the secret")
        }
        if fuzzCase.readOnly,
            ![.quit(0), .quit(129), .quit(130), .redraw, .suspend, .setMouseCapture(false), .setMouseCapture(true)].contains(effect),
            !Self.isAutomaticReload(effect), !Self.isCopy(effect), !Self.onlyReads(effect)
        {
            fail("read-only asked for \(effect)")
        }
    }

    static func isCopy(_ effect: Effect) -> Bool {
        if case .copyToClipboard = effect { return true }
        return false
    }

    static func isKeyPrompt(_ overlay: Overlay?) -> Bool {
        if case .live(.keyPrompt)? = overlay { return true }
        return false
    }

    static func isAutomaticReload(_ effect: Effect) -> Bool {
        if case .reload(_, _, automatically: true) = effect { return true }
        return false
    }

    /// What one key may do: a paste is never a command, read-only never an edit, a
    /// resize only the size, an ignored key nothing.
    mutating func check(key: Key, before: ConsoleState, after state: ConsoleState, effects: [Effect]) {
        if fuzzCase.readOnly {
            if state.settings != before.settings { fail("read-only changed the settings") }
            if state.editor != nil || state.revealSecret { fail("read-only opened an editor or the secret") }
            switch state.overlay {
            case nil, .help?: break
            default: fail("read-only opened \(String(describing: state.overlay))")
            }
        }
        // Pasted into the scope filter, text may move focus to the first scope it matches;
        // pasted at the Platform API key's prompt, it is the prompt's text (its dialog's value).
        let filtering = before.scopeFilter?.isEditing == true && before.screen == .permissions
        let typingKey = Self.isKeyPrompt(before.overlay) && Self.isKeyPrompt(state.overlay)
        if case .paste = key,
            !effects.isEmpty || state.screen != before.screen || (state.focus != before.focus && !filtering)
                || (state.overlay != before.overlay && !typingKey)
        {
            fail("a paste acted as a command")
        }
        if key == .resize,
            effects.contains(where: {
                if case .save = $0 { return true }; return false
            })
                || state.settings != before.settings || state.focus != before.focus
        {
            fail("a resize changed more than the size")
        }
        if key.isIgnored, !effects.isEmpty || state.settings != before.settings || state.overlay != before.overlay || state.focus != before.focus {
            fail("\(key), which the console ignores, changed it")
        }
    }

    /// Which key may ask for which effect, with what open.
    static func allowed(_ effect: Effect, from key: Key, in overlay: Overlay?) -> Bool {
        let outsideDialogs =
            overlay == nil
            || {
                if case .help = overlay { return true }; return false
            }()
        let inMerge = {
            if case .conflict = overlay { return true }; return false
        }()
        // q quits where no text is typed (elsewhere it is a letter typed, no effect).
        let quitKeys: [Key] =
            overlay == .quitConfirm
            ? [.char("n"), .char("N")]
            : overlay == nil ? [.ctrl("q"), .function(10), .char("q")] : outsideDialogs ? [.ctrl("q"), .function(10)] : []
        switch effect {
        case .quit(130): return key == .ctrl("c")
        case .redraw: return key == .ctrl("l")
        case .suspend: return key == .ctrl("z")
        case .quit(0): return quitKeys.contains(key)
        case .save(let request) where request.choices == .none:
            if overlay == .quitConfirm { return [.char("y"), .char("Y")].contains(key) }
            if overlay == .changes { return [.char("y"), .char("Y"), .ctrl("s"), .function(2)].contains(key) }
            return outsideDialogs && [.ctrl("s"), .function(2)].contains(key)
        case .save: return inMerge && [.enter, .char("s"), .ctrl("s")].contains(key)
        case .reload(_, _, automatically: false): return inMerge && [.char("r"), .char("R")].contains(key)
        case .discardRecovery:
            if case .restore? = overlay { return [.char("d"), .char("D")].contains(key) }
            return quitKeys.contains(key)
        case .start(let job):
            // Review's live actions: t and p, Enter at the key prompt, y in the push dialog.
            guard job.work is LiveWork else { return false }
            if case .live(.keyPrompt)? = overlay { return key == .enter }
            if case .live(.pushConfirm)? = overlay { return [.char("y"), .char("Y")].contains(key) }
            return overlay == nil && [.char("t"), .char("T"), .char("p"), .char("P")].contains(key)
        case .cancel: return overlay == nil && key == .escape
        case .copyToClipboard: return overlay == nil && [.char("y"), .ctrl("o")].contains(key)
        case .setMouseCapture: return overlay == nil && key == .function(4)
        case .quit, .reload, .keepRecovery, .openFile, .all: return false
        }
    }

    /// A live test (or stopping one) reads the instance and writes nothing: read-only may.
    static func onlyReads(_ effect: Effect) -> Bool {
        switch effect {
        case .start(let job): return (job.work as? LiveWork).map { if case .verify = $0.task { true } else { false } } ?? false
        case .cancel: return true
        default: return false
        }
    }

    /// What holds between any two turns: the state, and the frame on the terminal.
    mutating func check(_ session: ConsoleSession<ConsoleState, KeyFuzzTerminal, KeyFuzzDisk>) {
        let state = session.state
        let count = state.focusCount
        if state.focus < 0 || (count == 0 ? state.focus != 0 : state.focus >= count) {
            fail("focus \(state.focus) outside \(count) rows on \(state.screen)")
        }
        if case .help(let scroll)? = state.overlay, scroll < 0 || scroll > HelpText.maxScroll(state) {
            fail("help scrolled to \(scroll), past \(HelpText.maxScroll(state))")
        }
        if state.revealSecret && (state.editor == nil || state.readOnly) {
            fail("reveal on with no text being edited, on \(String(describing: state.focusedItem))")
        }
        // The frame is checked when one was drawn: an idle turn draws none.
        guard failures.isEmpty, let buffer = session.frame, terminal.draws > frames else { return }
        frames = terminal.draws
        let (w, h) = (max(0, state.width), max(0, state.height))
        if buffer.width != w || buffer.height != h || buffer.cells.count != w * h {
            fail("a \(state.width)x\(state.height) frame is \(buffer.width)x\(buffer.height) with \(buffer.cells.count) cells")
            return
        }
        if terminal.screen?.cells != buffer.cells || terminal.screen?.cursor != buffer.cursor {
            fail("the terminal's screen is not the frame: the frame updates lost a change")
        }
        if let cursor = buffer.cursor, !(0..<w).contains(cursor.x) || !(0..<h).contains(cursor.y) {
            fail("cursor at \(cursor) outside the \(w)x\(h) frame")
        }
        checkCells(buffer, changed: terminal.lastUpdate)
        let shown = state.revealSecret && state.overlay == nil
        if !shown {
            // The cells in a row, rows one after the other: a piece cut by a row's end would
            // only be found more often.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(buffer.cells.count)
            for cell in buffer.cells { bytes += cell.text.utf8 }
            let found = bytes.withUnsafeBufferPointer { cells in Self.secretBytes.firstIndex { cells.firstOffset(of: $0) != nil } }
            if let found { fail("the frame shows \"\(Self.secretPieces[found])\" of the secret:\n\(buffer.text)") }
        }
    }

    /// No control code reaches the terminal; wide characters and their right halves pair up.
    /// Only around the cells the frame changed (a wide character's halves are neighbours):
    /// the others were checked in an earlier frame, and the terminal's screen, checked to
    /// be the frame, shows that the unchanged ones are still what they were.
    mutating func checkCells(_ buffer: CellBuffer, changed update: FrameUpdate?) {
        var positions: [(x: Int, y: Int)] = []
        if let update, !update.isWhole {
            for change in update.changes { positions += (-1...1).map { (change.x + $0, change.y) } }
        } else {
            for y in 0..<buffer.height { for x in 0..<buffer.width { positions.append((x, y)) } }
        }
        for (x, y) in positions where (0..<buffer.width).contains(x) && (0..<buffer.height).contains(y) {
            let cell = buffer[x, y]
            // Most cells are one printable ASCII byte: nothing to check, and cheap to see.
            if cell.text.utf8.count == 1, let byte = cell.text.utf8.first, byte >= 0x20, byte != 0x7F { continue }
            if cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
                fail("control code in the cell at \(x),\(y): \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
                return
            }
            if cell.isContinuation {
                if x == 0 || buffer[x - 1, y].isContinuation || DisplayWidth.of(buffer[x - 1, y].text) != 2 {
                    fail("a right half with no wide character before it at \(x),\(y)")
                    return
                }
            } else if DisplayWidth.of(cell.text) == 2, x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation {
                fail("a wide character with no right half at \(x),\(y)")
                return
            }
        }
    }
}
