@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The part of a text value a field shows, and where the cursor goes: with wide
/// characters, at the edges, and for values far longer than the field. Correctness only;
/// Benchmarks/console-bench.py measures the speed.
@Suite struct FieldTextTests {
    /// Draws a value being edited into a one-row buffer as wide as the field.
    static func editing(
        _ text: String, cursor: Int? = nil, width: Int, masking: FieldText.Masking = .none
    ) -> (row: String, column: Int, buffer: CellBuffer) {
        let characters = Array(text)
        var buffer = CellBuffer(width: width, height: 1)
        let (column, _) = FieldText.drawEditing(
            characters, cursor: cursor ?? characters.count, masking: masking,
            x: 0, y: 0, width: width, style: .focusField, into: &buffer)
        return (buffer.text, column, buffer)
    }

    static func value(_ text: String, width: Int, masking: FieldText.Masking = .none) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        FieldText.drawValue(text, masking: masking, x: 0, y: 0, width: width, style: .field, into: &buffer)
        return buffer
    }

    @Test func theEndOfALongValueShowsWithTheCursorInTheLastColumn() {
        let digits = String(repeating: "0123456789", count: 400)
        let end = Self.editing(digits, width: 20)
        #expect(end.row == "1234567890123456789")
        #expect(end.column == 19)
        let home = Self.editing(digits, cursor: 0, width: 20)
        #expect(home.row == "01234567890123456789" && home.column == 0)
        // In the middle: the text up to the cursor ends one column short of the edge.
        let middle = Self.editing(digits, cursor: 2005, width: 20)
        #expect(middle.row == "67890123456789012345" && middle.column == 19)
    }

    @Test func wideCharactersBeforeTheCursorAreNeverCutInHalf() {
        let wide = String(repeating: "日本語", count: 2000)
        let even = Self.editing(wide, width: 10)  // 9 columns before the cursor: 4 wide characters
        #expect(even.row == "語日本語" && even.column == 8)
        let odd = Self.editing(wide, width: 11)  // 10 columns: 5 of them
        #expect(odd.row == "本語日本語" && odd.column == 10)
        for x in 0..<10 where even.buffer[x, 0].isContinuation { #expect(x > 0 && !even.buffer[x - 1, 0].isContinuation) }
    }

    @Test func aWideCharacterThatDoesNotFitAtTheRightEdgeIsLeftOut() {
        let mixed = String(repeating: "a日", count: 3000)
        let narrow = Self.editing(mixed, cursor: 0, width: 2)
        #expect(narrow.row == "a" && narrow.column == 0)
        #expect(!narrow.buffer[1, 0].isContinuation && narrow.buffer[1, 0].text == " ")
        let three = Self.editing(mixed, cursor: 0, width: 4)
        #expect(three.row == "a日a")
        // Wide one at the cursor, one column field: it cannot show, the cursor still can.
        let tiny = Self.editing("日本", cursor: 1, width: 1)
        #expect(tiny.row == "" && tiny.column == 0)
    }

    /// The window and the cursor agree with the way FormView found them before it was
    /// made linear (re-measuring the whole tail each step), on many short mixed texts.
    @Test func theWindowIsTheOneTheQuadraticSearchFound() {
        var random = SplitMix(seed: 7)
        let alphabet: [Character] = ["a", "Z", "7", " ", "日", "本", "😀", "é", "e\u{301}", "한", "ｱ", "-"]
        for _ in 0..<3000 {
            let characters = (0..<random.next(below: 40)).map { _ in alphabet[random.next(below: alphabet.count)] }
            let cursor = random.next(below: characters.count + 1)
            let width = 1 + random.next(below: 14)
            let new = Self.editing(String(characters), cursor: cursor, width: width)
            let old = Reference.editing(characters, cursor: cursor, width: width)
            #expect(
                new.buffer.cells == old.buffer.cells && new.column == old.column,
                "\(String(characters)) cursor \(cursor) width \(width)")
            for masking in [FieldText.Masking.none, .all] {
                let shown = masking.isAll ? (characters.isEmpty ? "" : Secret.maskText) : String(characters)
                #expect(
                    Self.value(String(characters), width: width, masking: masking).text
                        == Reference.value(shown, width: width).text)
            }
        }
    }

    @Test func aValueNotBeingEditedShowsItsStartAndAnEllipsis() {
        let long = String(repeating: "abcdefgh日本", count: 10_000)
        #expect(Self.value(long, width: 12).text == "abcdefgh日…")
        #expect(Self.value(long, width: 11).text == "abcdefgh日…")
        #expect(Self.value(long, width: 10).text == "abcdefgh…", "日 would end in the last column, which is the ellipsis'")
        #expect(Self.value("short", width: 12).text == "short")
        #expect(Self.value(long, width: 6, masking: .all).text == "•••••…")
    }

    @Test func theSecretFieldShowsTheFixedMaskWhateverItsLength() {
        let wideSecret = String(repeating: "秘密", count: 500)
        let drawn = Self.editing(wideSecret, width: 10, masking: .all)
        #expect(drawn.row == Secret.maskText && drawn.column == 8)
    }

    @Test func aLongValueInTheConsoleShowsItsEndWhileEditedAndItsStartOtherwise() {
        let name = String(repeating: "n", count: 3999) + "Z"
        let uri = "https://clerk.acme.com/" + String(repeating: "日", count: 50_000)
        var s = Fixture.state(#"{"schemaVersion": 1, "instance": {"name": "\#(name)", "redirectUri": "\#(uri)"}}"#)
        let buffer = Renderer.render(s, width: 80, height: 24)
        let rows = buffer.rows
        let nameRow = rows.firstIndex { $0.contains("Name") }!
        #expect(rows[nameRow].hasSuffix("nnnnZ"))
        let z = (0..<80).last { buffer[$0, nameRow].text == "Z" }!
        #expect(buffer.cursor == Point(x: z + 1, y: nameRow), "the cursor just after the Z")
        let uriRow = rows.firstIndex { $0.contains("Redirect URI") }!
        #expect(rows[uriRow].contains("https://clerk.acme.com/日") && rows[uriRow].hasSuffix("…"))
        s.press(.home)
        #expect(Renderer.render(s, width: 80, height: 24).rows[nameRow].hasSuffix("nnnn"))
    }

    @Test func wrappingAndCuttingLongTextsKeepEveryCharacter() {
        let word = String(repeating: "ab日", count: 5000)
        let lines = TextWrap.wrap("see " + word + " end", width: 7)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
        #expect(String(lines.joined().filter { $0 != " " }) == "see" + word + "end")
        #expect(TextWrap.truncate(word, width: 5) == "ab日…")
        var random = SplitMix(seed: 11)
        let alphabet: [Character] = ["a", "b", " ", " ", "日", "😀", "é", "-"]
        for _ in 0..<3000 {
            let text = String((0..<random.next(below: 60)).map { _ in alphabet[random.next(below: alphabet.count)] })
            let width = 1 + random.next(below: 12)
            #expect(TextWrap.wrap(text, width: width) == Reference.wrap(text, width: width), "\(text) at \(width)")
            #expect(TextWrap.truncate(text, width: width) == Reference.truncate(text, width: width), "\(text) at \(width)")
        }
    }

    @Test func anEditIsUnchangedOnlyWhenItsTextIsTheOriginal() {
        var editor = LineEditor("abc")
        #expect(!editor.isChanged)
        editor.insert("d")
        #expect(editor.isChanged)
        editor.backspace()
        #expect(!editor.isChanged)
        editor.backspace()
        editor.insert("x")
        #expect(editor.isChanged, "same length, other text")
        #expect(!LineEditor("e\u{301}").isChanged)
    }
}

