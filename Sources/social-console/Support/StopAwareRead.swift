#if canImport(Glibc)
import Glibc
#endif

/// A read of standard input that a signal ending the session (a hangup, SIGTERM, Ctrl-C:
/// `Signals`) always cuts short, for plain mode's lines and the hidden prompt. The signal
/// may arrive just before the read would block, and then no read would ever be
/// interrupted: so it waits for input in steps of 100 ms and looks for the signal between
/// them.
enum StopAwareRead {
    /// As read(2); -1 with errno EINTR when a signal came (the caller asks `Signals` which,
    /// and whether to go on).
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
        var wanted = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            if Signals.stopReason() != nil {
                errno = EINTR
                return -1
            }
            let ready = poll(&wanted, 1, 100)
            if ready < 0 { return -1 }
            if ready > 0 { return Glibc.read(fd, buffer.baseAddress, buffer.count) }
        }
    }
}
