@testable import ConsoleKit
import TestSupport
import Foundation
@testable import SettingsKit
import Testing

/// The secret pasted into a field that is not the secret's: every frame of every screen
/// masks it, while that field is being edited and after, until the operator reveals that
/// one field with Ctrl-R. Also the other texts drawn from the settings: the redirect URI
/// in Authorization's introduction, findings, status messages, the file name.
@Suite struct SecretOnScreenTests {
    /// Every text row other than the secret, with its screen and index.
    static let textFields: [(Screen, Int, FormItem)] = Screen.allCases.flatMap { screen in
        Forms.items(for: screen).enumerated().compactMap { i, item in
            item.isTextEntry && !item.isSecret ? (screen, i, item) : nil
        }
    }

    /// What lands in the field: the secret alone, inside a URL, and the secret being
    /// edited (one character deleted, one typed into its middle) after pasting it.
    static let pastes: [(String, [Key])] = [
        ("alone", [.paste(TestSecret.value)]),
        ("in a URL", [.paste("https://acme.example/cb?token=" + TestSecret.value + "&x=1")]),
        (
            "edited",
            [
                .paste(TestSecret.value + "\n"), .backspace, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left, .left,
                .char("Q"),
            ]
        ),
    ]

    static func cleared(_ state: ConsoleState) -> ConsoleState {
        var s = state
        s.press(.end)
        s.press(Array(repeating: Key.backspace, count: 200))
        return s
    }

    /// Frames at several sizes, the rows also joined, so a secret wrapped over two lines counts.
    static func frames(_ state: ConsoleState, sizes: [(Int, Int)] = [(80, 24), (60, 16), (40, 10), (120, 40)]) -> [String] {
        sizes.flatMap { w, h -> [String] in
            let rows = Renderer.render(state, width: w, height: h).rows
            return [rows.joined(separator: "\n"), rows.joined()]
        }
    }

    /// Each screen at its first and last focus; every focus on `screen`, and on Review.
    static func everyScreen(_ state: ConsoleState, focusing screen: Screen) -> [String] {
        var frames: [String] = []
        for other in Screen.allCases {
            var s = state
            s.visit(other)
            let focuses = other == screen || other == .review ? Array(0..<max(1, s.focusCount)) : [0, s.focusCount - 1]
            for focus in focuses {
                s.visit(other, row: focus)
                frames += Self.frames(s, sizes: [(80, 24), (40, 10)])
            }
        }
        return frames
    }

