import ConsoleKit
import SettingsKit

/// A terminal for whole-session tests, as ratatui's TestBackend: keys come from a script,
/// frames are kept, repaints and suspends counted. A `.tick` is a read that times out
/// (the session's disk check runs between reads); `.run` does something meanwhile (another
/// writer's save); when the script ends the terminal hangs up.
final class FakeTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        case tick
        case run(() -> Void)
    }

    var script: [Step]
    var size: (width: Int, height: Int)
    private(set) var frames: [CellBuffer] = []
    private(set) var repaints = 0
    private(set) var suspends = 0
    private(set) var hungUp = false

    init(_ script: [Step], width: Int = 100, height: Int = 30) {
        self.script = script
        size = (width, height)
    }

    /// Keys typed one character at a time.
    static func typing(_ text: String) -> [Step] { text.map { .key(.char($0)) } }

    var screen: String { frames.last?.text ?? "" }

    func readKey(milliseconds: Int32) -> Key? {
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
            case .tick: return nil
            case .run(let action): action()
            }
        }
        hungUp = true
        return nil
    }

    func draw(_ buffer: CellBuffer) { frames.append(buffer) }
    func repaintAll() { repaints += 1 }
    func suspend() { suspends += 1 }
}

/// The real store, with saves that fail as a full disk does.
struct FullDisk: SettingsFiles {
    let store = StoreFiles()
    func load(_ path: String) throws(FileError) -> LoadedFile { try store.load(path) }
    func changedOnDisk(since base: LoadedFile?, path: String) -> Bool { store.changedOnDisk(since: base, path: path) }
    func save(_ settings: Settings, to path: String, base: LoadedFile?, choices: MergeChoices) throws(FileError) -> SettingsStore.SaveOutcome {
        throw FileError(.unwritable, path: path, "no space left on device")
    }
    func keepRecovery(_ settings: Settings, for path: String) throws(FileError) { try store.keepRecovery(settings, for: path) }
    func discardRecovery(for path: String) throws(FileError) { try store.discardRecovery(for: path) }
}
