import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Everything this program changes about the terminal, and how each change is undone,
/// in one place (as htop's CRT.c): the one snapshot of the shell's terminal settings
/// (termios), the program's own settings while it runs (the console's raw mode, the
/// hidden prompt's echo off), and the escape sequences that enter and leave the
/// console's screen modes (alternate screen, keypad, bracketed paste, mouse 1000/1006 as
/// the console wants it, cursor, attributes). Every way out goes through here: a normal exit (the backend),
/// a crash (`CrashGuard`), Ctrl-Z and any other SIGTSTP (ncurses' own handler is never
/// installed: ours is in place first), SIGCONT after a stop, and the signals that end
/// the hidden prompt. So the shell never gets click reports or a silent terminal back.
///
/// What the signal handlers read is written before they can run and never freed; they
/// use only tcsetattr and write(2).
enum TerminalModes {
    /// The shell's settings, read once at start-up, before anything changes them.
    nonisolated(unsafe) private static var shell = termios()
    nonisolated(unsafe) private static var haveShell = false
    /// The program's settings while it has the terminal, put back after a stop.
    nonisolated(unsafe) private static var program = termios()
    nonisolated(unsafe) private static var haveProgram = false
    /// The console's screen: what enters it again after a stop and what leaves it.
    nonisolated(unsafe) private static var enterScreen = Bytes()
    /// `enterScreen` and `mouseOn` as one write: the terminal takes both in one go.
    nonisolated(unsafe) private static var enterScreenWithMouse = Bytes()
    nonisolated(unsafe) private static var leaveScreen = Bytes()
    private static let screenOn = Atomic<Bool>(false)
    /// Mouse reporting, on while the console wants clicks (off: the terminal's own
    /// selection works); `leaveScreen` turns it off too, whatever it is.
    nonisolated(unsafe) private static var mouseOn = Bytes()
    nonisolated(unsafe) private static var mouseOff = Bytes()
    private static let mouseWanted = Atomic<Bool>(true)
    /// A question's line is open on this descriptor (the hidden prompt): a stop or an
    /// ending signal ends the line first, so the shell starts on a line of its own.
    private static let openLine = Atomic<Int32>(-1)
    /// The process was continued after a stop since the last `takeContinued`.
    private static let continued = Atomic<Bool>(false)

    /// Bytes a signal handler writes as they are: allocated once, never freed.
    private struct Bytes {
        var bytes: UnsafeMutablePointer<UInt8>?
        var count = 0

        init() {}

        init(_ text: String) {
            let utf8 = Array(text.utf8)
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, utf8.count))
            buffer.initialize(from: utf8, count: utf8.count)
            bytes = buffer
            count = utf8.count
        }

        func write(to fd: Int32) {
            guard let bytes, count > 0 else { return }
            _ = Glibc.write(fd, bytes, count)
        }
    }

    // MARK: Set up (not in a signal handler)

    /// Reads the shell's settings: first thing in every command, before any handler.
    static func captureShell() {
        haveShell = isatty(0) == 1 && tcgetattr(0, &shell) == 0
    }

    /// The settings the program runs with now (raw for the console, echo off for the
    /// hidden prompt), put back after a stop; nil when the program gives the terminal back.
    static func setProgram(_ modes: termios?) {
        if let modes {
            program = modes
            haveProgram = true
        } else {
            haveProgram = false
        }
    }

    /// The console's screen modes: `enter` turns them on (also after a stop), `leave`
    /// off (the mouse too); `mouseOn` and `mouseOff` the mouse alone. Written to
    /// standard output.
    static func setScreen(enter: String, leave: String, mouseOn: String, mouseOff: String) {
        enterScreen = Bytes(enter)
        enterScreenWithMouse = Bytes(enter + mouseOn)
        leaveScreen = Bytes(leave)
        Self.mouseOn = Bytes(mouseOn)
        Self.mouseOff = Bytes(mouseOff)
    }

    /// Turns the console's screen modes on or off (the backend, at start, on leaving and
    /// around a suspend).
    static func screen(_ on: Bool) {
        screenOn.store(on, ordering: .relaxed)
        if on { enterProgramScreen() } else { leaveScreen.write(to: 1) }
    }

    /// Turns mouse reporting on or off now, and after every stop from now on.
    static func mouse(_ on: Bool) {
        mouseWanted.store(on, ordering: .relaxed)
        if screenOn.load(ordering: .relaxed) { (on ? mouseOn : mouseOff).write(to: 1) }
    }

    /// The console's screen, with the mouse as it was wanted.
    private static func enterProgramScreen() {
        (mouseWanted.load(ordering: .relaxed) ? enterScreenWithMouse : enterScreen).write(to: 1)
    }

    static func lineOpen(on fd: Int32?) { openLine.store(fd ?? -1, ordering: .relaxed) }

    /// Whether the process was continued after a stop since the last call: the console
    /// repaints, the hidden prompt asks again.
    static func takeContinued() -> Bool { continued.exchange(false, ordering: .relaxed) }

    // MARK: From signal handlers (async-signal-safe)

    /// The shell's terminal, as it was: settings, and the console's screen left.
    static func restoreShell() {
        let fd = openLine.load(ordering: .relaxed)
        if fd >= 0 {
            var newline: UInt8 = 0x0A  // on the stack: no allocation in a signal handler
            _ = write(fd, &newline, 1)
        }
        if screenOn.load(ordering: .relaxed) { leaveScreen.write(to: 1) }
        if haveShell { tcsetattr(0, TCSANOW, &shell) }
    }

    /// The program's terminal again after a stop: its settings, and its screen re-entered.
    static func resumeProgram() {
        if haveProgram { tcsetattr(0, TCSANOW, &program) }
        if screenOn.load(ordering: .relaxed) { enterProgramScreen() }
        continued.store(true, ordering: .relaxed)
    }

    /// SIGTSTP (Ctrl-Z in the hidden prompt, the console's Ctrl-Z, `kill -TSTP`) and
    /// SIGCONT after any stop (SIGSTOP's cannot be caught, and a shell may have reset the
    /// terminal meanwhile). No SA_RESTART: a read in progress is interrupted, so the
    /// prompt can be shown again.
    static func installStopHandlers() {
        Signals.unblock([SIGTSTP, SIGCONT])
        func handle(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        handle(SIGTSTP) { _ in
            TerminalModes.restoreShell()
            // Stops until `fg`; in an orphaned process group it just goes on.
            Signals.stopUntilContinued()
            TerminalModes.resumeProgram()
        }
        handle(SIGCONT) { _ in TerminalModes.resumeProgram() }
    }
}
