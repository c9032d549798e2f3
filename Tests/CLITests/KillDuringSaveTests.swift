import Foundation
import TestSupport
import Testing

/// kill -9 at random moments of `set`: the file is always the old or the new version,
/// valid, secret intact; leftover temp files never pile up and are 0600 (they hold the
/// secret); the lock is never left held; every save that completed is in the file.
@Suite struct KillDuringSaveTests {
    @Test func aHundredKillsDuringSavesLeaveAValidFileWithEveryCompletedChange() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json")
        // How long one `set` takes here. The save is its last few milliseconds (after
        // start-up and parsing), so the kill moment follows a staircase: later after a kill
        // that came before the rename, earlier after one that came after it. The kills thus
        // gather around the save itself (write, fsyncs, history, rename), with some jitter.
        var spans: [Double] = []
        for _ in 0..<5 {
            let started = Date()
            let probe = try Spawned(["set", file, "atlassianApp.name=probe"], dir: ws.path)
            #expect(probe.wait(upTo: 60)?.code == 0)
            spans.append(Date().timeIntervalSince(started))
        }
        let span = max(spans.sorted()[2], 0.005)

        var generator = SplitMix64(seed: 0x5EED_0F_C0FFEE)
        var moment = 0.85 * span
        let step = 0.001, jitter = 0.004
        var current = "probe"
        var completed = 0, killedAfterLanding = 0, killedMidSave = 0
        for i in 0..<100 {
            let name = "kill-\(i)"
            let writer = try Spawned(["set", file, "atlassianApp.name=\(name)"], dir: ws.path)
            let delay = max(0, moment + Double.random(in: -jitter...jitter, using: &generator))
            usleep(UInt32(delay * 1_000_000))
            writer.kill9()
            writer.process.waitUntilExit()
            let result = writer.collect()
            let finishedBeforeTheKill = writer.exitedNormally
            if finishedBeforeTheKill { #expect(result.code == 0, "\(result.err)") }

            let json = try #require(try? ws.json("s.json"), "iteration \(i): the file is not valid JSON")
            let connection = json["connection"] as? [String: Any]
            #expect(connection?["clientSecret"] as? String == TestSecret.value, "iteration \(i): the secret was damaged")
            let onDisk = (json["atlassianApp"] as? [String: Any])?["name"] as? String
            #expect(onDisk == current || onDisk == name, "iteration \(i): neither the old nor the new version")
            if finishedBeforeTheKill {
                completed += 1
                #expect(onDisk == name, "iteration \(i): a completed save is missing")
            } else if onDisk == name {
                killedAfterLanding += 1
            }
            moment += onDisk == name ? -step : step
            current = onDisk ?? current

            let temps = try FileManager.default.contentsOfDirectory(atPath: ws.path).filter { $0.hasPrefix(".s.json.tmp-") }
            #expect(temps.count <= 1, "iteration \(i): temp files pile up: \(temps)")
            if !temps.isEmpty { killedMidSave += 1 }
            for temp in temps {
                let mode = try FileManager.default.attributesOfItem(atPath: ws.path + "/" + temp)[.posixPermissions] as? Int
                #expect(mode == 0o600, "a leftover temp file holds the secret: it must be 0600")
            }
        }
        // The next save cleans up, and the lock was never left held.
        let last = try Spawned(["set", file, "atlassianApp.name=after"], dir: ws.path)
        #expect(last.wait(upTo: 60)?.code == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: ws.path).filter { !$0.hasPrefix(".out-") && !$0.hasPrefix(".err-") }
        #expect(Set(names) == ["s.json", "s.json.lock", "s.json.history.jsonl"], "left behind: \(names.sorted())")
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        let lines = history.split(separator: "\n")
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "a broken history line: \(line.prefix(60))")
        }
        #expect(lines.count >= completed + 2, "every completed save has its history line")
        #expect(!history.contains(TestSecret.value))
        // Not assertions (the timing is the machine's), but the record of what was hit.
        print(
            "kill -9 loop: \(completed) saves completed, \(killedAfterLanding) killed after the rename, \(killedMidSave) killed between temp file and rename, span \(Int(span * 1000)) ms"
        )
    }
}
