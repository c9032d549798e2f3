import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// A rotated secret pasted into the masked Client Secret replaces the old one: nothing is
/// added to a value that cannot be seen (it made `old+new`, masked like a good secret, and
/// every sign-in failed). Esc keeps the old one; the status line says both.
@Suite struct SecretReplaceTests {
    static let rotated = "ROTATED-secret-9876543210fedcbaQRST"

    /// Focused on the Client Secret of a file that holds one.
    static func onTheSecret() -> ConsoleState {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        #expect(s.focusedItem?.isSecret == true)
        return s
    }

    @Test func aPasteReplacesTheSecretHeld() {
        var s = Self.onTheSecret()
        s.press(.paste(Self.rotated + "\n"), .enter)
        #expect(s.settings.text(Fields.secretKey) == Self.rotated)
    }

    @Test func theFirstKeyTypedReplacesAndTheNextOnesAppend() {
        var s = Self.onTheSecret()
        s.press(typing("new-secret-value"))
        s.press(.tab)
        #expect(s.settings.text(Fields.secretKey) == "new-secret-value")
    }

    @Test func aKeyThatDeletesClearsTheHiddenValueWhole() {
        var s = Self.onTheSecret()
        s.press(.backspace)
        #expect(s.editor?.text == "")
        s.press(typing("abc") + [.backspace])
        #expect(s.editor?.text == "ab", "once replaced, the keys edit what was typed")
    }

    @Test func escKeepsTheOldSecretAndTheNextPasteReplacesAgain() {
        var s = Self.onTheSecret()
        s.press(.paste(Self.rotated), .escape)
        #expect(s.editor?.text == TestSecret.value)
        s.press(.paste(Self.rotated), .paste("-more"), .enter)
        #expect(s.settings.text(Fields.secretKey) == Self.rotated + "-more", "a second paste adds to the first")
    }

    @Test func shownInClearTheSecretIsEditedAsAnyValue() {
        var s = Self.onTheSecret()
        s.press(.ctrl("r"), .char("!"), .enter)
        #expect(s.settings.text(Fields.secretKey) == TestSecret.value + "!")
    }

    @Test func theStatusLineSaysWhatTypingDoes() {
        var s = Self.onTheSecret()
        #expect(s.rendered().contains("Typing or pasting replaces the Client Secret; Esc keeps the old one"), "\(s.rendered())")
        s.press(.paste(Self.rotated))
        let typed = s.rendered()
        #expect(typed.contains("Enter takes the new Client Secret; Esc keeps the old one"), "\(typed)")
        #expect(!typed.contains(String(Self.rotated.suffix(4))), "nothing of what was just typed shows")
        var empty = Fixture.state(Fixture.fresh)
        empty.visit(.credentials, row: 2)
        #expect(!empty.rendered().contains("replaces the Client Secret"), "nothing to replace")
    }

    /// Every field that shows part of the secret shows the same fixed mask: one bullet per
    /// character in the Client ID gave the secret's length away.
    @Test func aSecretPastedIntoAnotherFieldShowsTheFixedMask() {
        var s = Fixture.state()
        s.visit(.credentials, row: 1)
        s.press(.ctrl("u"), .paste("id-" + TestSecret.value + "-end"))
        for frame in [s.rendered(), s.rendered(width: 60, height: 16)] {
            #expect(frame.contains("id-" + Secret.maskText + "-end"), "\(frame)")
            #expect(!frame.contains(Secret.maskText + "•"), "never a bullet per character")
        }
        s.press(.tab)
        let confirmed = s.rendered(width: 120, height: 30)
        #expect(confirmed.contains("id-" + Secret.maskText + "-end"), "\(confirmed)")
        #expect(!confirmed.contains(Secret.maskText + "•"))
    }
}
