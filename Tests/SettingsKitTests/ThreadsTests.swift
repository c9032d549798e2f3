import Foundation
import Testing
import SettingsKit

/// The one place threads are started: every body runs, and a background thread's lowered
/// priority is its own and its children's, never the thread that reads the keys.
@Suite struct ThreadsTests {
    final class Seen: @unchecked Sendable {
        let lock = NSLock()
        var values: [String: Int32] = [:]
        func record(_ name: String, _ value: Int32) { lock.withLock { values[name] = value } }
    }

    /// This thread's nice value (errno is not looked at: every value here is 0 or 10).
    static func nice() -> Int32 { getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0) }

    @Test func runAllRunsEveryBodyTheFirstOnThisThread() {
        let seen = Seen()
        let here = pthread_self()
        Threads.runAll((0..<5).map { i in { seen.record("body \(i)", pthread_equal(pthread_self(), here) != 0 ? 1 : 0) } })
        #expect(seen.values.count == 5)
        #expect(seen.values["body 0"] == 1)
        #expect((1..<5).allSatisfy { seen.values["body \($0)"] == 0 })
    }

    @Test func aLoweredPriorityIsTheThreadsOwnAndItsChildrens() {
        let seen = Seen()
        let before = Self.nice()
        let done = Monitor()
        Threads.detach {
            Threads.lowerPriorityOfThisThread()
            seen.record("background", Self.nice())
            Threads.runAll([{}, { seen.record("its worker", Self.nice()) }])
            done.locked {
                seen.record("finished", 1); done.broadcast()
            }
        }
        done.locked { while seen.lock.withLock({ seen.values["finished"] }) == nil { done.wait() } }
        // 10, or what the tests were started with if that was lower still.
        #expect(seen.values["background"] == max(10, before))
        #expect(seen.values["its worker"] == max(10, before))
        #expect(Self.nice() == before)
    }
}
