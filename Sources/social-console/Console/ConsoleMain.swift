import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the full-screen console, called by the `edit` command: checks the
/// terminal, loads the file and any recovered edits, and runs ConsoleKit's session on
/// the ncurses backend. Returns the process exit code.
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
    let state = ConsoleState(
        path: path, settings: base?.settings ?? Settings(), fileMode: base?.mode, readOnly: readOnly,
        recovery: recovery.offer, notice: recovery.notice)

    Signals.install()
    guard let backend = NcursesBackend.start(asciiOnly: TerminalCheck.asciiOnly) else {
        Output.error(
            "cannot use this terminal (TERM=\(String(cString: getenv("TERM")))); set TERM to your terminal's type, e.g. export TERM=xterm-256color, \(TerminalCheck.plainHint)"
        )
        return 2
    }
    var session = ConsoleSession(state: state, base: base, backend: backend, files: StoreFiles(), stopRequest: Signals.stopReason)
    let code = session.run()
    backend.stop()
    // The screen is back to the shell's: what happened to unsaved edits can be read now.
    for line in session.farewell { Output.error(line) }
    return code
}