    @Test(arguments: 0..<textFields.count)
    func theSecretPastedIntoAnotherFieldNeverShows(_ field: Int) {
        let (screen, index, item) = Self.textFields[field]
        for (name, keys) in Self.pastes {
            for clear in [true, false] {
                var s = Fixture.state()
                s.visit(screen, row: index)
                if clear { s = Self.cleared(s) }
                s.press(keys)
                let what = "\(item.label), secret \(name)\(clear ? "" : " after its value")"
                // Focused, being edited: the field, the hint, the key bar, the quit dialog.
                var frames = Self.frames(s)
                var dialog = s
                dialog.press(.ctrl("q"))
                frames += Self.frames(dialog)
                // Confirmed: every screen, and every focus on the field's own screen
                // (each focused row has its own hint).
                s.press(.enter)
                frames += Self.everyScreen(s, focusing: screen)
                for frame in frames { #expect(!SecretTests.leaks(frame), "\(what):\n\(frame)") }
            }
        }
    }

    @Test func theMaskedFieldSaysWhyAndCtrlRShowsItUntilFocusLeaves() {
        var s = Fixture.state()
        s.visit(.credentials, row: 1)
        s = Self.cleared(s)
        s.press(.paste(TestSecret.value))
        let masked = s.rendered(width: 100, height: 30)
        #expect(masked.contains(Secret.maskText) && !masked.contains(Secret.maskText + "•"), "the fixed mask, not a bullet per character")
        #expect(masked.contains("This field holds the Client Secret, so it is masked: ^R shows it"))
        #expect(masked.contains("^R Reveal"))
        s.press(.ctrl("r"))
        #expect(s.revealSecret)
        #expect(s.rendered(width: 100, height: 30).contains(TestSecret.value))
        s.press(.ctrl("r"))
        #expect(!s.revealSecret && !SecretTests.leaks(s.rendered()))
        s.press(.ctrl("r"), .tab)
        #expect(!s.revealSecret)
        #expect(!SecretTests.leaks(s.rendered()))
        // Back on the field, it is masked again.
        s.press(.backTab)
        #expect(!SecretTests.leaks(s.rendered()))
    }

    @Test func ctrlROnAFieldWithoutTheSecretDoesNothing() {
        var s = Fixture.state()
        s.visit(.credentials, row: 1)
        s.press(.ctrl("r"))
        #expect(!s.revealSecret)
        #expect(!s.rendered().contains("^R Reveal"))
    }

    @Test func aRevealedFieldShowsOnlyItselfInClear() {
        var s = Fixture.state()
        s.visit(.credentials, row: 1)
        s = Self.cleared(s)
        s.press(.paste(TestSecret.value))
        s.press(.tab, .tab)  // Additional scopes
        s = Self.cleared(s)
        s.press(.paste(" " + TestSecret.value), .ctrl("r"))
        let frame = Renderer.render(s, width: 100, height: 30)
        let clear = frame.rows.filter { $0.contains(TestSecret.value) }
        #expect(clear.count == 1 && clear[0].contains("Additional scopes"))
    }

    @Test func readOnlyMasksTheSecretInEveryField() {
        let json = Fixture.halfDone.replacingFirst("\"acme-staging\"", with: "\"acme \(TestSecret.value)\"")
            .replacingFirst("\"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6\"", with: "\"\(TestSecret.value)\"")
        var s = Fixture.state(json, readOnly: true)
        #expect(s.settings.text("instance.name")?.contains(TestSecret.value) == true)
        for frame in SecretTests.allFrames(s) { #expect(!SecretTests.leaks(frame), "\(frame)") }
        s.visit(.credentials, row: 1)
        #expect(s.rendered().contains("This field holds the Client Secret, so it is masked\n"))
        s.press(.ctrl("r"))
        #expect(!s.revealSecret && !SecretTests.leaks(s.rendered()))
    }

    @Test func theRedirectURIActionsStatusMessageIsMasked() {
        var s = Fixture.state()
        s = Self.cleared(s)  // Name
        s.press(.tab, .tab)
        s = Self.cleared(s)  // Redirect URI
        s.press(.paste("https://clerk.acme.com/" + TestSecret.value + "/v1/oauth_callback"), .enter)
        s.visit(.authorization, row: 1)
        s.press(.enter)
        #expect(s.status?.text.contains(TestSecret.value) == true, "the state keeps the text; the screen masks it")
        let frame = s.rendered()
        // The secret in it is the fixed mask, as in every other text on screen.
        #expect(frame.contains("Added https://clerk.acme.com/" + Secret.maskText + "/v1/oauth_callback to the callback URLs"), "\(frame)")
        #expect(!SecretTests.leaks(frame))
        #expect(!SecretTests.leaks(s.rendered(width: 200, height: 60)))
    }

    @Test func aFileNamedAfterTheSecretIsMaskedInTheTitleTheDialogAndTheStatus() {
        var s = ConsoleState(
            EditSession(path: "/srv/\(TestSecret.value).json", readOnly: false, base: .fake(Fixture.settings(Fixture.halfDone), mode: 0o600)))
        #expect(s.rendered(width: 120, height: 30).contains("social-console · ••••"))
        s.press(.char("x"), .ctrl("q"))
        #expect(!SecretTests.leaks(s.rendered(width: 120, height: 30)))
        s.press(.escape)
        s.saveSucceeded(fileMode: 0o600)
        #expect(s.status?.text.hasPrefix("Saved") == true)
        for (w, h) in [(80, 24), (120, 30), (250, 10)] { #expect(!SecretTests.leaks(s.rendered(width: w, height: h))) }
        // The conflict and recovery dialogs name the file too.
        s.press(.char("y"), .ctrl("s"))
        _ = s.handle(.saveConflicted(Fixture.conflicts(on: s.edit.saved, theirs: "theirs", yours: "yours")))
        #expect(s.rendered(width: 120, height: 30).contains("Changed on disk"))
        #expect(!SecretTests.leaks(s.rendered(width: 120, height: 30)))
        s.press(.escape)
        #expect(!SecretTests.leaks(s.rendered(width: 200, height: 30)), "the Cancel status names the file")
        let offer = RecoveryFile.Pending(path: "/srv/\(TestSecret.value).json.recovered.json", edits: s.settings, base: Settings())
        let r = ConsoleState(
            EditSession(path: "/srv/\(TestSecret.value).json", readOnly: false, base: .fake(s.settings, mode: 0o600), recovery: offer))
        #expect(r.rendered(width: 120, height: 30).contains("Recovered edits"))
        #expect(!SecretTests.leaks(r.rendered(width: 120, height: 30)))
    }

    /// A hostile file's secret of megabytes: the mask is built when the secrets change,
    /// not for every frame, and from the secret's first part only, so its cost is bounded
    /// (it was every run of the secret for every frame: seconds and a gigabyte per key).
    /// The secret's start pasted elsewhere is masked all the same.
    @Test func aHugeSecretIsMaskedAtABoundedCostBuiltWhenItChanges() {
        var random = SplitMix64(seed: 14)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let huge = String((0..<2_000_000).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] })
        var settings = Fixture.settings(Fixture.halfDone)
        settings.setText(Fields.secretKey, huge)
        var s = ConsoleState(EditSession(path: Fixture.path, readOnly: false, base: .fake(settings)))
        #expect(s.mask.runCount <= 2 * SecretMask.searchedLength, "\(s.mask.runCount) runs")
        let built = s.mask
        s.press(typing("-renamed") + [.enter])
        #expect(s.mask == built, "no secret changed: the mask stays as built")
        s.visit(.credentials, row: 1)
        s.press(.ctrl("u"), .paste(String(huge.prefix(40))))
        #expect(!s.rendered(width: 100, height: 30).contains(String(huge.prefix(12))), "the secret's start is masked")
        s.press(.enter)
        #expect(s.mask == built, "the Client ID is not a secret: still the same mask")
    }

    @Test func aNewSecretBeingTypedIsMaskedInTheOtherFieldsAlready() {
        var s = Fixture.state()
        s.visit(.credentials, row: 1)
        s = Self.cleared(s)
        let other = "NEWVALUE-9876543210-zyxwvuABCD"
        s.press(.paste(other), .tab)  // Client ID holds a text that is not (yet) the secret
        #expect(s.rendered(width: 100, height: 30).contains(other))
        s = Self.cleared(s)  // the secret field: replace it with that text
        s.press(.paste(other))
        #expect(!s.rendered(width: 100, height: 30).contains(String(other.prefix(8))))
    }
}

/// The runs of the secret the screen masks.
@Suite struct SecretMaskTests {
    let mask = SecretMask(secrets: ["0123456789abcdef"])

