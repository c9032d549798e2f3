import TestSupport
import Foundation
import Testing
@testable import SettingsKit

/// A name's bytes survive the trip through `String` and back, whatever they are, and are
/// shown escaped; every system call that takes a path goes through the one wrapper.
@Suite struct SystemPathTests {
    @Test func anyBytesComeBackAsTheyWere() {
        var random = SplitMix64(seed: 19_16)
        let pieces: [[UInt8]] = [
            [0xE9], [0xEE, 0xBE, 0x80], [0xEE, 0xBF, 0xBF], [0xC3, 0xA9], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x2F], [0x61],
        ]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(random.next() % 12) {
                if random.next() % 3 == 0 {
                    bytes.append(UInt8(truncatingIfNeeded: random.next() % 255 + 1))
                } else {
                    bytes += pieces[Int(random.next() % UInt64(pieces.count))]
                }
            }
            let name = SystemPath.string(fromBytes: bytes)
            #expect(SystemPath.bytes(name) == bytes, "\(bytes)")
        }
    }

    @Test func validUTF8StaysAsItIsAndBytesAreShownEscaped() {
        #expect(SystemPath.string(fromBytes: Array("café ✓.json".utf8)) == "café ✓.json")
        let latin1 = SystemPath.string(fromBytes: Array("caf".utf8) + [0xE9] + Array(".json".utf8))
        #expect(latin1 != "caf\u{FFFD}.json" && latin1.displayEscaped == #"caf\xe9.json"#)
        // The range itself, really in a name, is its bytes: one to one.
        #expect(SystemPath.string(fromBytes: [0xEE, 0xBE, 0x80]).displayEscaped == #"\xee\xbe\x80"#)
        var json = ""
        JSONWriter.writeString(latin1, into: &json)
        #expect(json == #""caf\uefe9.json""#)
    }

    /// One wrapper per path system call (`SystemIO+Paths.swift`): a call anywhere else
    /// would pass a name's stand-ins to the system instead of its bytes.
    @Test func noPathReachesTheSystemButThroughTheWrapper() throws {
        let calls = [
            "open", "stat", "lstat", "rename", "link", "unlink", "opendir", "realpath", "access", "chmod", "chown",
            "mkdir", "rmdir", "readlink", "symlink", "fopen", "truncate", "creat", "openat", "fstatat", "renameat", "unlinkat", "linkat", "mkstemp",
        ]
        let pattern = try Regex("(^|[^.A-Za-z_0-9])(" + calls.joined(separator: "|") + #")\("#)
        var found: [String] = []
        let root = Repository.root.appendingPathComponent("Sources").path
        for case let file as String in FileManager.default.enumerator(atPath: root)! where file.hasSuffix(".swift") {
            if file.hasSuffix("Platform/SystemIO+Paths.swift") || file.hasPrefix("EmbedResourcesTool") { continue }
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
                if code.contains(pattern), !code.contains("func "), !code.contains("= stat()") { found.append("\(file):\(n + 1): \(line)") }
            }
        }
        #expect(found.isEmpty, "path system calls outside SystemIO+Paths.swift:\n\(found.joined(separator: "\n"))")
    }
}
