import ConsoleKit
import LiveKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the full-screen console, called by the `edit` command: takes the
/// Platform API key (`--api-key-file`, else CLERK_PLATFORM_API_KEY, which is then removed
/// from the environment), checks the terminal, opens the file (and any recovered edits),
/// and runs ConsoleKit's session on the ncurses backend, its live actions' requests done
/// by `LivePerformer`. Returns the process exit code.
func runConsole(path: String, readOnly: Bool, keyFile: String? = nil) -> Int32 {
    let key: PlatformKey?
    switch PlatformKey.fromProcess(file: keyFile) {
    case .success(let found): key = found
    case .failure(let e):
        Output.error("\(e.message) (\(e.code))")
        return 2
    }
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
    // libcurl is loaded only when a live action first runs: the first frame does not wait for it.
    let live = LiveEnvironment.fromProcess(key: nil, userAgent: "social-console/\(Version.number)")
    var session = ConsoleSession(
        state: ConsoleState(opened.session, notice: opened.notice, platformKey: key), backend: backend, files: files,
        jobs: Jobs(performer: LivePerformer(environment: live)), stopRequest: Signals.stopReason)
    let code = session.run()
    backend.stop()
    // The screen is back to the shell's: what happened to unsaved edits can be read now.
    for line in session.farewell { Output.error(line) }
    return code
}
