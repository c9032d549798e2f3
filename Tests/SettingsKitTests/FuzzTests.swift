import Testing
@testable import SettingsKit
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A seeded mutation fuzzer for the loader, run inside the suite: bounded in time, the same
/// inputs in the same order on every run. It mutates the example files and the kept
/// regression inputs (Tests/FuzzCorpus/) and checks on every input what must always hold:
/// - decoding gives a `FileError` or settings, never a trap;
/// - an error's position lies inside the file;
/// - settings that load save to bytes that load back to the same settings, and saving
///   those again gives the same bytes (a save never damages what it does not understand);
/// - the readiness rules judge whatever loads;
/// - no description of the result contains the secret.
/// A crash kills the test process; its input is then in `lastInputPath`: copy it into
/// Tests/FuzzCorpus/ so it runs first, forever, as a regression.
@Suite struct FuzzTests {
    static let lastInputPath = "/tmp/social-console-fuzz-last-input.json"
    /// About half a minute in a debug build on a shared 2-core machine, at most. Longer
    /// hunts: SOCIAL_CONSOLE_FUZZ_SECONDS=600 SOCIAL_CONSOLE_FUZZ_SEED=7 swift test --filter FuzzTests
    static let timeBudget: Double = environment("SOCIAL_CONSOLE_FUZZ_SECONDS").flatMap(Double.init) ?? 25
    static let seed: UInt64 = environment("SOCIAL_CONSOLE_FUZZ_SEED").flatMap { UInt64($0) } ?? 0x5E77_1265
    static let maxIterations = timeBudget > 25 ? Int.max : 200_000

    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    static var corpusFolder: String {
        // Tests/SettingsKitTests/FuzzTests.swift → Tests/FuzzCorpus
        let file = #filePath
        let folder = SystemIO.directory(of: SystemIO.directory(of: file))
        return folder + "/FuzzCorpus"
    }

