@testable import ConsoleKit
@testable import SettingsKit

/// The key fuzzer's terminal: a `KeyFuzzCase`'s steps as the raw reads ncurses would give
/// (a click or a turn of the wheel as the SGR report's characters, a resize as
/// KEY_RESIZE), through the one `KeyDecoder`: one step's keys per turn of the session's
/// loop (a held key's thousand presses are read at once, as typed-ahead keys are), so the
/// runner can check the state after each step. The frames the session sends are applied to
/// a screen of cells, which must equal the frame the session drew.
final class KeyFuzzTerminal: TerminalBackend {
    private var steps: ArraySlice<KeyFuzzCase.Step>
    /// What remains of a step that is several reads (a held key, a click's report).
    private var pending: [RawInput] = []
    private var decoder = KeyDecoder(codes: .curses)
    private let disk: KeyFuzzDisk
    var size: (width: Int, height: Int)
    let asciiOnly = false
    private(set) var hungUp = false
    /// The terminal's screen, as the updates left it.
    private(set) var screen: CellBuffer?
    private(set) var repaints = 0
    private(set) var suspends = 0
    /// The keys given in the current turn, and the first read the last one was made of.
    private(set) var turnKeys: [Key] = []
    private(set) var firstRead: RawInput?
    /// Steps taken so far, for the runner's messages.
    private(set) var stepsTaken = 0

    init(_ fuzzCase: KeyFuzzCase, disk: KeyFuzzDisk) {
        steps = fuzzCase.steps[...]
        self.disk = disk
        size = (fuzzCase.width, fuzzCase.height)
    }

    /// A console reopened on the file (the operator runs `edit` again): a fresh decoder.
    func reopen() {
        decoder = KeyDecoder(codes: .curses)
        screen = nil
    }

    func beginTurn() {
        turnKeys = []
        firstRead = nil
    }

    var isDone: Bool { hungUp }

    /// Its disk (`KeyFuzzDisk`) has no lock: no save ever waits.
    func stopKeyTyped() -> Bool { false }

    func readKey(milliseconds: Int32) -> Key? {
        // One step per turn: the runner checks what it did. What is waiting is what is
        // left of the step.
        guard milliseconds > 0 || !pending.isEmpty, !hungUp else { return nil }
        firstRead = nil
        let key = decoder.readKey(milliseconds: milliseconds) { wait in nextRead(wait) }
        if let key { turnKeys.append(key) }
        return key
    }

    /// The next raw read: what the case says the terminal sends.
    private func nextRead(_ wait: Int32) -> RawInput {
        while pending.isEmpty {
            guard let step = steps.popFirst() else {
                hungUp = true
                return .nothing(milliseconds: Int(wait))
            }
            stepsTaken += 1
            switch step {
            case .raw(let input, let times): pending = Array(repeating: input, count: max(0, min(times, KeyFuzzRunner.keyLimit)))
            case .resize(let width, let height):
                size = (width, height)
                pending = [.keyCode(KeyCodes.curses.resize)]
            case .saves(let result): disk.saves = result
            case .diskChanged(let changed): if changed { disk.someoneElseSaves() }
            case .click(let x, let y):
                pending = (Self.sgr(button: 0, x: x, y: y, final: "M") + Self.sgr(button: 0, x: x, y: y, final: "m")).map { .character($0) }
            case .wheel(let up, let x, let y):
                pending = Self.sgr(button: up ? 64 : 65, x: x, y: y, final: "M").map { .character($0) }
            }
        }
        let read = pending.removeFirst()
        if firstRead == nil { firstRead = read }
        return read
    }

    /// An SGR 1006 mouse report's characters, as the terminal writes them (1-based).
    static func sgr(button: Int, x: Int, y: Int, final: Character) -> [UInt32] {
        "\u{1B}[<\(button);\(x + 1);\(y + 1)\(final)".unicodeScalars.map(\.value)
    }

    /// Frames drawn so far, and the last one's update.
    private(set) var draws = 0
    private(set) var lastUpdate: FrameUpdate?

    func draw(_ update: FrameUpdate) {
        draws += 1
        lastUpdate = update
        if update.isWhole || screen == nil { screen = CellBuffer(width: update.width, height: update.height) }
        // In place: the screen is not copied for every frame.
        for change in update.changes {
            screen!.replace(change.x, change.y, change.cell)
            if DisplayWidth.of(change.cell.text) == 2, change.x + 1 < update.width {
                screen!.replace(change.x + 1, change.y, Cell(text: "", style: change.cell.style))
            }
        }
        screen!.cursor = update.cursor
    }

    func repaintAll() { repaints += 1 }
    func suspend() { suspends += 1 }
    /// What went to the clipboard: the runner checks none of it is the secret.
    private(set) var copied: [String] = []
    func copyToClipboard(_ text: String) { copied.append(text) }
    func setMouseCapture(_ on: Bool) {}
}

/// The file on disk as the fuzzer's session sees it, in memory: saves that work, fail or
/// meet someone else's change to the name as the case says (merging as the store does),
/// someone else's saves, and edits an earlier session kept.
final class KeyFuzzDisk: SettingsFiles {
    static let path = "/tmp/fuzz.json"
    var file: LoadedFile
    var saves = KeyFuzzCase.SaveResult.ok
    var recovery: RecoveryFile.Pending?
    private var otherSaves = 0

    init(_ settings: Settings, mode: UInt32, recovery: RecoveryFile.Pending?) {
        file = .fake(settings, mode: mode, path: Self.path)
        self.recovery = recovery
    }

    func someoneElseSaves() {
        otherSaves += 1
        var settings = file.settings
        settings.setText("atlassianApp.description", "changed elsewhere \(otherSaves)")
        file = .fake(settings, mode: file.mode, path: Self.path)
    }

    func load(_ path: String) throws(FileError) -> LoadedFile { file }

    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool { base?.bytes != file.bytes }

    func save(_ request: SaveRequest, stopWaiting: () -> Bool) throws(FileError) -> SettingsStore.SaveOutcome {
        switch saves {
        case .fail: throw FileError(.unwritable, path: request.path, "no space left on device")
        case .conflict where request.choices == .none:
            // Someone else renamed the instance just before: a key both changed, if ours did.
            var theirs = file.settings
            theirs.setText("instance.name", "theirs")
            var yours = request.settings
            if yours.text("instance.name") == "theirs" || yours.text("instance.name") == request.base?.settings.text("instance.name") {
                yours.setText("instance.name", "yours")
            }
            return .conflicts(SettingsMerge.merge(base: request.base?.settings ?? Settings(), theirs: theirs, yours: yours).conflicts)
        default:
            guard let base = request.base, base.bytes != file.bytes else {
                file = .fake(request.settings, mode: 0o600, path: Self.path)
                return .saved(file, keptFromDisk: [])
            }
            let merge = SettingsMerge.merge(base: base.settings, theirs: file.settings, yours: request.settings, choices: request.choices)
            guard merge.conflicts.isEmpty else { return .conflicts(merge.conflicts) }
            file = .fake(merge.merged, mode: 0o600, path: Self.path)
            return .saved(file, keptFromDisk: merge.keptFromDisk)
        }
    }

    func recovery(for path: String, loaded: LoadedFile?) throws(FileError) -> RecoveryFile.Pending? { recovery }

    func keepRecovery(_ request: RecoveryRequest) throws(FileError) {
        recovery = RecoveryFile.Pending(path: Self.path + RecoveryFile.suffix, edits: request.edits, base: request.madeTo?.settings)
    }

    func discardRecovery(for path: String) throws(FileError) { recovery = nil }
}
