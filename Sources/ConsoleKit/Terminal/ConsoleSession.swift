import SettingsKit

/// The run loop: read keys, turn them (and the terminal's and the disk's news) into
/// events, let the reducer decide, run the effect it asks for and hand the result back
/// as the next event, render, draw. Data flows one way: event → state → cells → terminal.
/// The session decides nothing itself; it only does what effects say.
public struct ConsoleSession<Backend: TerminalBackend, Files: SettingsFiles> {
    public private(set) var state: ConsoleState
    /// The file as last loaded or saved: a save merges against it.
    public private(set) var base: LoadedFile?
    let backend: Backend
    let files: Files
    /// A signal that asked the console to end, if any (checked at least every 100 ms).
    let stopRequest: () -> StopReason?
    /// How often the file on disk is compared with `base`.
    let diskCheckInterval: Duration
    /// Lines for stderr once the terminal is restored.
    public private(set) var farewell: [String] = []
    private var lastDiskCheck = ContinuousClock.now
    /// The frame on screen: clicks are hit-tested against it.
    private var frame: CellBuffer?

    public init(
        state: ConsoleState, base: LoadedFile?, backend: Backend, files: Files,
        diskCheckInterval: Duration = .seconds(1), stopRequest: @escaping () -> StopReason? = { nil }
    ) {
        self.state = state
        self.base = base
        self.backend = backend
        self.files = files
        self.diskCheckInterval = diskCheckInterval
        self.stopRequest = stopRequest
    }

    /// Runs until the console ends; returns the exit code.
    public mutating func run() -> Int32 {
        let (width, height) = backend.size
        if let code = send(.resized(width: width, height: height)) { return code }
        draw()
        while true {
            if let reason = stopRequest(), let code = send(.stopRequested(reason)) { return code }
            let before = state
            if ContinuousClock.now - lastDiskCheck >= diskCheckInterval {
                lastDiskCheck = .now
                if let code = send(.diskChecked(changed: files.changedOnDisk(since: base, path: state.path))) { return code }
            }
            guard let first = backend.readKey(milliseconds: 100) else {
                // No key: a timeout, or a terminal that is gone (then reads never wait).
                if backend.hungUp, let code = send(.stopRequested(.hangUp)) { return code }
                if state != before { draw() }
                continue
            }
            // Take every key already waiting before drawing again: typed-ahead or pasted
            // text then costs one frame, not one per character.
            var keys = [first]
            while keys.count < 512, let more = backend.readKey(milliseconds: 0) { keys.append(more) }
            for key in keys {
                if let event = event(for: key), let code = send(event) { return code }
            }
            draw()
        }
    }

    func event(for key: Key) -> Event? {
        switch key {
        case .resize:
            let (width, height) = backend.size
            return .resized(width: width, height: height)
        case .mouse(let mouse):
            return Event.pointer(mouse, on: frame)
        default:
            return .key(key)
        }
    }

    /// Feeds an event to the reducer, runs the effect it asks for and feeds that effect's
    /// result back, until nothing more is asked. Returns an exit code when the console ends.
    public mutating func send(_ event: Event) -> Int32? {
        var next: Event? = event
        while let event = next {
            guard let effect = state.handle(event) else { return nil }
            switch perform(effect) {
            case .event(let result): next = result
            case .exit(let code): return code
            case .done: next = nil
            }
        }
        return nil
    }

    enum Outcome { case event(Event), exit(Int32), done }

    mutating func perform(_ effect: Effect) -> Outcome {
        let path = state.path
        switch effect {
        case .quit(let code):
            return .exit(code)
        case .save(let choices):
            do {
                switch try files.save(state.settings, to: path, base: base, choices: choices) {
                case .saved(let file, let kept):
                    base = file
                    return .event(.saved(settings: file.settings, fileMode: file.mode, keptFromDisk: kept))
                case .conflicts(let conflicts):
                    return .event(.saveConflicted(conflicts))
                }
            } catch {
                // A conflict the merge cannot resolve: the file on disk can no longer be read.
                return .event(.saveFailed(error.message, unreadable: error.code == .conflict))
            }
        case .reload(let automatically):
            do {
                let loaded = try files.load(path)
                base = loaded
                return .event(.reloaded(settings: loaded.settings, fileMode: loaded.mode, automatically: automatically))
            } catch {
                return .event(.reloadFailed(error.message + " (\(error.code.rawValue))", automatically: automatically))
            }
        case .discardRecovery:
            do {
                try files.discardRecovery(for: path)
                return .event(.recoveryDiscarded)
            } catch {
                return .event(.recoveryDiscardFailed("Could not remove \(RecoveryFile.path(for: path)): " + error.message))
            }
        case .keepRecovery(let settings, let code):
            do {
                try files.keepRecovery(settings, for: path)
                farewell.append("unsaved edits kept in \(RecoveryFile.path(for: path)); the next `social-console edit \(path)` offers them back")
            } catch {
                farewell.append("unsaved edits could not be kept: \(error.description)")
            }
            return .exit(code)
        case .redraw:
            backend.repaintAll()
            return .done
        case .suspend:
            backend.suspend()
            return .done
        }
    }

    mutating func draw() {
        let buffer = Renderer.render(state, width: state.width, height: state.height)
        frame = buffer
        backend.draw(buffer)
    }
}
