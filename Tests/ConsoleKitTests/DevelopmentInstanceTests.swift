import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// A development instance with its connection enabled needs nothing more: the console
/// says it is ready for development and marks what production would need as such.
@Suite struct DevelopmentInstanceTests {
    static let enabled = """
        {"schemaVersion": 1, "instance": {"name": "acme-dev", "environment": "development",
         "redirectUri": "https://acme-dev.clerk.accounts.dev/v1/oauth_callback"}, "connection": {"enabled": true}}
        """

    @Test func readyForDevelopmentHasNoRedBlockers() {
        var s = Fixture.state(Self.enabled)
        s.visit(.credentials)
        let frame = Renderer.render(s, width: 80, height: 24)
        #expect(!frame.text.contains("✗"), "\(frame.text)")
        #expect(frame.text.contains("◦ Authorization") && frame.text.contains("for production"))
        #expect(!frame.cells.contains { $0.style == .blocker }, "nothing drawn as a blocker")
        Snapshot.check(frame.text, named: "credentials-development-80x24")
        s.visit(.review)
        let review = s.rendered()
        #expect(review.contains("ready for development; not ready for production"), "the verdict's headline, as audit says it")
        #expect(review.contains("◦ for prod"))
        Snapshot.check(review, named: "review-development-80x24")
        Snapshot.check(s.rendered(width: 60, height: 16), named: "review-development-60x16")
    }

    @Test func notEnabledKeepsTheBlockersRed() {
        let s = Fixture.state(Self.enabled.replacingOccurrences(of: "\"enabled\": true", with: "\"enabled\": false"))
        #expect(s.rendered().contains("✗ Credentials"))
        #expect(!s.rendered().contains("for production"))
    }
}

/// Frames for a terminal with no UTF-8 locale.
@Suite struct AsciiFrameTests {
    @Test func everyCellIsAsciiAndTheLayoutStays() {
        var s = Fixture.state()
        s.press(.char("日"))
        s.press(.ctrl("q"))
        let unicode = Renderer.render(s, width: 80, height: 24)
        let ascii = AsciiGlyphs.frame(unicode)
        #expect(ascii.cells.allSatisfy { $0.text.utf8.allSatisfy { $0 < 0x80 } && !$0.isContinuation })
        #expect(ascii.rows.allSatisfy { $0.count <= 80 })
        #expect(ascii.text.contains("v Instance") && ascii.text.contains("x Permissions"))
        #expect(ascii.text.contains("+- Unsaved changes"), "\(ascii.text)")
        #expect(ascii.text.contains("acme-staging??"), "a wide character is two question marks")
        Snapshot.check(ascii.text, named: "quit-dialog-ascii-80x24")
    }
}
