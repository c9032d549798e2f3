@testable import ConsoleKit
import Testing

/// The cell buffer every screen draws into, and the text helpers it relies on.
@Suite struct CellBufferTests {
    @Test func wideCharactersTakeTwoCellsAndClipWhole() {
        var b = CellBuffer(width: 6, height: 1)
        let end = b.put("a日本b", x: 0, y: 0)
        #expect(end == 6)
        #expect(b[1, 0].text == "日" && b[2, 0].isContinuation)
        #expect(b.text == "a日本b")
        var c = CellBuffer(width: 4, height: 1)
        c.put("ab日", x: 1, y: 0)
        #expect(c.text == " ab", "a wide character that does not fit is not drawn in half")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = CellBuffer(width: 4, height: 1)
        b.put("日本", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.text == " x本")
    }

    @Test func controlCharactersAreNeverSentToTheTerminal() {
        var b = CellBuffer(width: 10, height: 1)
        b.put("a\u{1B}[2Jb", x: 0, y: 0)
        #expect(b.text == "a?[2Jb")
    }

    @Test func bidiControlsNeverReachTheTerminal() {
        var b = CellBuffer(width: 30, height: 1)
        b.put("https://evil.example/\u{202E}lla\u{2066}x\u{200F}", x: 0, y: 0)
        #expect(b.text == "https://evil.example/llax")
        #expect(!b.text.unicodeScalars.contains { $0.properties.isBidiControl })
    }

    @Test func combiningMarksJoinTheirBase() {
        var b = CellBuffer(width: 5, height: 1)
        b.put("Zoe\u{0308}", x: 0, y: 0)
        #expect(b.text == "Zoe\u{0308}")
        #expect(b[3, 0].text == " ")
    }

    @Test func changedPositionsAreOnlyTheCellsThatDiffer() {
        var a = CellBuffer(width: 10, height: 3)
        a.put("hello", x: 0, y: 1)
        var b = a
        b.put("y", x: 4, y: 1)
        #expect(b.changedPositions(since: a) == [Point(x: 4, y: 1)])
        #expect(b.changedPositions(since: nil).count == 30)
        #expect(CellBuffer(width: 5, height: 3).changedPositions(since: a).count == 15, "a resize redraws all")
    }

    @Test func wrappingKeepsWordsAndSplitsOnlyWhatCannotFit() {
        #expect(TextWrap.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TextWrap.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TextWrap.wrap("   1. step one here", width: 12) == ["   1. step", "   one here"])
        #expect(TextWrap.truncate("abcdef", width: 4) == "abc…")
    }

    @Test func lineEditorMovesByCharactersNotBytes() {
        var e = LineEditor("Jürgen 日本")
        e.left()
        e.backspace()
        #expect(e.text == "Jürgen 本")
        e.home()
        e.deleteForward()
        #expect(e.text == "ürgen 本")
        e.revert()
        #expect(e.text == "Jürgen 日本" && !e.isChanged)
    }
}
