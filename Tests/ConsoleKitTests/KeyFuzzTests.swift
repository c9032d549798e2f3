@testable import ConsoleKit
import Foundation
import Testing

/// A seeded mutation fuzzer for the console's input path, run inside the suite: raw
/// terminal reads → KeyDecoder → the reducer → the renderer, at sizes from 0x0 up, from
/// the example files and an empty one, editable and read-only. Bounded in time, the same
/// cases in the same order on every run. KeyFuzzRunner lists what it checks.
/// A crash kills the test process; its case is then in `lastInputPath`: copy it into
/// Tests/FuzzCorpus/keys/ so it runs first, forever, as a regression.
@Suite struct KeyFuzzTests {
    static let lastInputPath = "/tmp/social-console-key-fuzz-last-input.txt"
    /// About ten seconds in a debug build. Longer hunts:
    /// SOCIAL_CONSOLE_KEY_FUZZ_SECONDS=600 SOCIAL_CONSOLE_KEY_FUZZ_SEED=7 swift test --filter KeyFuzzTests
    static let timeBudget = environment("SOCIAL_CONSOLE_KEY_FUZZ_SECONDS").flatMap(Double.init) ?? 10
    static let seed = environment("SOCIAL_CONSOLE_KEY_FUZZ_SEED").flatMap { UInt64($0) } ?? 0x4B45_5953
    static let maxIterations = timeBudget > 10 ? Int.max : 20_000
    /// A frame or a key this slow is a hang in the making (it would freeze the terminal).
    static let slowStep: Duration = .seconds(2)

    static func environment(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }

    static var corpusFolder: String {
        // Tests/ConsoleKitTests/KeyFuzzTests.swift → Tests/FuzzCorpus/keys
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FuzzCorpus/keys").path
    }

    static var keptNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }

    static func kept(_ name: String) throws -> KeyFuzzCase {
        let text = try String(contentsOfFile: corpusFolder + "/" + name, encoding: .utf8)
        return try KeyFuzzCase.parse(text).get()
    }

    @Test func theKeptCorpusIsThere() {
        #expect(!Self.keptNames.isEmpty, "Tests/FuzzCorpus/keys is missing")
    }

    @Test(arguments: keptNames)
    func keptCaseRunsClean(_ name: String) throws {
        let c = try Self.kept(name)
        #expect(KeyFuzzCase.parse(c.text) == .success(c), "the text form reads back")
        let run = KeyFuzzRunner.run(c)
        #expect(run.failures.isEmpty, "\(name): \(run.failures.first ?? "")")
        #expect(run.slowest < Self.slowStep, "\(name): a \(run.slowestWhat) took \(run.slowest)")
    }

    /// Replays one case file: SOCIAL_CONSOLE_KEY_FUZZ_REPLAY=/tmp/social-console-key-fuzz-last-input.txt
    @Test(.enabled(if: environment("SOCIAL_CONSOLE_KEY_FUZZ_REPLAY") != nil))
    func replayOneCase() throws {
        let path = Self.environment("SOCIAL_CONSOLE_KEY_FUZZ_REPLAY")!
        let c = try KeyFuzzCase.parse(String(contentsOfFile: path, encoding: .utf8)).get()
        let run = KeyFuzzRunner.run(c)
        print("key fuzz replay: \(c.steps.count) steps, \(run.keys) keys, \(run.frames) frames; slowest \(run.slowest): \(run.slowestWhat)")
        #expect(run.failures.isEmpty, "\(run.failures.first ?? "")")
    }

    @Test func randomKeyStreamsNeverBreakTheConsole() throws {
        let corpus = try Self.keptNames.map(Self.kept)
        var generator = KeyFuzzGenerator(seed: Self.seed, corpus: corpus)
        print("key fuzz: a crash leaves its case in \(Self.lastInputPath)")
        let clock = ContinuousClock()
        let start = clock.now
        var iterations = 0, keys = 0, frames = 0, effects = 0, clicks = 0, resizes = 0
        var slowest: Duration = .zero
        var slowestWhat = ""
        var effectKinds: [String: Int] = [:]
        while iterations < Self.maxIterations, clock.now - start < .seconds(Self.timeBudget) {
            let c = generator.next()
            // Kept before the run, so a crash leaves the case that caused it behind.
            try c.text.write(toFile: Self.lastInputPath, atomically: false, encoding: .utf8)
            let run = KeyFuzzRunner.run(c)
            if run.slowest > slowest { slowestWhat = run.slowestWhat }
            slowest = max(slowest, run.slowest)
            iterations += 1
            keys += run.keys; frames += run.frames; effects += run.effects; clicks += run.clicks; resizes += run.resizes
            effectKinds.merge(run.effectKinds, uniquingKeysWith: +)
            if let failure = run.failures.first {
                Issue.record("case \(iterations), kept in \(Self.lastInputPath): \(failure)")
                return
            }
            if run.slowest > Self.slowStep {
                Issue.record("case \(iterations): a \(run.slowestWhat) took \(run.slowest), kept in \(Self.lastInputPath)")
                return
            }
        }
        let elapsed = clock.now - start
        print(
            "key fuzz: seed \(Self.seed), \(iterations) cases, \(keys) keys (\(clicks) clicks on something, \(resizes) resizes), \(frames) frames, \(effects) effects in \(elapsed); slowest turn \(slowest) (\(slowestWhat))"
        )
        print("key fuzz: effects \(effectKinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        // About 50 cases, 5,000 keys and 2,000 frames in a debug build here, alone; a third
        // of that beside the rest of the suite. Frames are most of the time: each is drawn
        // by the session, sent as an update, applied to the fake screen and checked.
        #expect(iterations > 10 && keys > 1_000 && frames > 500, "the fuzz run did too little to mean anything")
        #expect(effects > 0, "the fuzz run should reach saves and quits")
        #expect(clicks > 0 && resizes > 0, "the fuzz run should click on what the console draws and resize it")
        unlink(Self.lastInputPath)
    }
}