    @Test func exactlyTheCharactersOfARunOfTheSecretAreMasked() {
        #expect(mask.masked("id=0123456789abcdef&x") == "id=" + Secret.maskText + "&x", "a run as the fixed mask, whatever its length")
        #expect(mask.masked("x23456789ay") == "x" + Secret.maskText + "y", "a piece of 8 or more is masked")
        #expect(mask.masked("x2345678y") == "x2345678y", "7 in a row is ordinary text")
        #expect(mask.masked("01234567 89abcdef") == "•••••••• ••••••••")
        #expect(mask.masked("日本0123456789abcdef日本") == "日本" + Secret.maskText + "日本")
    }

    @Test func secretsShorterThanTheSearchLengthAreNotSearchedFor() {
        let short = SecretMask(secrets: ["abc1234"])
        #expect(short.isEmpty)
        #expect(short.masked("xxabc1234xx") == "xxabc1234xx")
        #expect(SecretMask(secrets: []).isEmpty)
    }

    @Test func maskingOnlyWhatShowsGivesTheSameStart() {
        let long = "see " + String(repeating: "0123456789abcdef-", count: 10_000)
        for columns in [1, 5, 12, 30] {
            let cut = TextWrap.truncate(mask.masked(long, columns: columns), width: columns)
            #expect(cut == TextWrap.truncate(mask.masked(long), width: columns))
        }
    }

    @Test func aFieldMasksTheSecretAtItsEdgesAndCountsBulletsAsOneColumn() {
        let wideSecret = "秘密鍵秘密鍵秘密鍵"
        let mask = SecretMask(secrets: [wideSecret])
        var b = CellBuffer(width: 20, height: 1)
        let drawn = FieldText.drawEditing(
            Array("ab" + wideSecret + "日本"), cursor: 13, masking: .secret(mask),
            x: 0, y: 0, width: 20, style: .field, into: &b)
        #expect(b.text == "ab" + Secret.maskText + "日本" && drawn.column == 14 && drawn.showsSecret)
        // The field's left edge cuts the secret: the mask shows whole or not at all.
        var narrow = CellBuffer(width: 6, height: 1)
        FieldText.drawEditing(
            Array("ab" + wideSecret + "日本"), cursor: 13, masking: .secret(mask),
            x: 0, y: 0, width: 6, style: .field, into: &narrow)
        #expect(narrow.text == "日本")
        // Only 7 characters of it are near the cursor, too few to find on their own.
        let ascii = SecretMask(secrets: ["0123456789abcdef"])
        var tail = CellBuffer(width: 4, height: 1)
        let end = FieldText.drawEditing(
            Array(String(repeating: "x", count: 100) + "0123456789abcdef" + "yy"), cursor: 118,
            masking: .secret(ascii), x: 0, y: 0, width: 4, style: .field, into: &tail)
        #expect(tail.text == "yy" && end.column == 2)
        var past = CellBuffer(width: 4, height: 1)
        let after = FieldText.drawEditing(
            Array("0123456789abcdef" + "yyyyyy"), cursor: 22, masking: .secret(ascii),
            x: 0, y: 0, width: 4, style: .field, into: &past)
        #expect(past.text == "yyy" && !after.showsSecret, "the secret is out of sight: nothing to explain")
        var head = CellBuffer(width: 6, height: 1)
        FieldText.drawValue("abcd0123456789abcdef", masking: .secret(ascii), x: 0, y: 0, width: 6, style: .field, into: &head)
        #expect(head.text == "abcd•…")
        var start = CellBuffer(width: 6, height: 1)
        FieldText.drawValue("ab" + wideSecret, masking: .secret(mask), x: 0, y: 0, width: 6, style: .field, into: &start)
        #expect(start.text == "ab•••…")
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
