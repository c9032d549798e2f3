import CCurlShim
#if canImport(Glibc)
import Glibc
#endif

/// A flag any thread may raise to end the requests that carry it: the console's Esc, or
/// a command that has given up. A request checks it while it runs (libcurl's progress
/// callback) and between retries, so a raised flag ends it within about a second.
public final class Cancellation: @unchecked Sendable {
    /// Read by libcurl's callback through a pointer: an Int32 that lives as long as this.
    let flag: UnsafeMutablePointer<Int32>

    public init() {
        flag = .allocate(capacity: 1)
        flag.initialize(to: 0)
    }

    deinit { flag.deallocate() }

    public func cancel() { sc_flag_set(flag, 1) }

    public var isCancelled: Bool { sc_flag_get(flag) != 0 }

    /// Sleeps up to `seconds`, in short steps, and stops early once cancelled.
    /// Returns false when cancelled.
    func sleep(_ seconds: Double) -> Bool {
        var left = seconds
        while left > 0 {
            if isCancelled { return false }
            let step = min(left, 0.05)
            usleep(UInt32(step * 1_000_000))
            left -= step
        }
        return !isCancelled
    }
}
