import Foundation
import TestSupport
import Testing
import SettingsKit

/// Where keys are in a file: what SARIF points at.
@Suite struct KeyPositionTests {
    @Test func eachKeyIsFoundAtItsOpeningQuote() {
        let text = """
            {
              "instance": {"name": "é🙂", "environment": "production"},
              "list": [{"a": 1}, {"a": 2, "b": {"c": true}}],
              "e\\u0073c": 1,
              "x.y": 2,
              "instance2": {}
            }
            """
        let bytes = Array(text.utf8)
        let positions = KeyPositions(
            of: ["instance", "instance.environment", "list.a", "list.b.c", "esc", "x.y", "missing", "instance.missing", ""], in: bytes)
        #expect(positions["instance"] == TextPosition(line: 2, column: 3))
        // Columns count characters: "é🙂" is two, whatever its bytes.
        #expect(positions["instance.environment"] == TextPosition(line: 2, column: 30))
        // In a list, the first object that has the key.
        #expect(positions["list.a"] == TextPosition(line: 3, column: 13))
        #expect(positions["list.b.c"] == TextPosition(line: 3, column: 37))
        // A key written with an escape is found by what it says.
        #expect(positions["esc"] == TextPosition(line: 4, column: 3))
        // A dotted path cannot tell a key "x.y" from y inside x: the first such key is it.
        #expect(positions["x.y"] == TextPosition(line: 5, column: 3))
        #expect(positions["missing"] == nil && positions["instance.missing"] == nil && positions[""] == nil)
        #expect(positions["instance2"] == nil, "not asked for")
    }

    @Test func aByteOrderMarkIsNotAColumn() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": {\"b\": 1}}".utf8)
        #expect(KeyPositions(of: ["a.b"], in: bytes)["a.b"] == TextPosition(line: 1, column: 8))
    }

    @Test func keysAreToldApartByTheirBytes() {
        let bytes = Array("{\"e\u{301}\": 1, \"\u{E9}\": 2}".utf8)
        #expect(KeyPositions(of: ["\u{E9}"], in: bytes)["\u{E9}"] == TextPosition(line: 1, column: 11))
        #expect(KeyPositions(of: ["e\u{301}"], in: bytes)["e\u{301}"] == TextPosition(line: 1, column: 2))
    }

    /// The batch is the single position, offset by offset.
    @Test func manyPositionsInOnePassAreEachOnesPosition() {
        var random = SplitMix64(seed: 7)
        let alphabet: [String] = ["a", "\n", "é", "🙂", " ", "\r\n"]
        let text = (0..<2000).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
        let bytes = Array(text.utf8)
        let offsets = (0..<300).map { _ in Int(random.next() % UInt64(bytes.count + 10)) }
        let batch = TextPosition.positions(of: offsets, in: bytes)
        for (offset, position) in zip(offsets, batch) {
            var line = 1, column = 1
            for b in bytes.prefix(offset) {
                if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            }
            #expect(position == TextPosition(line: line, column: column), "\(offset)")
        }
    }

    @Test func auditLocatesFieldsOnlyWhenAsked() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write(Fixtures.readyText.replacingOccurrences(of: "\"read:me\", ", with: ""), to: path)
        guard case .report(_, let plain) = Audit.judge(path) else { Issue.record("not judged"); return }
        #expect(plain.report.fieldPositions == nil)
        guard case .report(_, let located) = Audit.judge(path, Audit.Judging(locatingFields: true)) else { Issue.record("not judged"); return }
        let finding = try #require(located.findings.first { $0.code == "permissions/read-me-missing" })
        let position = try #require(located.report.fieldPositions?[finding.field])
        let line = Fixtures.readyText.split(separator: "\n", omittingEmptySubsequences: false)[position.line - 1]
        #expect(line.dropFirst(position.column - 1).hasPrefix("\"scopes\""))
    }
}
