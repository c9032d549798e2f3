import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the full-screen console, called by the `edit` command: checks the
/// terminal, opens the file (and any recovered edits), and runs ConsoleKit's session on
/// the ncurses backend. Returns the process exit code.
func runConsole(path: String, readOnly: Bool) -> Int32 {
    if let problem = TerminalCheck.problem() {
        Output.error(problem)
        return 2
    }
    let files = StoreFiles(via: "console") { Signals.stopReason() != nil }
    guard let opened = openForEditing(path, readOnly: readOnly, files: files) else { return 2 }
    Signals.install()
    guard let backend = NcursesBackend.start(asciiOnly: TerminalCheck.asciiOnly) else {
        Output.error(
            "cannot use this terminal (TERM=\(String(cString: getenv("TERM")))); set TERM to your terminal's type, e.g. export TERM=xterm-256color, \(TerminalCheck.plainHint)"
        )
        return 2
    }
    var session = ConsoleSession(
        state: ConsoleState(opened.session, notice: opened.notice), backend: backend, files: files, stopRequest: Signals.stopReason)
    let code = session.run()
    backend.stop()
    // The screen is back to the shell's: what happened to unsaved edits can be read now.
    for line in session.farewell { Output.error(line) }
    return code
}
