import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Clicks and the wheel, hit-tested against the frame the renderer drew.
@Suite struct MouseTests {
    /// What a left click at (x, y) does to the state, on the frame it shows.
    @discardableResult
    static func click(_ s: inout ConsoleState, x: Int, y: Int, width: Int = 80, height: Int = 24) -> Effect? {
        let frame = Renderer.render(s, width: width, height: height)
        guard let event = Event(.mouse(MouseEvent(.press(button: 0), x: x, y: y)), frame: frame, size: { (width, height) }) else { return nil }
        return s.handle(event)
    }

    /// Where `text` is drawn in the frame.
    static func find(_ text: String, in s: ConsoleState, width: Int = 80, height: Int = 24) -> (x: Int, y: Int)? {
        let rows = Renderer.render(s, width: width, height: height).rows
        for (y, row) in rows.enumerated() {
            let chars = Array(row)
            let needle = Array(text)
            guard chars.count >= needle.count else { continue }
            for x in 0...(chars.count - needle.count) where Array(chars[x..<x + needle.count]) == needle { return (x, y) }
        }
        return nil
    }

    @Test func sgrReportsAreParsed() {
        #expect(MouseEvent(sgr: "0;12;5M") == MouseEvent(.press(button: 0), x: 11, y: 4))
        #expect(MouseEvent(sgr: "0;12;5m") == MouseEvent(.release(button: 0), x: 11, y: 4))
        #expect(MouseEvent(sgr: "64;1;1M") == MouseEvent(.wheelUp, x: 0, y: 0))
        #expect(MouseEvent(sgr: "65;3;9M")?.kind == .wheelDown)
        #expect(MouseEvent(sgr: "16;3;9M")?.kind == .press(button: 0), "Ctrl-click is a click")
        #expect(MouseEvent(sgr: "32;3;9M") == nil, "a drag is not a click")
        for bad in ["", "M", "0;12M", "0;0;5M", "x;1;1M", "0;1;1", "0;1;1;1M", "-1;1;1M"] { #expect(MouseEvent(sgr: bad) == nil, "\(bad)") }
    }

    @Test func theDecoderReadsAnSGRReportAsOneMouseEvent() {
        var decoder = KeyDecoder(codes: .curses)
        var keys: [Key] = []
        for scalar in "\u{1B}[<0;5;4M\u{1B}[<0;5;4m\u{1B}[<65;1;1Mx".unicodeScalars {
            if let key = decoder.decode(.character(scalar.value)) { keys.append(key) }
        }
        #expect(
            keys == [
                .mouse(MouseEvent(.press(button: 0), x: 4, y: 3)), .mouse(MouseEvent(.release(button: 0), x: 4, y: 3)),
                .mouse(MouseEvent(.wheelDown, x: 0, y: 0)), .char("x"),
            ], "nothing of a report is typed")
    }

    @Test func aClickOnAStepOpensItsScreenInBothLayouts() throws {
        var s = Fixture.state()
        let at = try #require(Self.find("Distribution", in: s))
        Self.click(&s, x: at.x, y: at.y)
        #expect(s.screen == .distribution)
        let compact = try #require(Self.find("Cre", in: s, width: 60, height: 16))
        Self.click(&s, x: compact.x, y: compact.y, width: 60, height: 16)
        #expect(s.screen == .credentials)
    }

    @Test func aClickOnAFieldFocusesItAndOnACheckboxOrChoiceTogglesIt() throws {
        var s = Fixture.state()
        let redirect = try #require(Self.find("Redirect URI", in: s))
        Self.click(&s, x: redirect.x, y: redirect.y)
        #expect(s.focus == 2 && s.editor != nil && s.settings == Fixture.state().settings)
        let development = try #require(Self.find("development", in: s))
        Self.click(&s, x: development.x, y: development.y)
        #expect(s.focus == 1 && s.settings.text("instance.environment") == "development")
        s.visit(.permissions)
        let readMe = try #require(Self.find("[ ] read:me", in: s))
        Self.click(&s, x: readMe.x, y: readMe.y)
        #expect(s.settings.list("atlassianApp.scopes")?.contains("read:me") == true)
        #expect(Self.find("[x] read:me", in: s) != nil)
    }

    @Test func aClickOnADialogsChoicePicksIt() throws {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"))
        let discard = try #require(Self.find("n Discard", in: s))
        #expect(Self.click(&s, x: discard.x + 2, y: discard.y) == .quit(0))
        var cancel = Fixture.state()
        cancel.press(.char("!"), .ctrl("q"))
        let esc = try #require(Self.find("Esc Cancel", in: cancel, width: 80, height: 24))
        // The key bar shows the same choices on the last row; this is the dialog's own.
        #expect(esc.y < 23)
        Self.click(&cancel, x: esc.x, y: esc.y)
        #expect(cancel.overlay == nil && cancel.isDirty)
    }

    @Test func aClickOnTheKeyBarPressesTheKey() throws {
        var s = Fixture.state()
        let help = try #require(Self.find("F1 Help", in: s))
        Self.click(&s, x: help.x, y: help.y)
        #expect(s.overlay == .help(scroll: 0))
    }

    @Test func aClickInsideADialogOnNothingDoesNothing() throws {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"))
        let text = try #require(Self.find("before quitting", in: s))
        let before = s
        #expect(Self.click(&s, x: text.x, y: text.y) == nil)
        #expect(s == before)
    }

    @Test func theWheelScrollsListsAndHelp() {
        var s = Fixture.state()
        s.visit(.permissions)
        _ = s.handle(.scrolled(1))
        _ = s.handle(.scrolled(1))
        #expect(s.focus == 2)
        _ = s.handle(.scrolled(-5))
        #expect(s.focus == 0, "the wheel stops at the top instead of wrapping")
        s.press(.function(1))
        _ = s.handle(.scrolled(1))
        #expect(s.overlay == .help(scroll: 3))
        _ = s.handle(.scrolled(-1))
        #expect(s.overlay == .help(scroll: 0))
    }

    @Test func aSecondClickOnAFindingGoesToItsFix() throws {
        var s = Fixture.state()
        s.visit(.review)
        let rows = Renderer.render(s, width: 80, height: 24)
        let target = try #require((0..<24).lazy.compactMap { y in rows.target(atX: 30, y: y) }.first { $0 == .row(1) })
        #expect(target == .row(1))
        let y = try #require((0..<24).first { rows.target(atX: 30, y: $0) == .row(1) })
        Self.click(&s, x: 30, y: y)
        #expect(s.screen == .review && s.focus == 1)
        let finding = s.reviewFindings[1]
        Self.click(&s, x: 30, y: y)
        #expect(s.screen == Screen(finding.step))
    }
}
