import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The client secret is drawn as the fixed mask (`Secret.maskText`), shown in clear only with the
/// reveal key on its own field, never in read-only mode, and in no other frame.
@Suite struct SecretTests {
    /// Every frame the console can draw for a state: each screen, each focus, help and
    /// the quit dialog, at the full and the compact size.
    static func allFrames(_ base: ConsoleState) -> [String] {
        var frames: [String] = []
        for screen in Screen.allCases {
            var s = base
            s.visit(screen)
            for _ in 0..<max(1, s.focusCount) {
                frames.append(s.rendered())
                frames.append(s.rendered(width: 60, height: 16))
                s.press(.tab)
            }
            s.press(.function(1))
            frames.append(s.rendered())
            s.press(.escape, .char("x"), .ctrl("q"))
            frames.append(s.rendered())
        }
        return frames
    }

    static func leaks(_ frame: String) -> Bool {
        let secret = Array(TestSecret.value)
        // Any 6 characters in a row of the secret count as a leak.
        for start in 0...(secret.count - 6) where frame.contains(String(secret[start..<start + 6])) { return true }
        return false
    }

    @Test func noFrameShowsTheSecret() {
        for readOnly in [false, true] {
            let frames = Self.allFrames(Fixture.state(readOnly: readOnly))
            #expect(frames.count > 40)
            for frame in frames { #expect(!Self.leaks(frame), "a frame shows the secret:\n\(frame)") }
        }
    }

    /// One bullet per character would give the secret's length away: the mask is fixed.
    @Test func theSecretIsDrawnAsAFixedLengthMask() {
        for secret in [TestSecret.value, TestSecret.value + "-and-much-longer-0000", "short-secret-1"] {
            var s = Fixture.state(Fixture.ready.replacingOccurrences(of: TestSecret.value, with: secret))
            s.visit(.credentials)
            let frame = s.rendered(width: 100, height: 30)
            #expect(frame.contains(Secret.mask(secret)), "\(frame)")
            #expect(!frame.contains(String(repeating: "•", count: 9)), "\(frame)")
        }
    }

    @Test func typingIntoTheSecretShowsBulletsOnly() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.credentials, row: 2)
        s.press(typing("hunter2-typed"))
        let frame = s.rendered()
        #expect(!frame.contains("hunter2"))
        #expect(frame.contains(Secret.maskText) && !frame.contains(Secret.maskText + "•"), "a fixed mask, not one bullet per character")
    }

    @Test func ctrlRRevealsOnlyOnTheSecretFieldAndHidesAgainOnLeaving() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        s.press(.ctrl("r"))
        #expect(s.revealSecret)
        #expect(s.rendered(width: 100, height: 30).contains(TestSecret.value))
        s.press(.tab)
        #expect(!s.revealSecret)
        #expect(!Self.leaks(s.rendered(width: 100, height: 30)))
    }

    @Test func revealIsOffInReadOnly() {
        var s = Fixture.state(readOnly: true)
        s.visit(.credentials, row: 2)
        s.press(.ctrl("r"))
        #expect(!s.revealSecret)
        #expect(!Self.leaks(s.rendered()))
        #expect(s.status?.text == ConsoleState.readOnlyNotice)
    }

    @Test func theStateNeverPrintsTheSecret() {
        let s = Fixture.state()
        #expect(!Self.leaks(String(describing: s.settings)))
    }
}
