import Testing
import SettingsKit

@Suite struct JSONParserTests {
    func parse(_ text: String) throws -> JSONValue { try JSONParser.parse(Array(text.utf8)) }

    func error(_ text: String) -> (message: String, position: TextPosition)? {
        let bytes = Array(text.utf8)
        do {
            _ = try JSONParser.parse(bytes)
            return nil
        } catch {
            return (error.message, TextPosition(offset: error.offset, in: bytes))
        }
    }

    @Test func parsesAllKindsAndKeepsKeyOrder() throws {
        let v = try parse(#"{"b": [1, -2.5e3, true, false, null], "a": {"z": "x\u00e9\n", "y": {}}, "c": []}"#)
        let o = try #require(v.objectValue)
        #expect(o.keys == ["b", "a", "c"])
        #expect(o["b"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(o["a"]?.objectValue?["z"] == .string("xé\n"))
    }

    @Test func keepsHugeNumbersExactly() throws {
        let big = "123456789012345678901234567890.000000000000000000001e-999"
        #expect(try parse("[\(big)]") == .array([.number(big)]))
        let written = JSONWriter.write(try parse(#"{"n": \#(big)}"#))
        #expect(written.contains(big))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""\ud83d\ude00 \"\\\/\b\f\r\t \u0000""#) == .string("😀 \"\\/\u{08}\u{0C}\r\t \u{0}"))
    }

    @Test func reportsLineAndColumn() {
        let e = error("{\n  \"a\": 1,\n  \"b\" 2\n}")
        #expect(e?.position == TextPosition(line: 3, column: 7))
        #expect(e?.message.contains("expected ':'") == true)
    }

    @Test func columnsCountCharactersNotBytes() {
        let e = error("{\"é日本\": x}")
        #expect(e?.position == TextPosition(line: 1, column: 9))
    }

    @Test(arguments: [
        ("", "empty"),
        ("{\"a\": 1", "end of file"),
        ("{\"a\": \"abc", "end of file inside a string"),
        ("[1, 2", "end of file"),
        ("{\"a\": 1,}", "trailing comma"),
        ("[1,]", "unexpected ']'"),
        ("{\"a\": NaN}", "unexpected text"),
        ("{\"a\": Infinity}", "unexpected text"),
        ("{\"a\": 01}", "leading zero"),
        ("{\"a\": 1.}", "no digits after"),
        ("{\"a\": \"x\ny\"}", "line break inside a string"),
        ("{\"a\": \"\\x\"}", "invalid escape"),
        ("{\"a\": \"\\ud800\"}", "lone surrogate"),
        ("{'a': 1}", "expected a key"),
        ("{\"a\": 1} {}", "after the end"),
        ("{\"a\": 1, \"a\": 2}", "duplicate key \"a\""),
        ("\u{0}", "NUL"),
    ])
    func refusesInvalidJSON(_ text: String, _ expected: String) {
        let e = error(text)
        #expect(e != nil)
        #expect(e?.message.contains(expected) == true, "\(e?.message ?? "parsed")")
    }

    @Test func refusesInvalidUTF8WithItsPosition() {
        var bytes = Array("{\"a\": \"ok\",\n \"b\": \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\"}".utf8)
        do {
            _ = try JSONParser.parse(bytes)
            Issue.record("parsed invalid UTF-8")
        } catch {
            #expect(error.message.contains("UTF-8"))
            #expect(TextPosition(offset: error.offset, in: bytes) == TextPosition(line: 2, column: 8))
        }
    }

    @Test func toleratesAByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)
        #expect(try JSONParser.parse(bytes).objectValue?["a"] == .number("1"))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(error(deep)?.message.contains("nested deeper") == true)
        let ok = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(error(ok) == nil)
    }

    @Test func locatesAValueByPath() {
        let bytes = Array("{\n \"a\": {\"b\": [1, 2, \"x\"]}\n}".utf8)
        let offset = JSONParser.offset(of: [.key("a"), .key("b"), .index(2)], in: bytes)
        #expect(offset.map { TextPosition(offset: $0, in: bytes) } == TextPosition(line: 2, column: 20))
    }
}

@Suite struct JSONWriterTests {
    @Test func theSavedFormatIsAFixedPoint() throws {
        let text = Fixtures.readyText
        let settings = try SettingsStore.decode(Array(text.utf8), path: "x")
        #expect(String(decoding: SettingsStore.encode(settings), as: UTF8.self) == text)
    }

    @Test func escapesWhatJSONNeedsAndKeepsUnicode() {
        var out = ""
        JSONWriter.writeString("a\"b\\c\n\u{1}Zoë 日本", into: &out)
        #expect(out == #""a\"b\\c\n\u0001Zoë 日本""#)
    }

    @Test func writesEmptyContainersAndNestedLists() throws {
        let v = try JSONParser.parse(Array(#"{"a": {}, "b": [], "c": [[1], {"d": 2}]}"#.utf8))
        #expect(JSONWriter.write(v) == "{\n  \"a\": {},\n  \"b\": [],\n  \"c\": [\n    [1],\n    {\n      \"d\": 2\n    }\n  ]\n}\n")
    }
}
