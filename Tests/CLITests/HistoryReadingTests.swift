import TestSupport
import Foundation
import Testing

/// `history` reads a regular file only, never waits on one, and takes time in proportion
/// to the file's size however long its lines are.
@Suite struct HistoryReadingTests {
    func settings(_ ws: Workspace) throws -> String { try ws.example("acme-prod.json", as: "s.json") }

    @Test func aFIFONamedLikeTheHistoryIsRefusedAtOnce() throws {
        let ws = try Workspace()
        let file = try settings(ws)
        #expect(mkfifo(file + ".history.jsonl", 0o600) == 0)
        let run = try Spawned(["history", file], dir: ws.path)
        let r = try #require(run.wait(upTo: 20))
        #expect(r.code == 2)
        #expect(r.err.contains("is not a regular file"), "\(r.err)")
    }

    @Test func aLinkToDevZeroIsRefused() throws {
        let ws = try Workspace()
        let file = try settings(ws)
        try FileManager.default.createSymbolicLink(atPath: file + ".history.jsonl", withDestinationPath: "/dev/zero")
        let run = try Spawned(["history", file], dir: ws.path)
        let r = try #require(run.wait(upTo: 20))
        #expect(r.code == 2)
        #expect(r.err.contains("is not a regular file"), "\(r.err)")
    }

    /// 64 MiB on one line took 27 s when every block re-scanned the line from its start.
    @Test func aHugeLineIsSkippedAndTheOthersShown() throws {
        let ws = try Workspace()
        let file = try settings(ws)
        let good = #"{"time": "2026-11-29T10:00:00Z", "user": "cy", "via": "set", "changes": [{"key": "instance.name", "old": "a", "new": "b"}]}"#
        var data = Data((good + "\n").utf8)
        data.append(Data(repeating: UInt8(ascii: "x"), count: 64 * 1_048_576))
        data.append(Data(("\n" + good + "\n").utf8))
        try data.write(to: URL(fileURLWithPath: file + ".history.jsonl"))
        let run = try Spawned(["history", file], dir: ws.path)
        let r = try #require(run.wait(upTo: 30))
        #expect(r.code == 2)
        #expect(r.err.contains(":2: longer than"), "\(r.err)")
        #expect(r.out.components(separatedBy: "instance.name: \"a\" → \"b\"").count == 3, "\(r.out)")
    }
}
