@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Long values, as a big paste makes them (up to KeyDecoder.pasteLimit characters): each
/// key and each frame stays fast. Found by KeyFuzzTests, where one frame or key took
/// seconds to minutes; the bound here is far above the time now and far below that.
@Suite struct LongInputTests {
    static let bound: Duration = .seconds(1)

    static func timed(_ body: () -> Void) -> Duration { ContinuousClock().measure(body) }

    /// Was quadratic: the visible part was found by measuring the text from each start
    /// position in turn (8,000 characters: 18 s in a debug build).
    @Test func aFocusedFieldHoldingALongTextDrawsQuicklyEndingAtTheCursor() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.app)
        s.press(.paste(String(repeating: "日", count: 8_000) + "end"))
        var frame = ""
        #expect(Self.timed { frame = s.rendered() } < Self.bound)
        #expect(frame.contains("日日end"), "the field shows the text up to the cursor")
        let buffer = Renderer.render(s, width: 80, height: 24)
        #expect(buffer.cursor.map { buffer[$0.x - 1, $0.y].text } == "d", "the cursor sits right after the text")
        s.press(.home)
        #expect(Self.timed { frame = s.rendered() } < Self.bound)
        #expect(!frame.contains("end"))
    }

    /// Was quadratic: trailing line breaks were dropped one Character at a time
    /// (64K line breaks: 13 s in a debug build).
    @Test func aPasteEndingInManyLineBreaksIsTrimmedQuickly() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.app)
        let paste = "aaaaaaé" + String(repeating: "\n", count: 65_000) + "\r\n\r"
        #expect(Self.timed { s.press(.paste(paste)) } < Self.bound)
        #expect(s.editor?.text == "aaaaaaé")
        s.press(.paste("b\r\nc\n\nd\r\n"), .enter)
        #expect(s.settings.text("atlassianApp.name") == "aaaaaaéb c  d", "line breaks inside become spaces")
    }

    /// Was quadratic in the length of a word: its width was measured again for every
    /// line it was split over. A long value reaches wrapping in the Authorization
    /// screen's introduction and in Review's messages.
    @Test func aLongWordWrapsQuicklyAndTheSameAsBefore() {
        let word = String(repeating: "a", count: 65_536)
        var lines: [String] = []
        #expect(Self.timed { lines = TextWrap.wrap("  x " + word + " y", width: 40) } < Self.bound)
        #expect(lines.count == 1 + 65_536 / 38 + 1)
        #expect(lines.first == "  x")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0 == "  " + String(repeating: "a", count: 38) })
        #expect(lines.last == "  " + String(repeating: "a", count: 65_536 % 38) + " y")
        #expect(TextWrap.wrap("ab 日本語 c", width: 4) == ["ab", "日本", "語 c"])
    }

    @Test func reviewWithALongRedirectURIDrawsQuickly() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.instance, row: 2)
        s.press(.paste("https://" + String(repeating: "x", count: 65_000)), .enter)
        for screen in [Screen.authorization, .review] {
            s.visit(screen)
            #expect(Self.timed { _ = s.rendered() } < Self.bound, "\(screen)")
        }
    }
}
