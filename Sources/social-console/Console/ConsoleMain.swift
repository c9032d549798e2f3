import ConsoleKit
import LiveKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of the full-screen console on a file, called by the `edit` command: takes the
/// Platform API key (`--api-key-file`, else CLERK_PLATFORM_API_KEY, which is then removed
/// from the environment), checks the terminal, opens the file (and any recovered edits),
/// and runs ConsoleKit's session on the ncurses backend, its live actions' requests done
/// by `LivePerformer`. Returns the process exit code.
func runConsole(path: String, readOnly: Bool, keyFile: String? = nil) -> Int32 {
    guard let start = prepare(keyFile), let opened = openForEditing(path, readOnly: readOnly, files: start.files) else { return 2 }
    return runOnTerminal(
        ConsoleState(opened.session, notice: opened.notice, platformKey: start.key), files: start.files, jobs: Jobs(performer: livePerformer()))
}

/// The console on a folder (`social-console DIR`): the fleet list of every settings file
/// below it, whose files' walkthroughs (live actions too) open in the same console.
func runFleet(folder: String, readOnly: Bool, keyFile: String? = nil) -> Int32 {
    guard let start = prepare(keyFile) else { return 2 }
    return runOnTerminal(
        FleetState(folder: folder, readOnly: readOnly, platformKey: start.key), files: start.files,
        jobs: Jobs(performer: FleetJobs(next: livePerformer())))
}

/// What a console needs before the terminal is touched: the Platform API key (see
/// `platformKey`), a terminal it can use, and the store it saves through; nil after
/// saying why not.
private func prepare(_ keyFile: String?) -> (key: PlatformKey?, files: StoreFiles)? {
    guard let key = platformKey(keyFile) else { return nil }
    if let problem = TerminalCheck.problem() {
        Output.error(problem)
        return nil
    }
    return (key, StoreFiles(via: "console") { Signals.stopReason() != nil })
}

/// The Platform API key for Review's live actions (`--api-key-file`, else
/// CLERK_PLATFORM_API_KEY, which is then removed from the environment; none: they ask for
/// one); nil after saying why the one given cannot be used.
private func platformKey(_ keyFile: String?) -> PlatformKey?? {
    switch PlatformKey.fromProcess(file: keyFile) {
    case .success(let found): return .some(found)
    case .failure(let e):
        Output.error(e.description)
        return nil
    }
}

/// Does the live actions' requests. libcurl is loaded only when one first runs: the first
/// frame does not wait for it.
private func livePerformer() -> LivePerformer {
    LivePerformer(environment: LiveEnvironment.fromProcess(key: nil, userAgent: "social-console/\(Version.number)"))
}

/// Runs a session of `state` (a file's walkthrough, the fleet list) on the ncurses backend
/// until it ends; returns its exit code.
private func runOnTerminal<State: ConsoleModel>(_ state: State, files: StoreFiles, jobs: Jobs) -> Int32 {
    Signals.install()
    guard let backend = NcursesBackend.start(asciiOnly: TerminalCheck.asciiOnly) else {
        Output.error(
            "cannot use this terminal (TERM=\(String(cString: getenv("TERM")))); set TERM to your terminal's type, e.g. export TERM=xterm-256color, \(TerminalCheck.plainHint)"
        )
        return 2
    }
    var session = ConsoleSession(state: state, backend: backend, files: files, jobs: jobs, stopRequest: Signals.stopReason)
    let code = session.run()
    backend.stop()
    // The screen is back to the shell's: what happened to unsaved edits can be read now.
    for line in session.farewell { Output.error(line) }
    return code
}