/// The earlier, quadratic code, kept here as the oracle for short texts.
enum Reference {
    static func editing(_ characters: [Character], cursor: Int, width: Int) -> (buffer: CellBuffer, column: Int) {
        var buffer = CellBuffer(width: width, height: 1)
        var start = 0
        while start < cursor && DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        buffer.put(String(characters[start...]), x: 0, y: 0, style: .focusField, limit: width)
        return (buffer, DisplayWidth.of(String(characters[start..<cursor])))
    }

    static func value(_ text: String, width: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: 1)
        buffer.put(truncate(text, width: width), x: 0, y: 0, style: .field)
        return buffer
    }

    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var w = 0
        for c in text {
            let cw = DisplayWidth.of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let indentCount = text.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount < width / 2 ? indentCount : 0)
        var lines: [String] = []
        var line = indent, lineWidth = indent.count, lineHasWord = false
        func flush() { lines.append(line); line = indent; lineWidth = indent.count; lineHasWord = false }
        for word in text.split(separator: " ") {
            var w = word
            if lineHasWord && lineWidth + 1 + DisplayWidth.of(w) > width { flush() }
            if lineHasWord { line += " "; lineWidth += 1 }
            while lineWidth + DisplayWidth.of(w) > width {
                var part = "", partWidth = 0
                while let c = w.first, lineWidth + partWidth + DisplayWidth.of(c) <= width {
                    part.append(c); partWidth += DisplayWidth.of(c); w = w.dropFirst()
                }
                if part.isEmpty && !lineHasWord, let c = w.first { part.append(c); w = w.dropFirst() }
                line += part
                flush()
            }
            if !w.isEmpty { line += w; lineWidth += DisplayWidth.of(w); lineHasWord = true }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }
}

/// A small seeded generator: the same texts on every run.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        guard bound > 0 else { return 0 }
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
