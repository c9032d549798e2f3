#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment on a clock that only goes forward and goes on while the machine sleeps: the
/// clock `ContinuousClock` reads (CLOCK_BOOTTIME on Linux), for intervals such as "a
/// second since the file was last compared". Written here because `ContinuousClock` lives
/// in the concurrency module, which our modules do not import (Package.swift), so that the
/// binary need not link it nor libdispatch: their data is pages the loader relocates at
/// every start.
public struct MonotonicInstant: Comparable, Hashable, Sendable {
    /// Since the clock's zero (the machine's boot). A `Duration`, so that arithmetic with
    /// durations is exact and cannot overflow for any time a machine stays up.
    let sinceZero: Duration

    init(sinceZero: Duration) { self.sinceZero = sinceZero }

    public static var now: MonotonicInstant {
        var time = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_BOOTTIME, &time)
        #else
        clock_gettime(CLOCK_MONOTONIC, &time)
        #endif
        return MonotonicInstant(sinceZero: .seconds(Int64(time.tv_sec)) + .nanoseconds(Int64(time.tv_nsec)))
    }

    public static func < (a: MonotonicInstant, b: MonotonicInstant) -> Bool { a.sinceZero < b.sinceZero }

    /// How long after `b` `a` is (negative when it is before).
    public static func - (a: MonotonicInstant, b: MonotonicInstant) -> Duration { a.sinceZero - b.sinceZero }

    public static func + (a: MonotonicInstant, d: Duration) -> MonotonicInstant { MonotonicInstant(sinceZero: a.sinceZero + d) }
}

extension Duration {
    /// Whole milliseconds (rounded towards zero), as poll(2) and ncurses' reads take a wait.
    public var wholeMilliseconds: Int64 { components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000 }
}
