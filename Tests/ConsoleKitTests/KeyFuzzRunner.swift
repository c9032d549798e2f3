import TestSupport
import ConsoleKit
import Foundation
import SettingsKit

/// Plays a `KeyFuzzCase` the way the session (ConsoleSession) does: raw reads through
/// the decoder, keys through the reducer, effects answered with their result events, a
/// frame rendered after each step that gave keys. Checked after every key and every frame:
/// - effects come only from their keys: quit(130) from Ctrl-C; quit(0) from Ctrl-Q / F10,
///   or n in the quit dialog; a save from Ctrl-S / F2 outside dialogs, y in the quit or
///   changes dialog, and with choices only from the merge dialog's save; a reload only
///   from r in the merge dialog; dropping recovered edits from d in the restore dialog
///   or a quit with restored edits; a repaint from Ctrl-L, a suspend from Ctrl-Z;
/// - a paste never acts as a command, a resize changes only the size;
/// - an escape sequence types nothing (only the keypad's characters come out of one), and
///   a key the console ignores (an unknown sequence, Alt with a letter) changes nothing;
/// - read-only never edits, saves, reveals the secret or opens a dialog but help;
/// - focus is on a row, help scrolls within its text, reveal is on only on a text row
///   being edited; a successful save leaves nothing unsaved;
/// - a frame has the size the state knows, the cursor inside it, no control code in any
///   cell, and wide characters paired with their right halves;
/// - the secret is drawn only while revealed (on the focused row, with no dialog open);
/// - no key and no frame takes long (the suite bounds `slowest`).
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
    private(set) var keys = 0, frames = 0, effects = 0
    /// Effects by kind, so a run shows which dialogs it reached.
    private(set) var effectKinds: [String: Int] = [:]
    /// The longest one key or one frame took: a long one freezes the terminal.
    private(set) var slowest: Duration = .zero
    /// What that was, to tell where a slow case spends its time.
    private(set) var slowestWhat = ""
    private let clock = ContinuousClock()
    private let fuzzCase: KeyFuzzCase
    private var decoder = KeyDecoder(codes: .curses)
    private var state: ConsoleState
    /// The file as last saved: what a reopened console starts from.
    private var onDisk: Settings
    private var terminal: (width: Int, height: Int)
    private var saves = KeyFuzzCase.SaveResult.ok

    init(_ fuzzCase: KeyFuzzCase) {
        self.fuzzCase = fuzzCase
        onDisk = Self.settings(fuzzCase.start)
        terminal = (fuzzCase.width, fuzzCase.height)
        state = ConsoleState(
            path: "/tmp/fuzz.json", settings: onDisk, fileMode: fuzzCase.fileMode, readOnly: fuzzCase.readOnly,
            recovery: Self.recovery(fuzzCase.recovery, onDisk))
        _ = state.handle(.resized(width: terminal.width, height: terminal.height))
    }

    /// Kept edits to offer: a renamed instance and another secret, which must stay as
    /// hidden as the first.
    static func recovery(_ kind: KeyFuzzCase.Recovery, _ settings: Settings) -> RecoveryFile.Pending? {
        guard kind != .none else { return nil }
        var edited = settings
        edited.setText("instance.name", "recovered-name")
        edited.setText("connection.clientSecret", String(secret.reversed()))
        return RecoveryFile.Pending(path: "/tmp/fuzz.json.recovered.json", settings: edited, fileChangedSince: kind == .fileChangedSince)
    }

    /// Runs the whole case; stops at the first failure.
    static func run(_ fuzzCase: KeyFuzzCase) -> KeyFuzzRunner {
        var runner = KeyFuzzRunner(fuzzCase)
        runner.render()
        for (index, step) in fuzzCase.steps.enumerated() where runner.failures.isEmpty && runner.keys < keyLimit {
            let keys = runner.keys
            runner.play(step)
            // The run loop draws after keys, not after reads that gave none (inside a paste).
            if runner.keys > keys { runner.render() }
            if !runner.failures.isEmpty { runner.failures[0] = "step \(index + 1) (\(step)): " + runner.failures[0] }
        }
        return runner
    }

    mutating func play(_ step: KeyFuzzCase.Step) {
        switch step {
        case .raw(let input, let times):
            for _ in 0..<times where failures.isEmpty && keys < Self.keyLimit { read(input) }
        case .resize(let width, let height):
            terminal = (width, height)
            read(.keyCode(KeyCodes.curses.resize))
        case .saves(let result):
            saves = result
        case .diskChanged(let changed):
            // The session's look at the disk: with nothing unsaved the file is shown as it is.
            let dirty = state.isDirty
            send(.diskChecked(changed: changed))
            if changed, !dirty, state.changedOnDisk || state.isDirty { fail("an automatic reload left a mark or unsaved changes") }
            checkState()
        }
    }

    /// One wget_wch, as NcursesBackend.readKey hands it on.
    mutating func read(_ input: RawInput) {
        if let held = decoder.takeHeldKey() { press(held) }
        let inSequence = decoder.isAssembling && !decoder.isCollectingPaste
        guard let key = decoder.decode(input) else { return }
        if inSequence, case .char(let c) = key, !"*+,-./0123456789=".contains(c) { fail("an escape sequence typed \(c)") }
        press(key)
    }

    mutating func press(_ key: Key) {
        keys += 1
        let before = state
        let began = clock.now
        let effect = key == .resize ? state.handle(.resized(width: terminal.width, height: terminal.height)) : state.handle(key)
        timed(since: began, "key \(String(describing: key).prefix(40))")
        check(key: key, effect: effect, before: before)
        checkState()
        guard let effect else { return }
        run(effect)
        checkState()
    }

    /// An event that is not a key, and what follows from it.
    mutating func send(_ event: Event) {
        if let effect = state.handle(event) { run(effect) }
    }

    /// Runs an effect and the effects its results ask for, as the session does.
    mutating func run(_ first: Effect) {
        var next: Effect? = first
        while let effect = next, failures.isEmpty {
            effects += 1
            effectKinds[String(describing: effect).prefix(while: { $0 != "(" }).description, default: 0] += 1
            guard let result = perform(effect) else { return }
            next = state.handle(result)
            checkState()
        }
    }

    /// The session's answers: saves succeed or fail as the case says (a save with the
    /// merge dialog's choices never meets a conflict again); a quit ends this console and
    /// a new one opens on the file as saved (the user runs `edit` again).
    mutating func perform(_ effect: Effect) -> Event? {
        switch effect {
        case .quit, .keepRecovery:
            reopen()
            return nil
        case .save(let choices):
            switch choices != .none && saves == .conflict ? .ok : saves {
            case .ok:
                onDisk = state.settings
                return .saved(settings: state.settings, fileMode: 0o600, keptFromDisk: [])
            case .fail: return .saveFailed("no space left on device", unreadable: false)
            case .conflict:
                var theirs = state.saved, yours = state.saved
                theirs.setText("instance.name", "theirs")
                yours.setText("instance.name", "yours")
                return .saveConflicted(SettingsMerge.merge(base: state.saved, theirs: theirs, yours: yours).conflicts)
            }
        case .reload:
            return .reloaded(settings: onDisk, fileMode: 0o600, automatically: false)
        case .discardRecovery:
            return .recoveryDiscarded
        case .redraw, .suspend:
            return nil
        }
    }

    mutating func reopen() {
        decoder = KeyDecoder(codes: .curses)
        state = ConsoleState(path: "/tmp/fuzz.json", settings: onDisk, fileMode: 0o600, readOnly: fuzzCase.readOnly)
        _ = state.handle(.resized(width: terminal.width, height: terminal.height))
    }

    mutating func timed(since began: ContinuousClock.Instant, _ what: @autoclosure () -> String) {
        let took = clock.now - began
        guard took > slowest else { return }
        slowest = took
        slowestWhat =
            "\(what()) on \(state.screen), focus \(state.focus), overlay \(String(describing: state.overlay)), "
            + "editing \(state.editor?.characters.count ?? -1) characters, \(state.width)x\(state.height)"
    }

    mutating func fail(_ message: String) {
        failures.append(message)
    }

    // MARK: Checks

    /// What one key may do: effects only from their keys, a paste never a command,
    /// read-only never an edit.
    mutating func check(key: Key, effect: Effect?, before: ConsoleState) {
        if let effect, !Self.allowed(effect, from: key, in: before.overlay) {
            fail("\(effect) from \(key) with \(String(describing: before.overlay)) open")
        }
        if fuzzCase.readOnly {
            if let effect, ![.quit(0), .quit(130), .redraw, .suspend].contains(effect) { fail("read-only asked for \(effect)") }
            if state.settings != before.settings { fail("read-only changed the settings") }
            if state.editor != nil || state.revealSecret { fail("read-only opened an editor or the secret") }
            switch state.overlay {
            case nil, .help?: break
            default: fail("read-only opened \(String(describing: state.overlay))")
            }
        }
        // Pasted into the scope filter, text may move focus to the first scope it matches.
        let filtering = before.scopeFilter?.isEditing == true && before.screen == .permissions
        if case .paste = key,
            effect != nil || state.screen != before.screen || (state.focus != before.focus && !filtering) || state.overlay != before.overlay
        {
            fail("a paste acted as a command")
        }
        if key == .resize, effect != nil || state.settings != before.settings || state.focus != before.focus {
            fail("a resize changed more than the size")
        }
        if key.isIgnored, effect != nil || state != before {
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
        let quitKeys: [Key] = overlay == .quitConfirm ? [.char("n"), .char("N")] : outsideDialogs ? [.ctrl("q"), .function(10)] : []
        switch effect {
        case .quit(130): return key == .ctrl("c")
        case .redraw: return key == .ctrl("l")
        case .suspend: return key == .ctrl("z")
        case .quit(0): return quitKeys.contains(key)
        case .save(.none):
            if overlay == .quitConfirm { return [.char("y"), .char("Y")].contains(key) }
            if overlay == .changes { return [.char("y"), .char("Y"), .ctrl("s"), .function(2)].contains(key) }
            return outsideDialogs && [.ctrl("s"), .function(2)].contains(key)
        case .save: return inMerge && [.enter, .char("s"), .ctrl("s")].contains(key)
        case .reload(automatically: false): return inMerge && [.char("r"), .char("R")].contains(key)
        case .discardRecovery:
            if case .restore? = overlay { return [.char("d"), .char("D")].contains(key) }
            return quitKeys.contains(key)
        case .quit, .reload, .keepRecovery: return false
        }
    }

    /// What holds between any two keys, also after the run loop answered an effect.
    mutating func checkState() {
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
    }

    /// Renders at the size the state knows, as the run loop does, and checks the frame.
    mutating func render() {
        guard failures.isEmpty else { return }
        frames += 1
        let began = clock.now
        let buffer = Renderer.render(state, width: state.width, height: state.height)
        timed(since: began, "frame")
        let (w, h) = (max(0, state.width), max(0, state.height))
        if buffer.width != w || buffer.height != h || buffer.cells.count != w * h {
            fail("a \(state.width)x\(state.height) frame is \(buffer.width)x\(buffer.height) with \(buffer.cells.count) cells")
            return
        }
        if let cursor = buffer.cursor, !(0..<w).contains(cursor.x) || !(0..<h).contains(cursor.y) {
            fail("cursor at \(cursor) outside the \(w)x\(h) frame")
        }
        checkCells(buffer)
        let shown = state.revealSecret && state.overlay == nil
        if !shown {
            let text = buffer.rows.joined()
            if let piece = Self.secretPieces.first(where: text.contains) { fail("the frame shows \"\(piece)\" of the secret:\n\(buffer.text)") }
        }
    }

    /// No control code reaches the terminal; wide characters and their right halves pair up.
    mutating func checkCells(_ buffer: CellBuffer) {
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
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
}
