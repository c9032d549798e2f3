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
    let recovery = Recovery.look(for: path, readOnly: readOnly)
    var state = ConsoleState(path: path, settings: base?.settings ?? Settings(), fileMode: base?.mode, readOnly: readOnly,
                             recovery: recovery.offer)
    if let notice = recovery.notice { state.say(notice) }

    Signals.install()
    guard let backend = NcursesBackend.start() else {
        Output.error("cannot use this terminal (TERM=\(String(cString: getenv("TERM")))); set TERM to your terminal's type, e.g. export TERM=xterm-256color")
        return 2
    }
    var session = ConsoleSession(state: state, base: base, backend: backend)
    let code = session.run()
    backend.stop()
    // The screen is back to the shell's: what happened to unsaved edits can be read now.
    for line in session.farewell { Output.error(line) }
    return code
}

/// The run loop: read keys, reduce, run effects, render, flush. Data flows one way:
/// key → state → cells → terminal.
struct ConsoleSession {
    var state: ConsoleState
    /// The file as last loaded or saved: a save checks nobody changed it meanwhile.
    var base: LoadedFile?
    let backend: NcursesBackend
    /// Lines for stderr once the terminal is restored.
    var farewell: [String] = []
    /// When the file on disk was last compared with `base`.
    var lastDiskCheck = ContinuousClock.now

    mutating func run() -> Int32 {
        let (width, height) = backend.size
        state.resize(width: width, height: height)
        backend.draw(Renderer.render(state, width: width, height: height))
        while true {
            let signal = Signals.received
            if signal != 0 { return stop(on: signal) }
            let diskChanged = checkDisk()
            guard let first = backend.readKey(milliseconds: 100) else {
                // No key: a timeout, or a terminal that is gone (then reads never wait).
                if backend.hungUp { return stop(on: SIGHUP) }
                if diskChanged { backend.draw(Renderer.render(state, width: state.width, height: state.height)) }
                continue
            }
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

    /// Ending on a signal. A hangup (the terminal closed) or a SIGTERM (shutdown, kill)
    /// does not mean "throw my edits away": they go to FILE.recovered.json. Ctrl-C and
    /// SIGINT are the operator's own "leave now" and keep nothing.
    mutating func stop(on signal: Int32) -> Int32 {
        if signal == SIGHUP || signal == SIGTERM, let unsaved = state.unsavedSettings {
            let kept = RecoveryFile.path(for: state.path)
            do {
                try RecoveryFile.write(unsaved, for: state.path)
                farewell.append("unsaved edits kept in \(kept); the next `social-console edit \(state.path)` offers them back")
            } catch {
                farewell.append("unsaved edits could not be kept: \(error.description)")
            }
        }
        return 128 + signal
    }

    /// About once a second: did someone else save the file? One stat when nothing changed.
    /// With nothing unsaved there is nothing to lose, so the console shows the file as it
    /// is now, as an editor does with a file it has open unmodified (read-only always
    /// qualifies); with unsaved edits the title says so and a save asks what to do.
    /// Returns whether the screen must be redrawn.
    mutating func checkDisk() -> Bool {
        guard ContinuousClock.now - lastDiskCheck >= .seconds(1) else { return false }
        lastDiskCheck = .now
        let before = state.changedOnDisk
        state.noticeChangedOnDisk(SettingsStore.changedOnDisk(since: base, path: state.path))
        if state.changedOnDisk, !state.isDirty {
            reload(automatically: true)
            return true
        }
        return state.changedOnDisk != before
    }

    /// Runs an effect; returns an exit code when the console should end.
    mutating func perform(_ effect: Effect) -> Int32? {
        switch effect {
        case .quit(let code):
            // Leaving normally drops restored edits the operator did not save: their
            // recovery file goes too. Ctrl-C (130) keeps it, as it keeps everything.
            if code == 0, state.restoredRecovery { discardRecovery() }
            return code
        case .save(let overwrite):
            save(overwrite: overwrite)
            return nil
        case .saveAndQuit(let overwrite):
            return save(overwrite: overwrite) ? 0 : nil
        case .reload:
            reload()
            return nil
        case .discardRecovery:
            discardRecovery()
            return nil
        case .redraw:
            backend.repaintAll()
            return nil
        case .suspend:
            backend.suspend()
            return nil
        }
    }

    @discardableResult
    mutating func save(overwrite: Bool) -> Bool {
        do {
            let outcome = try SettingsStore.save(state.settings, to: state.path, via: "console", base: base,
                                                 choices: overwrite ? MergeChoices(forAll: .yours) : .none)
            guard case .saved(let saved, let kept) = outcome else {
                state.saveFailed("Not saved: the file was changed on disk since it was opened", conflict: true)
                return false
            }
            base = saved
            state.saveSucceeded(fileMode: saved.mode, merged: kept.isEmpty ? nil : saved.settings)
            if state.restoredRecovery { discardRecovery() }
            return true
        } catch {
            state.saveFailed("Not saved: " + error.message, conflict: error.code == .conflict)
            return false
        }
    }

    /// The conflict dialog's Reload, or `checkDisk` when nothing is unsaved: the file as it
    /// is now replaces the settings. If it cannot be read, what is shown stays and the
    /// status says why.
    mutating func reload(automatically: Bool = false) {
        do {
            let loaded = try SettingsStore.load(state.path)
            base = loaded
            state.reloaded(loaded.settings, fileMode: loaded.mode, automatically: automatically)
        } catch {
            let why = error.message + " (\(error.code.rawValue))"
            state.say(StatusMessage(automatically ? "\(state.fileName) changed on disk and cannot be read now: " + why
                                                  : "Not reloaded: " + why + "; your edits are kept", isError: true))
        }
    }

    mutating func discardRecovery() {
        do {
            try RecoveryFile.discard(for: state.path)
            state.recoveryDiscarded()
        } catch {
            state.say(StatusMessage("Could not remove \(RecoveryFile.path(for: state.path)): " + error.message, isError: true))
        }
    }
}
