import ConsoleKit
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The signal that asked the console or plain mode to stop, or 0. The handler only stores
/// it: no ncurses (or anything else unsafe) runs in a signal handler; the run loop, which
/// wakes at least every 100 ms (a read in plain mode is interrupted), keeps the unsaved
/// edits, restores the terminal and exits.
private let stopSignal = Atomic<Int32>(0)
private let stopHandlersInstalled = Atomic<Bool>(false)

/// The signals of the console and plain mode: the ones that end them through their run
/// loop, Ctrl-Z's stop and continue (`TerminalModes`), and the crash handler's.
enum Signals {
    /// The signals that end a session through its run loop.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP]

    /// Installed before ncurses starts, so ncurses keeps ours instead of its own (which
    /// would end the process from inside the handler, and stop it without our modes off).
    static func install() {
        // Window size changes must arrive too.
        unblock(stopSignals + CrashGuard.signals + [SIGWINCH])
        for sig in stopSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in stopSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: plain mode's read of a line is interrupted, and it stops.
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
        stopHandlersInstalled.store(true, ordering: .relaxed)
        TerminalModes.installStopHandlers()
    }

    /// Whether a run loop takes the ending signals (else they end the process at once).
    static var areInstalled: Bool { stopHandlersInstalled.load(ordering: .relaxed) }

    /// The received signal as the session's stop reason.
    static func stopReason() -> StopReason? {
        switch stopSignal.load(ordering: .relaxed) {
        case SIGHUP: return .hangUp
        case SIGTERM: return .terminate
        case SIGINT: return .interrupt
        default: return nil
        }
    }

    /// Stops this process as Ctrl-Z's default action would, whatever SIGTSTP's handler is
    /// now, and returns once it is continued (`fg`), the handler put back. Async-signal-
    /// safe (sigaction, pthread_sigmask, raise): the SIGTSTP handler calls it, where
    /// SIGTSTP is blocked until it is unblocked here.
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

    /// A blocked signal mask is inherited across exec: a program started by a process
    /// that blocks signals (some job runners and test harnesses do) would otherwise never
    /// see the signals it handles: its hangup, its SIGTERM, its own Ctrl-Z stop.
    static func unblock(_ list: [Int32]) {
        var signals = sigset_t()
        sigemptyset(&signals)
        for sig in list { sigaddset(&signals, sig) }
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }
}
