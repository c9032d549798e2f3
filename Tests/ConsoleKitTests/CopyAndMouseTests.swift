import TestSupport
@testable import ConsoleKit
import Foundation
@testable import SettingsKit
import Testing

/// Copying out (`y` where no text is typed, Ctrl-O in a text field) by OSC 52, never the
/// secret; and the mouse switched off so the terminal's own selection works (F4).
@Suite struct CopyAndMouseTests {
    static let uri = "https://clerk.staging.acme.com/v1/oauth_callback"

    @Test func yOnAuthorizationsActionCopiesTheRedirectURI() {
        var s = Fixture.state()
        s.visit(.authorization, row: 1)
        #expect(s.press(.char("y")) == .copyToClipboard(Self.uri))
        #expect(s.status?.text.hasPrefix("Copied the redirect URI to the clipboard") == true)
        #expect(s.settings == Fixture.state().settings, "copying changes nothing")
    }

    @Test func eachRowCopiesItsValue() {
        var s = Fixture.state()
        s.visit(.permissions, row: 1)
        guard case .scope(let scope)? = s.focusedItem else {
            Issue.record("not a scope")
            return
        }
        #expect(s.press(.char("y")) == .copyToClipboard(scope.name))
        s.visit(.instance, row: 1)
        #expect(s.press(.char("y")) == .copyToClipboard("production"), "a choice's stored value")
        s.visit(.instance, row: 2)
        #expect(s.press(.ctrl("o")) == .copyToClipboard(Self.uri), "in a text field, Ctrl-O")
        s.visit(.review)
        guard case .copyToClipboard(let finding)? = s.press(.char("y")) else {
            Issue.record("no finding copied")
            return
        }
        #expect(finding.hasPrefix(s.reviewFindings[0].message) && finding.contains("Fix: "))
        var readOnly = Fixture.state(readOnly: true)
        #expect(readOnly.press(.char("y")) == .copyToClipboard("acme-staging"), "read-only types nothing: y copies")
    }

    @Test func theSecretIsNeverCopied() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        #expect(s.press(.ctrl("o")) == nil)
        #expect(s.status == StatusMessage("The Client Secret is never copied", isError: true))
        s.visit(.credentials, row: 1)
        s.press(.ctrl("u"), .paste("x" + TestSecret.value))
        #expect(s.press(.ctrl("o")) == nil)
        #expect(s.status == StatusMessage("Not copied: Client ID holds the Client Secret", isError: true))
        var readOnly = Fixture.state(readOnly: true)
        readOnly.visit(.credentials, row: 2)
        #expect(readOnly.press(.char("y")) == nil)
    }

    @Test func textThatWouldActOnATerminalIsNotCopied() {
        var s = Fixture.state(#"{"schemaVersion": 1, "instance": {"name": "rm -rf /\n"}}"#, readOnly: true)
        #expect(s.press(.char("y")) == nil)
        #expect(s.status == StatusMessage("Not copied: Name holds control characters", isError: true))
    }

    @Test func theSequenceIsOSC52WithTheTextInBase64() {
        for text in ["", "a", "ab", "abc", Self.uri, "Zoë 日本 👩‍👩‍👧"] {
            let expected = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
            #expect(OSC52.sequence(for: text) == expected)
        }
    }

    /// A whole session: the bytes the terminal gets.
    @Test func theTerminalGetsTheSequence() {
        let terminal = FakeTerminal([.key(.pageDown), .key(.pageDown), .key(.pageDown), .key(.tab), .key(.char("y")), .key(.function(4))])
        var session = ConsoleSession(state: Fixture.state(), backend: terminal, files: FullDisk())
        _ = session.run()
        #expect(terminal.clipboard == ["\u{1B}]52;c;" + Data(Self.uri.utf8).base64EncodedString() + "\u{07}"])
        #expect(terminal.mouseCapture == false)
    }

    @Test func f4SwitchesTheMouseOffAndOn() {
        var s = Fixture.state()
        #expect(s.press(.function(4)) == .setMouseCapture(false))
        #expect(!s.mouseCapture && s.status?.text.hasPrefix("Mouse off: the terminal's own selection copies text") == true)
        s.press(.char("x"))
        #expect(s.editor?.text == "acme-stagingx", "in a text field too, and typing goes on")
        #expect(s.press(.function(4)) == .setMouseCapture(true))
        #expect(s.mouseCapture)
    }
}
