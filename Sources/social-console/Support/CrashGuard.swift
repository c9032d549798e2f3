#if canImport(Glibc)
import Glibc
#endif

/// What happens on a crash, in every command: one line on stderr and exit status 128 +
/// the signal. Never the Swift runtime's backtrace (it prints registers and memory, which
/// can hold the secret read from stdin), never a core file (all of memory), and never
/// carrying on as if nothing happened.
///
/// The runtime installs its backtracer's handlers before `main` runs, and reads
/// SWIFT_BACKTRACE only then, so setting that variable here would change nothing for this
/// process: installing our own handlers replaces the runtime's, which is what turns the
/// backtracer off. (SWIFT_BACKTRACE=enable=no is still set, for any child process.)
enum CrashGuard {
    /// The signals of a crash (a Swift runtime trap is SIGILL or SIGTRAP), and Ctrl-\.
    static let signals = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT]

    static func install() {
        TerminalModes.captureShell()
        setenv("SWIFT_BACKTRACE", "enable=no", 1)
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
        // A stack overflow is a SIGSEGV with no stack left to run the handler on.
        let size = 65_536
        if let stack = malloc(size) {
            var alternate = stack_t(ss_sp: stack, ss_flags: 0, ss_size: size)
            _ = sigaltstack(&alternate, nil)
        }
        Signals.unblock(signals)
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in CrashGuard.handle(sig) }
            sigfillset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            sigaction(sig, &action, nil)
        }
    }

    /// Async-signal-safe: tcsetattr, write(2) of fixed text, then _exit(2). The terminal
    /// is the shell's again first (a crash in the console or at the hidden prompt).
    static func handle(_ sig: Int32) {
        TerminalModes.restoreShell()
        let message: StaticString
        switch sig {
        case SIGSEGV: message = "social-console: crashed (SIGSEGV, invalid memory access); nothing was saved by this crash\n"
        case SIGBUS: message = "social-console: crashed (SIGBUS, bus error); nothing was saved by this crash\n"
        case SIGILL: message = "social-console: crashed (SIGILL, a failed check or illegal instruction); nothing was saved by this crash\n"
        case SIGTRAP: message = "social-console: crashed (SIGTRAP, a failed check); nothing was saved by this crash\n"
        case SIGABRT: message = "social-console: stopped (SIGABRT, aborted); nothing was saved by this crash\n"
        case SIGFPE: message = "social-console: crashed (SIGFPE, arithmetic error); nothing was saved by this crash\n"
        case SIGQUIT: message = "social-console: stopped (SIGQUIT); nothing was saved\n"
        default: message = "social-console: crashed\n"
        }
        _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
        _exit(128 + sig)
    }
}
