import Foundation
import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet's job on real folders: the walk and the parallel audit fill the list, then
/// changes on disk (a save, a new file, a removed folder, a writer halfway through) are
/// judged again, each file alone, within about a second.
@Suite(.serialized) struct FleetWatcherTests {
    static func files(_ n: Int) -> [String: String] {
        var files: [String: String] = [:]
        for i in 0..<n { files[String(format: "batch-%d/f-%03d.json", i % 3, i)] = i % 2 == 0 ? Fixture.ready : Fixture.halfDone }
        return files
    }

    @Test func theWalkIsCountedThenEveryFileJudgedTheFirstAtOnce() throws {
        let folder = try FleetFixture.folder(Self.files(40))
        let run = FleetWatchRun(folder.path)
        #expect(run.wait { $0.loaded })
        #expect(run.events.first == .listed(40))
        if case .judged(let first)? = run.events.dropFirst().first { #expect(first.count == 1, "the first row comes at once") }
        #expect(run.state.list.counts.files == 40 && run.state.list.counts.ready == 20)
        #expect(Set(FleetWatchRun.judgedPaths(run.events)).count == 40)
        let row = try #require(run.state.list.row(path: "batch-1/f-001.json"))
        #expect(!row.ready && row.environment == "production" && row.blockers > 0)
    }

    @Test(arguments: [true, false])
    func aSaveOfOneFileJudgesThatFileAlone(inotify: Bool) throws {
        let folder = try FleetFixture.folder(Self.files(30))
        let run = FleetWatchRun(folder.path, timing: FleetWatchRun.quick(inotify: inotify))
        #expect(run.wait { $0.loaded })
        _ = run.collect(for: 0.3)
        // What the save brings, from the save on: a file the first walk found unsettled
        // (read just as it was written) is judged again once it settles, whatever is saved.
        let before = run.events.count
        // As `set` saves: atomically, through the store.
        let path = folder.file("batch-1/f-001.json")
        let ready = Fixture.settings(Fixture.ready)
        _ = try SettingsStore.save(ready, to: path, via: "set", base: try SettingsStore.load(path))
        #expect(run.wait(timeout: 3) { $0.list.row(path: "batch-1/f-001.json")?.ready == true }, "judged again within about a second")
        _ = run.collect(for: 0.5)
        let judged = FleetWatchRun.judgedPaths(Array(run.events[before...]))
        #expect(Set(judged) == ["batch-1/f-001.json"], "that file alone: \(judged)")
    }

    @Test(arguments: [true, false])
    func newFilesFoldersAndRemovalsFollowTheDisk(inotify: Bool) throws {
        let folder = try FleetFixture.folder(Self.files(6))
        let run = FleetWatchRun(folder.path, timing: FleetWatchRun.quick(inotify: inotify))
        #expect(run.wait { $0.loaded })
        try Fixture.ready.write(toFile: folder.file("batch-0/new.json"), atomically: true, encoding: .utf8)
        #expect(run.wait(timeout: 3) { $0.list.row(path: "batch-0/new.json") != nil })
        try FileManager.default.createDirectory(atPath: folder.file("later/deep"), withIntermediateDirectories: true)
        try Fixture.halfDone.write(toFile: folder.file("later/deep/x.json"), atomically: true, encoding: .utf8)
        #expect(run.wait(timeout: 3) { $0.list.row(path: "later/deep/x.json") != nil }, "a new folder is watched too")
        try Fixture.ready.write(toFile: folder.file("later/deep/y.json"), atomically: true, encoding: .utf8)
        #expect(run.wait(timeout: 3) { $0.list.row(path: "later/deep/y.json") != nil })
        try FileManager.default.removeItem(atPath: folder.file("batch-0/new.json"))
        #expect(run.wait(timeout: 3) { $0.list.row(path: "batch-0/new.json") == nil })
        try FileManager.default.removeItem(atPath: folder.file("later"))
        #expect(run.wait(timeout: 3) { $0.list.counts.files == 6 }, "a folder removed takes its files' rows")
        // Not settings files: never rows.
        try "x".write(toFile: folder.file("batch-0/notes.txt"), atomically: true, encoding: .utf8)
        try Fixture.ready.write(toFile: folder.file("batch-0/.hidden.json"), atomically: true, encoding: .utf8)
        try Fixture.ready.write(toFile: folder.file("batch-0/a.recovered.json"), atomically: true, encoding: .utf8)
        _ = run.collect(for: inotify ? 0.3 : 0.6)
        #expect(run.state.list.counts.files == 6)
    }

    /// A writer that writes a file in place in two halves, a while apart: the list never
    /// shows the half (invalid JSON) as the file's verdict.
    @Test func aFileHalfWrittenIsNeverARowsVerdict() throws {
        let folder = try FleetFixture.folder(["slow.json": Fixture.halfDone])
        let run = FleetWatchRun(folder.path)
        #expect(run.wait { $0.loaded })
        let bytes = Array(Fixture.ready.utf8)
        let fd = open(folder.file("slow.json"), O_WRONLY | O_TRUNC)
        #expect(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count / 2) }
        let during = run.collect(for: 0.4)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + bytes.count / 2, bytes.count - bytes.count / 2) }
        close(fd)
        #expect(run.wait(timeout: 3) { $0.list.row(path: "slow.json")?.ready == true })
        let rows = (during + run.events).flatMap { event -> [FleetRow] in
            if case .judged(let rows) = event { return rows }
            return []
        }
        #expect(!rows.contains { $0.isError }, "a torn read became a verdict")
    }

    /// A file written in place while it is read (its writer got in between the size and
    /// the bytes) is judged again, never taken as it was read.
    @Test func aChangeWhileAFileIsReadIsJudgedAgain() throws {
        let folder = try FleetFixture.folder(["f.json": Fixture.halfDone])
        var changed = false
        let outcome = FleetJudging.judge(
            "f.json", in: folder.path,
            admit: { _ in
                guard !changed else { return }
                changed = true
                let fd = open(folder.file("f.json"), O_WRONLY | O_TRUNC)
                let bytes = Array(Fixture.ready.utf8)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count) }
                close(fd)
            })
        #expect(outcome == .unsettled("f.json"))
        guard case .row(let row, _) = FleetJudging.judge("f.json", in: folder.path) else { Issue.record("judged once left alone"); return }
        #expect(row.ready)
    }

    @Test func aBrokenFileWrittenAMomentAgoWaitsToSettle() throws {
        let folder = try FleetFixture.folder(["b.json": "{\"schemaVersion\": 1, \"instance\": "])
        #expect(FleetJudging.judge("b.json", in: folder.path) == .unsettled("b.json"))
        guard case .row(let row, _) = FleetJudging.judge("b.json", in: folder.path, now: { FleetJudging.wallClock() + 5 }) else {
            Issue.record("a broken file left alone is a row")
            return
        }
        #expect(row.isError && row.firstCode == "file/invalid-json")
        #expect(FleetJudging.judge("gone.json", in: folder.path) == .gone("gone.json"))
    }

    @Test func judgingOneFileAgainPostsItsRowOrThatItIsGone() throws {
        let folder = try FleetFixture.folder(["a.json": Fixture.ready])
        let run = FleetWatchRun(folder.path, work: FleetJudge(folder: folder.path, paths: ["a.json", "missing.json"]))
        #expect(run.wait { $0.list.row(path: "a.json")?.ready == true })
        #expect(run.wait { _ in run.events.contains(.removed(["missing.json"])) })
    }

    /// Rows go to the list the first at once, then at most every interval: time is the
    /// test's to give.
    @Test func batchesFollowTheClock() {
        var batches = FleetBatches(interval: .milliseconds(50), limit: 5)
        let start = MonotonicInstant.now
        let row = { (i: Int) in FleetRow(path: "\(i).json") }
        #expect(batches.add(row(0), now: start)?.count == 1, "the first at once")
        #expect(batches.add(row(1), now: start + .milliseconds(10)) == nil)
        #expect(batches.add(row(2), now: start + .milliseconds(49)) == nil)
        #expect(batches.add(row(3), now: start + .milliseconds(50))?.map(\.path) == ["1.json", "2.json", "3.json"])
        for i in 4..<8 { #expect(batches.add(row(i), now: start + .milliseconds(51)) == nil) }
        #expect(batches.add(row(8), now: start + .milliseconds(52))?.count == 5, "a big batch goes whatever the time")
        #expect(batches.add(row(9), now: start + .milliseconds(53)) == nil)
        #expect(batches.flush()?.map(\.path) == ["9.json"])
        #expect(batches.flush() == nil)
    }
}
