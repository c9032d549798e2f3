import TestSupport
import Testing

@testable import SettingsKit

/// `audit`'s speed comes from shortcuts: known keys found in one walk, ASCII found eight
/// bytes at a time, the secret found with memchr, JSON strings copied a run at a time.
/// Each is checked here against the plain definition it stands for, on seeded inputs
/// chosen to hit its edges (runs just under and over eight bytes, a non-ASCII byte at
/// every position, needles at the very end).
@Suite struct FastPathTests {
    /// Bytes that make the interesting cases likely: ASCII, quote and backslash, controls,
    /// DEL, the lead and continuation bytes of non-ASCII characters.
    static let alphabet: [UInt8] = Array("ab/.:\"\\ \t".utf8) + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0x86, 0x92, 0xFF]

    static func bytes(_ rng: inout SplitMix64, upTo length: Int) -> [UInt8] {
        (0..<Int(rng.next() % UInt64(length + 1))).map { _ in DocumentGenerator.pick(alphabet, &rng) }
    }

    @Test func asciiScanFindsTheFirstNonASCIIByteAtEveryPosition() {
        for length in 0...40 {
            for position in 0...length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if position < length { bytes[position] = 0xC3 }
                let found = bytes.withUnsafeBufferPointer { ASCIIScan.firstNonASCII($0) }
                #expect(found == position, "length \(length), non-ASCII at \(position)")
                for start in 0...length {
                    let from = bytes.withUnsafeBufferPointer { ASCIIScan.firstNonASCII($0, from: start) }
                    #expect(from == (bytes[start...].firstIndex { $0 >= 0x80 } ?? length))
                }
            }
        }
        #expect("plain text".isASCII && !"café".isASCII && "".isASCII)
    }

    @Test func utf8CheckAgreesWithAByteByByteCheck() {
        var rng = SplitMix64(seed: 0xFA57_0001)
        for _ in 0..<5000 {
            let bytes = Self.bytes(&rng, upTo: 30)
            #expect(UTF8Check.firstInvalidOffset(bytes) == Self.firstInvalidOffset(bytes), "\(bytes)")
        }
    }

    /// The check as it was before it skipped ASCII eight bytes at a time.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let (len, minimum, lead): (Int, UInt32, UInt32)
            switch b {
            case 0xC2...0xDF: (len, minimum, lead) = (2, 0x80, UInt32(b & 0x1F))
            case 0xE0...0xEF: (len, minimum, lead) = (3, 0x800, UInt32(b & 0x0F))
            case 0xF0...0xF4: (len, minimum, lead) = (4, 0x10000, UInt32(b & 0x07))
            default: return i
            }
            guard i + len <= bytes.count else { return i }
            var code = lead
            for k in 1..<len {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                code = code << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            if code < minimum || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return i }
            i += len
        }
        return nil
    }

    @Test func containsBytesAgreesWithANaiveSearch() {
        var rng = SplitMix64(seed: 0xFA57_0002)
        for _ in 0..<5000 {
            let hay = String(decoding: Self.bytes(&rng, upTo: 24), as: UTF8.self)
            let hayBytes = Array(hay.utf8)
            // Needles taken from the text itself (so often found), and random ones.
            var needle = Self.bytes(&rng, upTo: 4)
            if !hayBytes.isEmpty, rng.next() % 2 == 0 {
                let start = Int(rng.next() % UInt64(hayBytes.count))
                needle = Array(hayBytes[start..<min(hayBytes.count, start + 1 + Int(rng.next() % 6))])
            }
            let naive = needle.isEmpty || (0...max(0, hayBytes.count - needle.count)).contains { hayBytes[$0...].starts(with: needle) }
            #expect(hay.containsBytes(needle) == (naive && hayBytes.count >= needle.count), "\(hayBytes) / \(needle)")
        }
    }

    @Test func hasScalarsAgreesWithCountingThem() {
        for text in ["", "a", "abcdefg", "abcdefgh", "éééé", "éééééééé", "🙂🙂🙂🙂🙂🙂🙂", "🙂🙂🙂🙂🙂🙂🙂🙂", "e\u{301}e\u{301}e\u{301}e\u{301}"] {
            for n in 0...10 { #expect(text.hasScalars(atLeast: n) == (text.unicodeScalars.count >= n), "\(text) \(n)") }
        }
    }

    @Test func jsonStringsAreWrittenAsScalarByScalar() throws {
        var rng = SplitMix64(seed: 0xFA57_0003)
        let pieces = [
            "a", "Zoë", "→", "…", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{7F}", "\u{85}", "\u{202E}", "\u{2066}",
            "\u{061C}", "\u{2028}", "\u{FEFF}", "\u{200B}", "🙂", "e\u{301}", " ",
        ]
        for _ in 0..<3000 {
            let text = (0..<Int(rng.next() % 8)).map { _ in DocumentGenerator.pick(pieces, &rng) }.joined()
            var fast = ""
            JSONWriter.writeString(text, into: &fast)
            #expect(fast == Self.quoted(text), "\(Array(text.unicodeScalars))")
            #expect(try JSONParser.parse(Array(fast.utf8)) == .string(text), "the written string reads back")
        }
    }

    /// The writer as it was: scalar by scalar.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.isBidiControlCharacter || scalar.isInvisibleSeparator:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Every known key read through `KnownValues` is what walking the document from the
    /// top gives, for generated documents (known keys of every type, unknown keys, keys
    /// that hold a dot) and after each change made to them.
    @Test func knownValuesAreTheDocumentsOwn() {
        var rng = SplitMix64(seed: 0xFA57_0004)
        let keys = KnownKeys.entries.map(\.key) + ["notes.text", "instance.name.first", "x"]
        for n in 0..<1500 {
            guard case .object(let root) = DocumentGenerator.document(&rng) else { continue }
            var settings = Settings(root: root)
            for step in 0..<3 {
                for key in keys {
                    let walked = settings.value(at: key.split(separator: ".").map(String.init))
                    #expect(settings.value(key) == walked, "document \(n), change \(step): \(key)")
                }
                let key = DocumentGenerator.pick(keys, &rng)
                settings.setValue(rng.next() % 3 == 0 ? nil : .string("v\(step)"), for: key)
            }
        }
    }

    @Test func settingsAreEqualByTheirDocumentAlone() {
        var a = Settings()
        a.setText("instance.name", "x")
        var b = Settings()
        b.setText("instance.name", "y")
        b.setText("instance.name", "x")
        #expect(a == b)
        b.setText("instance.name", nil)
        #expect(a != b && b.value("instance.name") == nil)
    }
}
