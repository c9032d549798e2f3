import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Text editing as in a shell, and keys the console does not know changing nothing.
@Suite struct ShellEditingTests {
    static let uri = "https://clerk.acme.com/v1/oauth_callback"

    /// Instance › Redirect URI holding `uri`, cursor at the end, being edited.
    static func redirectURI() -> ConsoleState {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.instance, row: 2)
        return s
    }

    @Test func ctrlAAndCtrlEGoToTheStartAndTheEnd() {
        var s = Self.redirectURI()
        s.press(.ctrl("a"), .char(">"), .ctrl("e"), .char("<"))
        #expect(s.editor?.text == ">" + Self.uri + "<")
    }

    @Test func ctrlUDeletesToTheStartAndCtrlKToTheEnd() {
        var s = Self.redirectURI()
        // Cursor after "https://": Ctrl-K keeps only the scheme, Ctrl-U then empties.
        s.press(.ctrl("a"))
        s.press(Array(repeating: Key.right, count: 8))
        s.press(.ctrl("k"))
        #expect(s.editor?.text == "https://")
        s.press(.ctrl("u"))
        #expect(s.editor?.text == "" && s.editor?.cursor == 0)
        // Replacing a 41-character URL is Ctrl-U and the new one, not 41 Backspaces.
        var t = Self.redirectURI()
        t.press([.ctrl("u")] + typing("https://clerk.other.com/v1/oauth_callback") + [.enter])
        #expect(t.settings.text("instance.redirectUri") == "https://clerk.other.com/v1/oauth_callback")
        var m = Self.redirectURI()
        m.press(.home, .right, .ctrl("u"))
        #expect(m.editor?.text == String(Self.uri.dropFirst()), "only what is before the cursor")
    }

    @Test func ctrlWDeletesBackToTheLastSpaceOrComma() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.credentials, row: 3)
        s.press(typing("read:jira-work, read:me  "))
        s.press(.ctrl("w"))
        #expect(s.editor?.text == "read:jira-work, ", "the spaces, then the scope before them")
        s.press(.ctrl("w"))
        #expect(s.editor?.text == "")
        var u = Self.redirectURI()
        u.press(.ctrl("w"))
        #expect(u.editor?.text == "", "a URL is one word")
    }

    @Test func altBackspaceDeletesOneWordOfLettersAndDigits() {
        var s = Self.redirectURI()
        s.press(.alt("\u{7F}"))
        #expect(s.editor?.text == "https://clerk.acme.com/v1/oauth_")
        s.press(.alt("\u{7F}"))
        #expect(s.editor?.text == "https://clerk.acme.com/v1/")
        s.press(.alt("\u{7F}"))
        #expect(s.editor?.text == "https://clerk.acme.com/")
        // As it arrives from the terminal: Esc then DEL.
        var decoder = KeyDecoder(codes: .curses)
        var t = Self.redirectURI()
        for key in KeyDecoderTests.decode(EscapeSequenceTests.reads("\u{1B}\u{7F}"), &decoder) { t.press(key) }
        #expect(t.editor?.text == "https://clerk.acme.com/v1/oauth_", "Alt-Backspace deletes a word, not one character")
    }

    @Test func theEditingKeysWorkInTheMiddleOfWideText() {
        var editor = LineEditor("日本 語テキスト")
        editor.left()
        editor.left()
        let handled = [editor.perform(.deleteWord)]
        #expect(editor.text == "日本 スト" && editor.cursor == 3)
        let more = [editor.perform(.deleteToEnd)]
        #expect(editor.text == "日本 ")
        let last = [editor.perform(.deleteAlphanumericWord), editor.perform(.redo)]
        #expect(editor.text == "")
        #expect(handled + more + last == [true, true, true, false], "redo is not an editing action")
    }

    @Test func altWithALetterNeitherTypesNorCancelsTheEdit() {
        var s = Self.redirectURI()
        s.press(typing("/x"))
        let before = s
        var decoder = KeyDecoder(codes: .curses)
        // Alt-x, Ctrl-Right (tmux without xterm's terminfo), a focus report, a mouse click.
        for sequence in ["\u{1B}x", "\u{1B}[1;5C", "\u{1B}[I", "\u{1B}[<0;10;5M", "\u{1B}[<0;10;5m", "\u{1B}]11;rgb:0/0/0\u{07}"] {
            for key in KeyDecoderTests.decode(EscapeSequenceTests.reads(sequence), &decoder) {
                #expect(s.press(key) == nil)
            }
        }
        #expect(s == before, "nothing changed: not the text, not the cursor, not the status line")
        #expect(s.editor?.text == Self.uri + "/x")
        s.press(.escape)
        #expect(s.editor?.text == Self.uri, "the Esc key itself still cancels")
    }

    @Test func ignoredKeysChangeNothingInDialogsEither() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"))
        #expect(s.overlay == .quitConfirm)
        let before = s
        let effects = [s.press(.alt("y")), s.press(.alt("n")), s.press(.unknown)]
        #expect(effects == [nil, nil, nil])
        #expect(s == before, "Alt-y is not y: the dialog is still open")
    }

    /// F1 (on every screen) and the README's key table name every key added here.
    @Test func f1AndTheREADMEListTheKeys() {
        for screen in Screen.allCases {
            var t = Fixture.state(height: 400)
            t.visit(screen)
            t.press(.function(1))
            let help = t.rendered(width: 80, height: 400)
            for key in ["Home, Ctrl-A", "End, Ctrl-E", "Ctrl-U", "Ctrl-K", "Ctrl-W", "Alt-Backspace", "Ctrl-_", "Ctrl-/", "Ctrl-Y", "- /: filter"] {
                #expect(help.contains(key), "F1 on \(screen) names \(key)")
            }
        }
        let readme = Repository.text("README.md")
        for row in [
            "| Home, Ctrl-A |", "| End, Ctrl-E |", "| Ctrl-U |", "| Ctrl-K |", "| Ctrl-W |", "| Alt-Backspace |", "| Ctrl-_ |", "| Ctrl-Y |", "| / |",
        ] {
            #expect(readme.contains(row), "README: \(row)")
        }
    }

    @Test func readOnlySaysWhyForTheShellKeysToo() {
        var s = Fixture.state(readOnly: true)
        let before = s.settings
        s.press(.ctrl("u"))
        #expect(s.status?.text == ConsoleState.readOnlyNotice)
        s.press(.ctrl("w"), .ctrl("k"), .alt("\u{7F}"))
        #expect(s.settings == before)
    }
}
