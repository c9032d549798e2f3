#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The signal that asked the console to stop, or 0. The handler only stores it: no
/// ncurses (or anything else unsafe) runs in a signal handler; the run loop, which
/// wakes at least every 100 ms, restores the terminal and exits.
let stopSignal = Atomic<Int32>(0)

enum Signals {
    /// Installed before ncurses starts, so ncurses keeps ours instead of its own
    /// (which would end the process from inside the handler).
    static func install() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in stopSignal.store(sig, ordering: .relaxed) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, nil)
        }
    }

    static var received: Int32 { stopSignal.load(ordering: .relaxed) }
}
