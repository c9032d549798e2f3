@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Values that must be read are shown whole: the focused one wrapped onto more lines,
/// the status line's text wrapped too. Unfocused values may stay cut.
@Suite struct LongValueDisplayTests {
    static let uri = "https://clerk.staging.acme.com/v1/oauth_callback"

    /// The frame's rows joined without the spaces the wrapping put at line starts.
    static func compact(_ rows: ArraySlice<String>, from column: Int) -> String {
        rows.map { String($0.dropFirst(column)).filter { $0 != " " } }.joined()
    }

    @Test func theFocusedRedirectURIIsWholeAt80x24() {
        var s = Fixture.state()
        s.visit(.instance, row: 2)
        let rows = s.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = rows.firstIndex { $0.contains("▸ Redirect URI") }!
        // The value starts at column 44 in the full layout; wrapped under itself.
        #expect(Self.compact(rows[first...(first + 1)], from: 44) == Self.uri)
        let buffer = Renderer.render(s, width: 80, height: 24)
        // 34 columns on the first line, the rest and the cursor on the second.
        #expect(buffer.cursor == Point(x: 44 + Self.uri.count - 34, y: first + 1), "the cursor after the last character")
        // Unfocused, it may be cut.
        s.visit(.instance, row: 0)
        #expect(s.rendered().contains("https://clerk.staging.acme.com/v1…\n"))
    }

    @Test func theCursorMovesAcrossTheWrappedLines() {
        var s = Fixture.state()
        s.visit(.instance, row: 2)
        s.press(.home)
        let rows = s.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = rows.firstIndex { $0.contains("▸ Redirect URI") }!
        #expect(Renderer.render(s, width: 80, height: 24).cursor == Point(x: 44, y: first))
        s.press(.char("X"))
        #expect(s.rendered().contains("XXhttps") == false && s.rendered().contains("Xhttps://clerk.staging.acme.com/v"))
    }

    @Test func aValueTooLongToWrapStillScrollsToTheCursor() {
        var s = Fixture.state()
        let long = "https://clerk.acme.com/v1/oauth_callback?" + String(repeating: "q", count: 2_000)
        s.visit(.instance, row: 2)
        s.press([.ctrl("u"), .paste(long)])
        let rows = s.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = rows.firstIndex { $0.contains("▸ Redirect URI") }!
        #expect(rows[first].hasSuffix("qqqq"))
        #expect(!rows[first + 1].contains("qqq"), "one line, as before")
    }

    @Test func theFocusedSecretKeepsItsFixedMaskAndTheReadOnlyValueIsWrapped() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        let text = s.rendered(width: 40, height: 10)
        #expect(!SecretTests.leaks(text))
        // Wrapped bullets, one per character, would tell the secret's length.
        #expect(text.contains("••••••••") && !text.contains("•••••••••"), "the fixed 8-bullet mask, on one line")
        var r = Fixture.state(readOnly: true)
        r.visit(.instance, row: 2)
        let rows = r.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let first = rows.firstIndex { $0.contains("▸ Redirect URI") }!
        #expect(Self.compact(rows[first...(first + 1)], from: 44) == Self.uri)
    }

    @Test func reviewCutsAMessageQuotingAPastedWholeFile() {
        var s = Fixture.state()
        s.visit(.authorization)
        s.press([.ctrl("u"), .paste("http://x" + String(repeating: "a", count: 65_000)), .enter])
        let finding = s.report.findings.first { $0.code == "authorization/callback-not-https" }!
        let lines = ReviewView.lines(finding, width: 60, mask: s.mask)
        #expect(lines.count <= ReviewView.messageLines + 4, "a dozen lines of the message, then the fix")
        #expect(lines.contains { $0.0.hasSuffix("…") })
    }

    /// A frame reads only what it shows: an inline message or the Authorization screen's
    /// introduction quoting a 64K value is cut before it is wrapped, not after.
    @Test func messagesAndTheIntroductionQuotingAHugeValueAreCutBeforeWrapping() {
        var s = Fixture.state()
        s.visit(.instance, row: 2)
        s.press([.ctrl("u"), .paste("https://clerk.acme.com/v1/oauth_callback?" + String(repeating: "q", count: 65_000)), .enter])
        s.visit(.instance, row: 0)
        let instance = s.rendered()
        #expect(instance.contains("✗ The redirect URI\n") && instance.contains("oauth_callback?qqqq"))
        s.visit(.authorization)
        let authorization = s.rendered()
        let rows = authorization.split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.contains("qqqq") }.count <= 2 + 4, "two lines in the introduction, four of the fix on the status line")
        // How long such a frame takes is measured where speed is, not here: console-bench.py
        // times a key in a 50,000-character field (a timed test fails on a busy machine).
    }

    @Test func aLongStatusMessageIsWrappedWhole() {
        var s = Fixture.state(Fixture.fresh, notice: StatusMessage("Not saved: " + String(repeating: "the reason is long ", count: 10) + "END"))
        let rows = s.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[rows.count - 2].hasSuffix("END"), "the last line before the key bar ends the message")
        #expect(rows.filter { $0.contains("the reason is long") }.count >= 2)
        // Past four lines, the last one is cut.
        s = Fixture.state(Fixture.fresh, notice: StatusMessage(String(repeating: "word ", count: 400)))
        let cut = s.rendered().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(cut[cut.count - 2].hasSuffix("…") && cut[cut.count - 5].hasPrefix(" word"))
    }
}

