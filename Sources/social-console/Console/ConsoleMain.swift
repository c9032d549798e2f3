import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the full-screen console, called by the `edit` command.
/// Returns the process exit code.
func runConsole(path: String, readOnly: Bool) -> Int32 {
    if let problem = TerminalCheck.problem() {
        Output.error(problem)
        return 2
    }
    var base: LoadedFile?
    do {
        base = try SettingsStore.load(path)
    } catch {
        // A missing file is a new one, created on first save; read-only has nothing to show.
        if error.code != .notFound || readOnly {
            Output.fileError(error)
            return 2
        }
    }
    Signals.install()
    guard let backend = NcursesBackend.start() else {
        Output.error("cannot use this terminal (TERM=\(String(cString: getenv("TERM")))); set TERM to your terminal's type, e.g. export TERM=xterm-256color")
        return 2
    }
    var session = ConsoleSession(
        state: ConsoleState(path: path, settings: base?.settings ?? Settings(), fileMode: base?.mode, readOnly: readOnly),
        base: base, backend: backend)
    let code = session.run()
    backend.stop()
    return code
}

/// The run loop: read keys, reduce, run effects, render, flush. Data flows one way:
/// key → state → cells → terminal.
struct ConsoleSession {
    var state: ConsoleState
    /// The file as last loaded or saved: a save checks nobody changed it meanwhile.
    var base: LoadedFile?
    let backend: NcursesBackend

    mutating func run() -> Int32 {
        let (width, height) = backend.size
        state.resize(width: width, height: height)
        backend.draw(Renderer.render(state, width: width, height: height))
        while true {
            let signal = Signals.received
            if signal != 0 { return 128 + signal }
            guard let first = backend.readKey(milliseconds: 100) else { continue }
            // Take every key already waiting before drawing again: typed-ahead or pasted
            // text then costs one frame, not one per character.
            var keys = [first]
            while keys.count < 512, let more = backend.readKey(milliseconds: 0) { keys.append(more) }
            for key in keys {
                if key == .resize {
                    let (w, h) = backend.size
                    state.resize(width: w, height: h)
                }
                if let effect = state.handle(key), let code = perform(effect) { return code }
            }
            backend.draw(Renderer.render(state, width: state.width, height: state.height))
        }
    }

    /// Runs an effect; returns an exit code when the console should end.
    mutating func perform(_ effect: Effect) -> Int32? {
        switch effect {
        case .quit(let code):
            return code
        case .save(let overwrite):
            save(overwrite: overwrite)
            return nil
        case .saveAndQuit(let overwrite):
            return save(overwrite: overwrite) ? 0 : nil
        }
    }

    @discardableResult
    mutating func save(overwrite: Bool) -> Bool {
        do {
            let saved = try SettingsStore.save(state.settings, to: state.path, via: "console", base: base, overwrite: overwrite)
            base = saved
            state.saveSucceeded(fileMode: saved.mode)
            return true
        } catch {
            state.saveFailed("Not saved: " + error.message, conflict: error.code == .conflict)
            return false
        }
    }
}