    /// The kept inputs: files only, since the key fuzzer keeps its cases in keys/.
    static func keptNames() -> [String] {
        Fixtures.listing(corpusFolder).filter { name in
            var info = stat()
            return !name.hasPrefix(".") && stat(corpusFolder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    static func corpus() -> [[UInt8]] {
        var seeds: [[UInt8]] = Repository.examples.keys.sorted().map { Array(Repository.examples[$0]!.utf8) }
        for name in keptNames() {
            if let bytes = Fixtures.read(corpusFolder + "/" + name) { seeds.append(bytes) }
        }
        return seeds
    }

    /// Checks one input; returns whether it loaded.
    @discardableResult
    static func check(_ bytes: [UInt8]) -> Bool {
        do {
            let settings = try SettingsStore.decode(bytes, path: "fuzz.json")
            let saved = SettingsStore.encode(settings)
            guard let again = try? SettingsStore.decode(saved, path: "fuzz.json") else {
                Issue.record("saved settings do not load again: \(String(decoding: saved.prefix(200), as: UTF8.self))")
                return true
            }
            #expect(again == settings, "a save changed the settings")
            #expect(SettingsStore.encode(again) == saved, "saving is not a fixed point")
            _ = Readiness.evaluate(settings, fileMode: 0o644)
            if let secret = settings.text(Fields.secretKey), secret.count >= 8 {
                #expect(!settings.description.contains(secret), "a description shows the secret")
            }
            return true
        } catch {
            if let position = error.position {
                #expect(position.line >= 1 && position.column >= 1)
                #expect(position.line <= bytes.count + 1)
            }
            #expect(!error.description.isEmpty)
            return false
        }
    }

    @Test func keptRegressionInputsStillLoadOrFailCleanly() {
        let kept = Self.keptNames()
        #expect(!kept.isEmpty, "the regression corpus is missing")
        for name in kept {
            Self.check(Fixtures.read(Self.corpusFolder + "/" + name)!)
        }
    }

    @Test func mutatedSettingsFilesNeverBreakTheLoader() throws {
        let seeds = Self.corpus()
        var mutator = Mutator(seed: Self.seed, corpus: seeds)
        let lastInput = open(Self.lastInputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { close(lastInput) }
        print("fuzz: a crash leaves its input in \(Self.lastInputPath)")
        let deadline = MonotonicInstant.now + .seconds(Self.timeBudget)
        var iterations = 0, loaded = 0
        while iterations < Self.maxIterations, MonotonicInstant.now < deadline {
            let input = mutator.next()
            // Kept before the run, so a crash leaves the input that caused it behind.
            _ = input.withUnsafeBytes { pwrite(lastInput, $0.baseAddress, $0.count, 0) }
            _ = ftruncate(lastInput, off_t(input.count))
            if Self.check(input) { loaded += 1 }
            iterations += 1
        }
        print("fuzz: seed \(Self.seed), \(iterations) inputs, \(loaded) loaded, \(iterations - loaded) refused with a file error")
        #expect(iterations > 1_000, "the fuzz run did too little to mean anything")
        #expect(loaded > 0 && loaded < iterations, "mutations should reach both loading and refusing")
        unlink(Self.lastInputPath)
    }
}

/// Mutations that reach the parser's corners: flipped and inserted bytes, JSON tokens and
/// structure inserted, ranges deleted or duplicated, splices between corpus files, and
/// the odd burst of nesting or a long run.
struct Mutator {
    var random: SplitMix64
    let corpus: [[UInt8]]

    init(seed: UInt64, corpus: [[UInt8]]) {
        random = SplitMix64(seed: seed)
        self.corpus = corpus
    }

    static let tokens: [[UInt8]] = [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "\\ud800", "\\udc00", "\\u0000", "\\u001b", "true", "false", "null",
        "-", "0", "-0", "1e999", "1E-999", "0.", ".5", "01", "NaN", "Infinity", "\"schemaVersion\": 2", "\"schemaVersion\": 1",
        "\"instance\": ", "\"connection\": {}", "\"clientSecret\": ", "\"atlassianApp\": []", "\"scopes\": [1]", "\"\": ",
        "https://", "://", "é", "日本", "\u{FEFF}", " ", "\n", "\t", "\r",
    ].map { Array($0.utf8) }

    static let bytes: [UInt8] = [0x00, 0x01, 0x1B, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]

    mutating func int(_ bound: Int) -> Int { bound <= 0 ? 0 : Int(random.next() % UInt64(bound)) }

    mutating func next() -> [UInt8] {
        var input = corpus[int(corpus.count)]
        for _ in 0...int(4) { mutate(&input) }
        return input
    }

    mutating func mutate(_ input: inout [UInt8]) {
        let at = int(input.count + 1)
        switch int(10) {
        case 0 where !input.isEmpty:
            input[min(at, input.count - 1)] ^= UInt8(1 << int(8))
        case 1:
            input.insert(Mutator.bytes[int(Mutator.bytes.count)], at: at)
        case 2, 3:
            input.insert(contentsOf: Mutator.tokens[int(Mutator.tokens.count)], at: at)
        case 4 where !input.isEmpty:
            let end = min(input.count, at + 1 + int(16))
            input.removeSubrange(min(at, input.count - 1)..<end)
        case 5 where !input.isEmpty:
            let start = int(input.count), length = 1 + int(min(64, input.count - start))
            let piece = Array(input[start..<min(input.count, start + length)])
            input.insert(contentsOf: piece, at: at)
        case 6:
            let other = corpus[int(corpus.count)]
            let from = int(other.count)
            input = Array(input[..<min(at, input.count)]) + Array(other[from...])
        case 7:
            input = Array(input.prefix(at))
        case 8:
            // A burst of nesting, sometimes past the depth limit.
            let depth = [3, 100, 511, 512, 513, 2_000][int(6)]
            let open: [UInt8] = int(2) == 0 ? Array("[".utf8) : Array("{\"k\":".utf8)
            let close: [UInt8] = open.first == UInt8(ascii: "[") ? Array("]".utf8) : Array("}".utf8)
            let inner = Array(repeating: open, count: depth).joined() + Array("1".utf8) + Array(repeating: close, count: depth).joined()
            input.insert(contentsOf: inner, at: at)
        default:
            // A long run of one byte: long strings, long numbers, long white space.
            let byte: UInt8 = [UInt8(ascii: "a"), UInt8(ascii: "9"), UInt8(ascii: " "), UInt8(ascii: "\\")][int(4)]
            input.insert(contentsOf: repeatElement(byte, count: 1 + int(5_000)), at: at)
        }
    }
}
