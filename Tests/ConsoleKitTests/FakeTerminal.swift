@testable import ConsoleKit
@testable import SettingsKit

/// A terminal for whole-session tests, as ratatui's TestBackend: keys come from a script,
/// the frames the session sends are applied to a screen of cells (and kept), and what
/// each would cost a real terminal in bytes is counted (`bytes(of:)`). A `.tick` is a
/// read that times out (the session's disk check runs between reads); `.run` does
/// something meanwhile (another writer's save); `.resize` changes the size and reports
/// it as ncurses does; when the script ends the terminal hangs up.
final class FakeTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        case tick
        case run(() -> Void)
        case resize(width: Int, height: Int)
    }

    var script: [Step]
    var size: (width: Int, height: Int)
    let asciiOnly: Bool
    /// Every frame as the terminal showed it after each update.
    private(set) var frames: [CellBuffer] = []
    private(set) var updates: [FrameUpdate] = []
    private(set) var repaints = 0
    private(set) var suspends = 0
    /// What went to the clipboard, as the bytes a terminal gets (`OSC52`).
    private(set) var clipboard: [String] = []
    /// Mouse reporting as the session set it last.
    private(set) var mouseCapture = true
    private(set) var hungUp = false
    /// Reads that waited (the loop's idle turns): a test may stop after this many.
    private(set) var ticks = 0
    /// How long each read that could wait was allowed to, in milliseconds.
    private(set) var waits: [Int32] = []

    init(_ script: [Step], width: Int = 100, height: Int = 30, asciiOnly: Bool = false) {
        self.script = script
        self.asciiOnly = asciiOnly
        size = (width, height)
    }

    /// Keys typed one character at a time.
    static func typing(_ text: String) -> [Step] { text.map { .key(.char($0)) } }

    var screen: String { frames.last?.text ?? "" }

    /// As a save waiting for a lock asks: time passes first (the ticks and other writers'
    /// actions at the front of the script), then the keys waiting there are looked
    /// through: Esc is taken, Ctrl-C and the keys before it are left to be read.
    func stopKeyTyped() -> Bool {
        waiting: while let step = script.first {
            switch step {
            case .tick:
                script.removeFirst()
                ticks += 1
            case .run(let action):
                script.removeFirst()
                action()
            case .key, .resize:
                break waiting
            }
        }
        var index = 0
        while index < script.count, case .key(let key) = script[index] {
            if key == .escape {
                script.remove(at: index)
                return true
            }
            if key == .ctrl("c") { return true }
            index += 1
        }
        return false
    }

    func readKey(milliseconds: Int32) -> Key? {
        if milliseconds > 0 { waits.append(milliseconds) }
        while let step = script.first {
            if milliseconds == 0 {
                // Only keys already waiting: ticks and other writers wait for the next read.
                guard case .key(let key) = step else { return nil }
                script.removeFirst()
                return key
            }
            script.removeFirst()
            switch step {
            case .key(let key): return key
            case .tick:
                ticks += 1
                return nil
            case .run(let action): action()
            case .resize(let width, let height):
                size = (width, height)
                return .resize
            }
        }
        hungUp = true
        return nil
    }

    func draw(_ update: FrameUpdate) {
        var cells = update.isWhole || frames.isEmpty ? CellBuffer(width: update.width, height: update.height) : frames[frames.count - 1]
        for change in update.changes {
            cells.replace(change.x, change.y, change.cell)
            if DisplayWidth.of(change.cell.text) == 2, change.x + 1 < cells.width {
                cells.replace(change.x + 1, change.y, Cell(text: "", style: change.cell.style))
            }
        }
        cells.cursor = update.cursor
        frames.append(cells)
        updates.append(update)
    }

    func repaintAll() { repaints += 1 }
    func suspend() { suspends += 1 }
    func copyToClipboard(_ text: String) { clipboard.append(OSC52.sequence(for: text)) }
    func setMouseCapture(_ on: Bool) { mouseCapture = on }

    /// What an update costs a VT100-like terminal, as a curses library sends it: a cursor
    /// move (CUP) wherever the next changed cell is not where the last one left the
    /// cursor, an attribute change (SGR) wherever the style changes, each cell's UTF-8,
    /// then the cursor put where it goes and shown or hidden. A whole frame starts with a
    /// clear (ED). `previous`: the update before, for the cursor's and the style's state.
    static func bytes(of update: FrameUpdate, after previous: FrameUpdate?) -> Int {
        func cup(_ x: Int, _ y: Int) -> Int { "\u{1B}[\(y + 1);\(x + 1)H".utf8.count }
        let sgr = "\u{1B}[0;7;1m".utf8.count
        var total = update.isWhole ? "\u{1B}[2J".utf8.count : 0
        var at: (x: Int, y: Int)? = previous?.cursor.map { ($0.x, $0.y) }
        var style: Style? = nil
        for change in update.changes {
            if at.map({ $0.x != change.x || $0.y != change.y }) ?? true { total += cup(change.x, change.y) }
            if change.cell.style != style {
                total += sgr
                style = change.cell.style
            }
            total += change.cell.text.utf8.count
            at = (change.x + DisplayWidth.of(change.cell.text), change.y)
        }
        if let cursor = update.cursor, at.map({ $0.x != cursor.x || $0.y != cursor.y }) ?? true { total += cup(cursor.x, cursor.y) }
        if (update.cursor == nil) != (previous?.cursor == nil) { total += "\u{1B}[?25h".utf8.count }
        return total
    }

    /// The bytes of every update after the first.
    var bytesPerUpdate: [Int] {
        updates.indices.dropFirst().map { Self.bytes(of: updates[$0], after: updates[$0 - 1]) }
    }
}

/// The real store, with saves that fail as a full disk does.
struct FullDisk: SettingsFiles {
    let store = StoreFiles(via: "console")
    func load(_ path: String) throws(FileError) -> LoadedFile { try store.load(path) }
    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool { store.changedOnDisk(since: base, path: path) }
    func save(_ request: SaveRequest, stopWaiting: () -> Bool) throws(FileError) -> SettingsStore.SaveOutcome {
        throw FileError(.unwritable, path: request.path, "no space left on device")
    }
    func recovery(for path: String, loaded: LoadedFile?) throws(FileError) -> RecoveryFile.Pending? {
        try store.recovery(for: path, loaded: loaded)
    }
    func keepRecovery(_ request: RecoveryRequest) throws(FileError) { try store.keepRecovery(request) }
    func discardRecovery(for path: String) throws(FileError) { try store.discardRecovery(for: path) }
}
