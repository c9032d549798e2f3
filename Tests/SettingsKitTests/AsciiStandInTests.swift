import SettingsKit
import Testing

/// The one table of ASCII stand-ins serves text output and the console's cells alike.
@Suite struct AsciiStandInTests {
    @Test func everyGlyphHasAnASCIIStandInForTextAndOneCellForTheScreen() {
        #expect(AsciiStandIns.text.count == AsciiStandIns.cell.count)
        for (glyph, text) in AsciiStandIns.text {
            let cell = AsciiStandIns.cell[String(glyph)]
            #expect(text.isASCII && !text.isEmpty, "\(glyph)")
            #expect(cell?.isASCII == true && cell?.count == 1, "\(glyph) needs one ASCII cell")
        }
        #expect(AsciiStandIns.text["→"] == "->" && AsciiStandIns.cell["→"] == ">")
    }
}
