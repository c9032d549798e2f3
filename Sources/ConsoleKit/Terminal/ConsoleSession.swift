import SettingsKit

/// The console's run loop: read keys, turn them (and the terminal's, the disk's and the
/// jobs' news) into events, let the reducer decide, have the effect runner do what it
/// asks and hand the result back as the next event, render, send the terminal what
/// changed. Data flows one way: event → state → cells → changed cells → terminal. The
/// loop decides nothing itself; it only does what effects say. `State` is what it runs: a
/// file's walkthrough (`ConsoleState`) or the fleet list (`FleetState`).
public struct ConsoleSession<State: ConsoleModel, Backend: TerminalBackend, Files: SettingsFiles> {
    public private(set) var state: State
    let backend: Backend
    let runner: EffectRunner<Files>
    /// A signal that asked the console to end, if any (checked at least every 100 ms).
    let stopRequest: () -> StopReason?
    /// How often the file on disk is compared with the session's base.
    let diskCheckInterval: Duration
    private var lastDiskCheck = MonotonicInstant.now
    /// When a job was last started or last posted news.
    private var lastJobActivity: MonotonicInstant?
    /// The frame drawn last: clicks are hit-tested against it.
    private(set) var frame: CellBuffer?
    /// What the terminal shows (nil: unknown, so the next frame is sent whole).
    private var shown: CellBuffer?
    /// The state the frame on screen shows, while no key has come since (an idle turn
    /// draws only when something else changed it).
    private var drawn: State?
    /// Each event of the last turn that asked for an effect, with that first effect (what
    /// followed from its result is not listed): for the key fuzzer's checks.
    private(set) var lastTurn: [(event: Event, effect: Effect)] = []

    /// `jobs`: runs the work the console starts off the input thread (none by default).
    public init(
        state: State, backend: Backend, files: Files, jobs: Jobs = Jobs(),
        diskCheckInterval: Duration = .seconds(1), stopRequest: @escaping () -> StopReason? = { nil }
    ) {
        self.state = state
        self.backend = backend
        self.runner = EffectRunner(files: files, jobs: jobs, terminal: backend)
        self.diskCheckInterval = diskCheckInterval
        self.stopRequest = stopRequest
    }

    /// Lines for stderr once the terminal is restored.
    public var farewell: [String] { state.farewell }

    /// Runs until the console ends; returns the exit code.
    public mutating func run() -> Int32 {
        if let code = start() { return code }
        while true {
            if let code = turn() { return code }
        }
    }

    /// The first frame, at the terminal's size.
    mutating func start() -> Int32? {
        let (width, height) = backend.size
        let sized = Event.resized(width: width, height: height)
        // The first frame comes before whatever the first event asks for is done (the fleet
        // list's walk of its folder): what is on screen first never waits for work.
        let effect = state.handle(sized)
        draw()
        return effect.flatMap { perform($0, after: sized) }
    }

    /// One turn of the loop: a signal, the jobs' news, the disk, then the keys waiting (or
    /// up to `idleWait` for one), and the frame they changed. Returns an exit code when the
    /// console ends.
    mutating func turn() -> Int32? {
        lastTurn = []
        if let reason = stopRequest(), let code = send(.stopRequested(reason)) { return code }
        let dialog = state.shownDialog
        let news = runner.jobs.takeEvents()
        // A job's news changes the state: letting go of the drawn copy first keeps a long
        // list (a fleet's rows) from being copied to take it in.
        if !news.isEmpty {
            drawn = nil
            lastJobActivity = MonotonicInstant.now
        }
        for event in news {
            if let code = send(event) { return code }
        }
        if let opened = state.shownDialog, opened != dialog {
            // A dialog a job opened (Push to Clerk's dry run) is answered only by keys typed
            // once it is on screen: a "y" typed ahead while the request ran is dropped, as
            // curses programs flush input (flushinp) before asking a question.
            draw()
            while backend.readKey(milliseconds: 0) != nil {}
        }
        if MonotonicInstant.now - lastDiskCheck >= diskCheckInterval {
            lastDiskCheck = .now
            if let watched = state.watchedFile {
                let changed = runner.files.changedOnDisk(since: watched.base, path: watched.path)
                if let code = send(.diskChecked(changed: changed)) { return code }
            }
        }
        guard let first = backend.readKey(milliseconds: idleWait()) else {
            // No key: a timeout, or a terminal that is gone (then reads never wait).
            if backend.hungUp, let code = send(.stopRequested(.hangUp)) { return code }
            if state != drawn { draw() }
            return nil
        }
        // Keys are always drawn after; letting go of the copy now keeps the text being
        // typed unshared, so a key does not copy a long value.
        drawn = nil
        // Take every key already waiting before drawing again: typed-ahead or pasted
        // text then costs one frame, not one per character.
        var keys = [first]
        while keys.count < 512, let more = backend.readKey(milliseconds: 0) { keys.append(more) }
        for key in keys {
            guard let event = Event(key, frame: frame, size: { backend.size }) else { continue }
            if let code = send(event) { return code }
        }
        draw()
        return nil
    }

    /// How long the next read may wait for a key. While a job has just started or is
    /// posting news, 5 ms: a fleet filling in is shown as it fills, not a tenth of a second
    /// behind. While one runs, 100 ms: its news has no way to wake the read. Otherwise
    /// until the next look at the disk (up to a second): an idle console wakes once a
    /// second, not ten times. A signal (a hangup, SIGTERM, a resize) cuts any wait short.
    private func idleWait() -> Int32 {
        let now = MonotonicInstant.now
        if let last = lastJobActivity, now - last < .milliseconds(250) { return 5 }
        if runner.jobs.isBusy { return 100 }
        let untilDiskCheck = diskCheckInterval - (now - lastDiskCheck)
        return Int32(min(max(untilDiskCheck.wholeMilliseconds, 100), 1000))
    }

    /// Gives an event to the reducer and has the runner do what follows from it. Returns an
    /// exit code when the console ends.
    mutating func send(_ event: Event) -> Int32? {
        guard let effect = state.handle(event) else { return nil }
        return perform(effect, after: event)
    }

    /// Has the runner do `effect`, which `event` asked for, and hand its results back (see
    /// `EffectRunner.perform`). Returns an exit code when the console ends.
    private mutating func perform(_ effect: Effect, after event: Event) -> Int32? {
        let runner = self.runner
        var screenLost = false
        var startedJob = false
        lastTurn.append((event, effect))
        // Another program's lock would hold the save up (to 30 s): the screen says so first.
        if runner.announceWait(before: effect, to: &state) { draw() }
        let code = runner.perform(effect, for: &state) { effect in
            // The terminal's screen is cleared or the shell's for a while: send it whole.
            if effect == .redraw || effect == .suspend { screenLost = true }
            if case .start = effect { startedJob = true }
        }
        if screenLost { shown = nil }
        if startedJob { lastJobActivity = MonotonicInstant.now }
        return code
    }

    mutating func draw() {
        let buffer = state.render()
        frame = buffer
        let cells = backend.asciiOnly ? AsciiGlyphs.frame(buffer) : buffer
        backend.draw(FrameUpdate(from: shown, to: cells))
        shown = cells
        drawn = state
    }
}
