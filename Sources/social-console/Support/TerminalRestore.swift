import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The terminal modes around the hidden prompt, for its signal handlers. Written before
/// the handlers are installed, only read while they are.
nonisolated(unsafe) private var modesBefore = termios()
nonisolated(unsafe) private var modesHidden = termios()
nonisolated(unsafe) private var promptOutput: Int32 = 2
/// Set when the process continues after a stop, so the prompt is shown again.
private let continuedAfterStop = Atomic<Bool>(false)

/// Puts the terminal back as it was whenever a signal takes it from the hidden prompt.
/// Ending signals (Ctrl-C, SIGTERM, a hangup, Ctrl-\): restore, then die of the same
/// signal so the shell sees the usual status. Ctrl-Z (SIGTSTP): restore, stop; on `fg`
/// turn echo off again. SIGCONT after any other stop (SIGSTOP, whose stop cannot be
/// caught, while a shell may have reset the terminal): echo off again. The handlers do
/// only async-signal-safe work (tcsetattr, write, sigaction, sigprocmask, raise).
enum TerminalRestore {
    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install(saved: termios, quiet: termios, output: Int32) -> [(Int32, sigaction)] {
        modesBefore = saved
        modesHidden = quiet
        promptOutput = output
        continuedAfterStop.store(false, ordering: .relaxed)
        // Blocked (inherited from whatever started us), they would wait until after the
        // prompt: Ctrl-C would not end it, Ctrl-Z would not stop it.
        Signals.unblock(endingSignals + [SIGTSTP, SIGCONT])
        var previous: [(Int32, sigaction)] = []
        func handle(_ sig: Int32, _ handler: @convention(c) (Int32) -> Void) {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = handler
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: the read is interrupted, so the prompt can be shown again.
            action.sa_flags = 0
            var old = sigaction()
            sigaction(sig, &action, &old)
            previous.append((sig, old))
        }
        for sig in endingSignals {
            handle(sig) { sig in
                tcsetattr(0, TCSANOW, &modesBefore)
                var newline: UInt8 = 0x0A  // on the stack: no allocation in a signal handler
                _ = write(promptOutput, &newline, 1)
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
        handle(SIGTSTP) { _ in
            tcsetattr(0, TCSANOW, &modesBefore)
            var newline: UInt8 = 0x0A
            _ = write(promptOutput, &newline, 1)
            // Stops until `fg`; in an orphaned process group the prompt just goes on.
            Signals.stopUntilContinued()
            tcsetattr(0, TCSANOW, &modesHidden)
            continuedAfterStop.store(true, ordering: .relaxed)
        }
        handle(SIGCONT) { _ in
            tcsetattr(0, TCSANOW, &modesHidden)
            continuedAfterStop.store(true, ordering: .relaxed)
        }
        return previous
    }

    static func uninstall(_ previous: [(Int32, sigaction)]) {
        for (sig, old) in previous {
            var old = old
            sigaction(sig, &old, nil)
        }
    }

    /// Whether the process continued after a stop since the last call.
    static func takeContinued() -> Bool {
        continuedAfterStop.exchange(false, ordering: .relaxed)
    }
}
