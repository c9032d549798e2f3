import Testing

@testable import SettingsKit

/// `MonotonicInstant`, the console's clock for intervals (the disk check, the fleet's
/// batches): it goes forward with real time, and its arithmetic with durations is exact.
@Suite struct MonotonicInstantTests {
    @Test func addsAndSubtractsDurationsExactly() {
        let start = MonotonicInstant(sinceZero: .seconds(1_000_000) + .nanoseconds(999_999_999))
        #expect((start + .nanoseconds(1)) - start == .nanoseconds(1))
        #expect((start + .milliseconds(50)) - start == .milliseconds(50))
        #expect(start - (start + .milliseconds(50)) == .milliseconds(-50), "earlier minus later is negative")
        #expect(start + .milliseconds(1500) == start + .seconds(1) + .milliseconds(500))
        #expect(start + .zero == start)
        // A machine up for a century: still exact, no overflow.
        let late = MonotonicInstant(sinceZero: .seconds(100 * 365 * 86_400))
        #expect((late + .seconds(2)) - late == .seconds(2))
        #expect(late - MonotonicInstant(sinceZero: .zero) == .seconds(100 * 365 * 86_400))
    }

    @Test func ordersByTime() {
        let start = MonotonicInstant(sinceZero: .seconds(5))
        #expect(start < start + .nanoseconds(1))
        #expect(!(start < start) && start <= start)
        #expect(start + .milliseconds(-1) < start)
        #expect([start + .seconds(2), start, start + .seconds(1)].sorted() == [start, start + .seconds(1), start + .seconds(2)])
        #expect(Set([start, start + .zero, start + .nanoseconds(1)]).count == 2)
    }

    /// The clock itself: never backwards, and the very clock `ContinuousClock` reads
    /// (CLOCK_BOOTTIME on Linux), read here between two of its readings.
    @Test func readsTheClockContinuousClockReads() {
        var last = MonotonicInstant.now
        for _ in 0..<10_000 {
            let now = MonotonicInstant.now
            #expect(last <= now)
            last = now
        }
        let clock = ContinuousClock()
        let before = clock.systemEpoch.duration(to: .now)
        let ours = MonotonicInstant.now.sinceZero
        let after = clock.systemEpoch.duration(to: .now)
        #expect(before <= ours && ours <= after, "\(before) ≤ \(ours) ≤ \(after)")
    }
}