@Suite struct RedirectURIFillTests {
    static let uri = "https://clerk.acme.com/v1/oauth_callback"

    static func fill(_ callbacks: [String]) -> ConsoleState {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.authorization)
        s.press([.ctrl("u")] + typing(callbacks.joined(separator: " ")) + [.tab, .enter])
        return s
    }

    @Test(arguments: [
        "https://clerk.acme.com/v1/oauth_callback/", "http://clerk.acme.com/v1/oauth_callback",
        "https://CLERK.acme.com/v1/oauth_callback", "https://clerk.acme.com/V1/OAuth_Callback//",
    ])
    func aNearMissIsReplacedWhereItStands(_ miss: String) {
        let s = Self.fill(["https://other.example/v1/oauth_callback", miss])
        #expect(s.settings.list("atlassianApp.callbackUrls") == ["https://other.example/v1/oauth_callback", Self.uri])
        #expect(s.status?.text == "Replaced \(miss) with the redirect URI \(Self.uri)")
        #expect(!s.report.findings.contains { $0.code.hasPrefix("authorization/") && $0.code != "authorization/callback-not-https" })
    }

    @Test func everyNearMissGoesAndTheURIIsThereOnce() {
        let s = Self.fill(["http://clerk.acme.com/v1/oauth_callback", "https://clerk.acme.com/v1/oauth_callback/"])
        #expect(s.settings.list("atlassianApp.callbackUrls") == [Self.uri])
        var t = Self.fill([Self.uri, "https://clerk.acme.com/v1/oauth_callback/"])
        #expect(t.settings.list("atlassianApp.callbackUrls") == [Self.uri])
        #expect(t.status?.text.hasPrefix("Removed https://clerk.acme.com/v1/oauth_callback/") == true)
        t.press(.enter)
        #expect(t.status?.text == "The callback URLs already hold the redirect URI")
    }

    @Test func anotherAddressIsKeptAndTheURIAdded() {
        let s = Self.fill(["https://clerk.acme.com/v2/oauth_callback", "https://accounts.acme.com/v1/oauth_callback"])
        #expect(
            s.settings.list("atlassianApp.callbackUrls") == [
                "https://clerk.acme.com/v2/oauth_callback",
                "https://accounts.acme.com/v1/oauth_callback", Self.uri,
            ])
        #expect(s.status?.text == "Added \(Self.uri) to the callback URLs")
    }

    @Test func theReplacementIsOneUndo() {
        var s = Self.fill(["https://clerk.acme.com/v1/oauth_callback/"])
        s.press(.ctrl("_"))
        #expect(s.settings.list("atlassianApp.callbackUrls") == ["https://clerk.acme.com/v1/oauth_callback/"])
    }
}

@Suite struct ScrollWindowTests {
    @Test func aFocusedBlockIsKeptInViewScrollingAsLittleAsPossible() {
        // Fits: stays at the top.
        #expect(ScrollWindow(total: 30, viewport: 10, keeping: 3..<5).offset == 0)
        // Below the view: its end at the bottom edge.
        #expect(ScrollWindow(total: 30, viewport: 10, keeping: 12..<15).offset == 5)
        // Taller than the view: its start at the top.
        #expect(ScrollWindow(total: 30, viewport: 10, keeping: 12..<25).offset == 12)
        // Never past the end, never before the start.
        #expect(ScrollWindow(total: 30, viewport: 10, keeping: 29..<30).offset == 20)
        #expect(ScrollWindow(total: 5, viewport: 10, keeping: 4..<5).offset == 0)
        #expect(ScrollWindow(total: 30, viewport: 0, keeping: 4..<5).shown.isEmpty)
    }

    @Test func anOffsetIsClampedAndTheMarksSayWhatIsHidden() {
        let window = ScrollWindow(total: 30, viewport: 10, offset: 100)
        #expect(window.offset == 20 && window.hidesAbove && !window.hidesBelow)
        #expect(window.row(of: 25) == 5 && window.row(of: 19) == nil)
        #expect(ScrollWindow(total: 30, viewport: 10, offset: -3).offset == 0)
        #expect(ScrollWindow.maxOffset(total: 3, viewport: 10) == 0)
        var buffer = CellBuffer(width: 5, height: 12)
        ScrollWindow(total: 30, viewport: 10, offset: 5).drawMarks(x: 4, top: 1, into: &buffer)
        #expect(buffer[4, 1].text == "▲" && buffer[4, 10].text == "▼")
    }
}
