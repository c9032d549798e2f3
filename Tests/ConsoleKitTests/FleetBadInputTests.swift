import Foundation
import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// A folder of what support staff meet in files they did not write: unreadable, hostile,
/// huge and non-UTF-8-named files, FIFOs and link loops. Every one is a row, nothing
/// hangs, and nothing from a file reaches the screen unescaped or unmasked.
/// (`Benchmarks/fleet-console-bench.py --hostile` does this at 100,000 files.)
@Suite(.serialized) struct FleetBadInputTests {
    /// Writes `bytes` under a name given as bytes (not UTF-8, say).
    static func create(_ bytes: [UInt8], named name: [UInt8], in folder: String) {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o600) } }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count) }
        close(fd)
    }

    @Test func everyBadFileIsARowAndNothingHangs() throws {
        let folder = try FleetFixture.folder(["ok.json": Fixture.ready, "sub/half.json": Fixture.halfDone])
        let dir = folder.path
        // Unreadable (for anyone but root) and a folder no one may list.
        try Fixture.ready.write(toFile: dir + "/locked.json", atomically: true, encoding: .utf8)
        chmod(dir + "/locked.json", 0)
        try FileManager.default.createDirectory(atPath: dir + "/closed", withIntermediateDirectories: true)
        try Fixture.ready.write(toFile: dir + "/closed/inside.json", atomically: true, encoding: .utf8)
        chmod(dir + "/closed", 0)
        defer { chmod(dir + "/closed", 0o700) }
        // Hostile: deep nesting, NUL, escapes and bidi controls in names and values, a
        // file named after its own secret.
        try (String(repeating: "[", count: 100_000)).write(toFile: dir + "/deep.json", atomically: true, encoding: .utf8)
        Self.create(Array("{\"schemaVersion\": 1, \"instance\": {\"name\": \"a\u{0}b\"}}".utf8), named: Array("nul.json".utf8), in: dir)
        try #"{"schemaVersion": 1, "instance": {"environment": "\u001b[31mproduction\u202e"}}"#
            .write(toFile: dir + "/esc\u{1B}[2J\u{202E}.json", atomically: true, encoding: .utf8)
        try Fixture.ready.write(toFile: dir + "/\(TestSecret.value).json", atomically: true, encoding: .utf8)
        // Huge: past the 8 MiB the store reads, and a big one under it.
        Self.create([UInt8](repeating: 0x20, count: 9 * 1_048_576), named: Array("huge.json".utf8), in: dir)
        Self.create(
            Array(#"{"schemaVersion": 1, "notes": ""#.utf8) + [UInt8](repeating: 0x61, count: 6 * 1_048_576) + Array(#""}"#.utf8),
            named: Array("big.json".utf8), in: dir)
        // A name that is not UTF-8 (café in Latin-1).
        Self.create(Array(Fixture.ready.utf8), named: Array("caf".utf8) + [0xE9] + Array(".json".utf8), in: dir)
        // A FIFO, link loops, a link to nowhere, a link to the folder itself.
        #expect(mkfifo(dir + "/pipe.json", 0o600) == 0)
        symlink("loop.json", dir + "/loop.json")
        symlink("b-loop.json", dir + "/a-loop.json")
        symlink("a-loop.json", dir + "/b-loop.json")
        symlink("nowhere", dir + "/dangling.json")
        // Links to folders are not gone into, as `audit` does: no loop, no row.
        symlink(".", dir + "/self")
        symlink(".", dir + "/self.json")

        let expected: Set<String> = [
            "ok.json", "sub/half.json", "locked.json", "closed", "deep.json", "nul.json", "esc\u{1B}[2J\u{202E}.json",
            "\(TestSecret.value).json", "huge.json", "big.json", SystemPath.string(fromBytes: Array("caf".utf8) + [0xE9] + Array(".json".utf8)),
            "pipe.json", "loop.json", "a-loop.json", "b-loop.json", "dangling.json",
        ]
        // Root reads what is locked: the folder's file is then a row of its own.
        let readable = geteuid() == 0 ? expected.subtracting(["closed"]).union(["closed/inside.json"]) : expected
        let run = FleetWatchRun(dir)
        #expect(run.wait(timeout: 30) { $0.loaded }, "the list finished judging")
        // Broken files written a moment ago wait a second to settle (a writer may be halfway).
        run.wait(timeout: 5) { Set($0.list.rows.map(\.path)) == readable }
        let paths = Set(run.state.list.rows.map(\.path))
        #expect(paths == readable, "missing: \(readable.subtracting(paths)); extra: \(paths.subtracting(readable))")
        let row = { (path: String) in run.state.list.row(path: path)! }
        #expect(row("huge.json").firstCode == "file/unreadable" && row("pipe.json").firstCode == "file/unreadable")
        #expect(row("deep.json").isError && row("loop.json").isError && row("dangling.json").firstCode == "file/not-found")
        #expect(!row("big.json").isError)
        // What the screen shows: escaped, masked, at every size.
        var s = run.state
        s.press(.char("s"))
        for (w, h) in [(120, 40), (80, 24), (40, 10)] {
            var all = ""
            for top in stride(from: 0, to: paths.count, by: 5) {
                s.press(.home)
                s.list.move(to: top)
                all += s.rendered(width: w, height: h)
            }
            #expect(!all.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "a control character reached the frame")
            #expect(!all.contains("\u{202E}"), "a bidi control reached the frame")
            #expect(!TestSecret.isIn(Array(all.utf8)), "the secret reached the frame")
        }
        #expect(s.rendered(width: 120, height: 40).contains(#"caf\xe9.json"#))
        #expect(s.rendered(width: 120, height: 40).contains(#"esc\u001b[2J\u202e.json"#))
    }
}
