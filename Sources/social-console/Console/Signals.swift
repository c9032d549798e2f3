import ConsoleKit
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The signal that asked the console to stop, or 0. The handler only stores it: no
/// ncurses (or anything else unsafe) runs in a signal handler; the run loop, which
/// wakes at least every 100 ms, restores the terminal and exits.
let stopSignal = Atomic<Int32>(0)

/// The terminal modes from before ncurses started, for the crash handler. Written once
/// before any handler is installed, only read afterwards.
nonisolated(unsafe) var originalModes = termios()
nonisolated(unsafe) var haveOriginalModes = false

enum Signals {
    /// Installed before ncurses starts, so ncurses keeps ours instead of its own
    /// (which would end the process from inside the handler).
    /// The signals that end the console through the run loop.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP]
    /// The signals of a crash.
    static let crashSignals = CrashGuard.signals

    static func install() {
        // Ctrl-Z's own stop and continue, and window size changes, must arrive too.
        unblock(stopSignals + crashSignals + [SIGTSTP, SIGCONT, SIGWINCH])
        for sig in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in stopSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        installCrashRestore()
    }

    static var received: Int32 { stopSignal.load(ordering: .relaxed) }

    /// The received signal as the session's stop reason.
    static func stopReason() -> StopReason? {
        switch received {
        case SIGHUP: return .hangUp
        case SIGTERM: return .terminate
        case SIGINT: return .interrupt
        default: return nil
        }
    }

    /// A blocked signal mask is inherited across exec: a program started by a process
    /// that blocks signals (some job runners and test harnesses do) would otherwise never
    /// see the signals it handles: its hangup, its SIGTERM, its own Ctrl-Z stop.
    /// Stops this process as Ctrl-Z's default action would, whatever SIGTSTP's handler is
    /// now, and returns once it is continued (`fg`), the handler put back. Async-signal-
    /// safe (sigaction, pthread_sigmask, raise): the hidden prompt calls it from its
    /// SIGTSTP handler, where SIGTSTP is blocked until it is unblocked here.
    static func stopUntilContinued() {
        var stop = sigaction(), previous = sigaction()
        stop.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&stop.sa_mask)
        sigaction(SIGTSTP, &stop, &previous)
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGTSTP)
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        // Stops here until SIGCONT. (In an orphaned process group the kernel drops the
        // stop instead: then this returns at once.)
        raise(SIGTSTP)
        sigaction(SIGTSTP, &previous, nil)
    }

    static func unblock(_ list: [Int32]) {
        var signals = sigset_t()
        sigemptyset(&signals)
        for sig in list { sigaddset(&signals, sig) }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// A crash must not leave the terminal raw, silent and on the alternate screen:
    /// `CrashGuard` (every command's crash handler) calls this first. Async-signal-safe:
    /// tcsetattr and write only.
    static func installCrashRestore() {
        haveOriginalModes = tcgetattr(0, &originalModes) == 0
        CrashGuard.restoreTerminal = {
            if haveOriginalModes { tcsetattr(0, TCSANOW, &originalModes) }
            // Leave the alternate screen, bracketed paste off, cursor visible, attributes reset.
            let reset: StaticString = "\u{1B}[?1049l\u{1B}[?2004l\u{1B}[?25h\u{1B}[0m\r\n"
            _ = write(1, reset.utf8Start, reset.utf8CodeUnitCount)
        }
    }
}
