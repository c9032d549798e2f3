import SettingsKit

/// Does every effect a session asks for, the console's and plain mode's alike, and turns
/// each result into the event the session is given next. It keeps nothing but its jobs:
/// each effect carries what it needs (the file, the settings, the base), so one runner
/// serves any number of files (a fleet list opening one after another).
public struct EffectRunner<Files: SettingsFiles> {
    public enum Outcome: Equatable {
        /// The result, for the session's reducer.
        case event(Event)
        /// The session ends with this exit code.
        case exit(Int32)
        /// Nothing to report (a repaint, a suspend, a job started).
        case done
    }

    public let files: Files
    /// The long-running work started so far; the run loop takes its events.
    public let jobs: Jobs
    /// The terminal, for repainting and suspending (plain mode has none to drive).
    let terminal: (any TerminalBackend)?

    public init(files: Files, jobs: Jobs = Jobs(), terminal: (any TerminalBackend)? = nil) {
        self.files = files
        self.jobs = jobs
        self.terminal = terminal
    }

    public func run(_ effect: Effect) -> Outcome {
        switch effect {
        case .quit(let code):
            return .exit(code)
        case .save(let request):
            do {
                // The console's Esc and Ctrl-C stop a wait for another program's lock.
                switch try files.save(request, stopWaiting: { terminal?.stopKeyTyped() ?? false }) {
                case .saved(let file, let kept): return .event(.saved(file, keptFromDisk: kept))
                case .conflicts(let conflicts): return .event(.saveConflicted(conflicts))
                }
            } catch {
                return .event(.saveFailed(error))
            }
        case .reload(let path, let base, let automatically):
            do {
                return .event(.reloaded(try files.reload(path, base: base), automatically: automatically))
            } catch {
                return .event(.reloadFailed(error, automatically: automatically))
            }
        case .discardRecovery(let path):
            do {
                try files.discardRecovery(for: path)
                return .event(.recoveryDiscarded)
            } catch {
                return .event(.recoveryDiscardFailed(error))
            }
        case .keepRecovery(let request):
            do {
                try files.keepRecovery(request)
                return .event(.recoveryKept(request))
            } catch {
                return .event(.recoveryKeepFailed(error, request))
            }
        case .redraw:
            terminal?.repaintAll()
            return .done
        case .suspend:
            terminal?.suspend()
            return .done
        case .copyToClipboard(let text):
            terminal?.copyToClipboard(text)
            return .done
        case .setMouseCapture(let on):
            terminal?.setMouseCapture(on)
            return .done
        case .start(let job):
            jobs.start(job)
            return .done
        case .cancel(let id):
            jobs.cancel(id)
            return .done
        case .openFile(let path, let readOnly):
            return .event(.opened(path: path, EditSession.open(path, readOnly: readOnly, files: files)))
        case .all(let effects):
            // Alone, only the last result can be told; `perform` tells the session each.
            var last = Outcome.done
            for effect in effects {
                last = run(effect)
                if case .exit = last { return last }
            }
            return last
        }
    }

    /// Tells `session` (`.saveWaiting`) when `effect` is a save that must wait for another
    /// program's lock, before it is done: the front end shows that, then waits. Returns
    /// whether it told.
    public func announceWait<Session: EventHandling>(before effect: Effect, to session: inout Session) -> Bool {
        guard case .save(let request) = effect, files.saveWouldWait(request.path) else { return false }
        _ = session.handle(.saveWaiting)
        return true
    }

    /// Does `effect` for `session` and gives it the result (see `send`). Returns an exit
    /// code when the session ends.
    public func perform<Session: EventHandling>(
        _ effect: Effect, for session: inout Session, seeing: (Effect) -> Void = { _ in }
    ) -> Int32? {
        if case .all(let effects) = effect {
            for effect in effects {
                if let code = perform(effect, for: &session, seeing: seeing) { return code }
            }
            return nil
        }
        seeing(effect)
        switch run(effect) {
        case .event(let result): return send(result, to: &session, seeing: seeing)
        case .exit(let code): return code
        case .done: return nil
        }
    }

    /// Gives `event` to `session`'s reducer, does the effect it asks for and gives that
    /// effect's result back, until nothing more is asked; `seeing` is shown each effect.
    /// Returns an exit code when the session ends. The console's and plain mode's loops
    /// both turn through here.
    public func send<Session: EventHandling>(
        _ event: Event, to session: inout Session, seeing: (Effect) -> Void = { _ in }
    ) -> Int32? {
        guard let effect = session.handle(event) else { return nil }
        return perform(effect, for: &session, seeing: seeing)
    }
}
