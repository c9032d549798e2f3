import TestSupport
import Foundation
import Testing
import SettingsKit

/// `audit`'s memory is bounded for the whole run, not per file: however many threads, at
/// most a budget of bytes of files is judged or waiting at once (plus the one file that is
/// always let through), so big files are judged a few at a time.
@Suite struct AuditMemoryBudgetTests {
    /// How many files are between being read and being written, at most.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private var now = 0
        private(set) var most = 0
        func enter() {
            lock.withLock {
                now += 1; most = max(most, now)
            }
        }
        func leave() { lock.withLock { now -= 1 } }
    }

    /// Eight files of 512 KiB, eight threads, a budget of 1 MiB: two files fit.
    func run(_ order: ParallelAudit.Order) throws -> (most: Int, written: Int) {
        let folder = TemporaryFolder("budget")
        let big = String(repeating: "x", count: 512 * 1024)
        for i in 0..<8 { Fixtures.write(#"{"schemaVersion": 1, "notes": {"n": "\#(big)"}}"#, to: folder.file("f\(i).json")) }
        let flight = InFlight()
        var written = 0
        _ = ParallelAudit.run(
            [folder.path], workers: 8, order: order, bytesInFlight: 1_048_576,
            render: { entry in
                // Counted from here until written: the file's bytes are in the budget then.
                flight.enter()
                usleep(30_000)
                return entry.path
            },
            emit: { _ in
                written += 1
                flight.leave()
            })
        return (flight.most, written)
    }

    @Test func streamedFilesAreJudgedNoMoreThanTheBudgetHolds() throws {
        let (most, written) = try run(.asJudged)
        #expect(written == 8)
        #expect(most <= 2, "\(most) files of 512 KiB in flight under a budget of 1 MiB")
    }

    @Test func filesInPathOrderStayWithinTheBudgetPlusTheOneWhoseTurnItIs() throws {
        let (most, written) = try run(.byPath(window: 64))
        #expect(written == 8)
        #expect(most <= 3, "\(most) files of 512 KiB in flight under a budget of 1 MiB")
    }

    @Test func aFileBiggerThanTheBudgetIsStillJudged() throws {
        let folder = TemporaryFolder("budget")
        Fixtures.write(#"{"schemaVersion": 1, "notes": {"n": "\#(String(repeating: "y", count: 4096))"}}"#, to: folder.file("a.json"))
        Fixtures.write(#"{"schemaVersion": 1}"#, to: folder.file("b.json"))
        var paths: [String] = []
        let summary = ParallelAudit.run(
            [folder.path], workers: 4, order: .byPath(window: 8), bytesInFlight: 100, render: { $0.path }, emit: { paths.append($0) })
        #expect(summary.files == 2 && paths == [folder.file("a.json"), folder.file("b.json")])
    }
}
