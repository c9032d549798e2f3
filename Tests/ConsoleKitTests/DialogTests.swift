import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Dialogs at the terminal's width (up to about 100 columns): `key: old → new` wrapped, not
/// cut; a newcomer's first save (twenty changes and more) scrolled, not cut short; the
/// recovery offer lists what it would restore; the focused field's message shown whole.
@Suite struct DialogTests {
    static let longURL = "https://clerk.acme-corporation-staging.example.com/v1/oauth_callback?tenant=platform-team-eu-west"

    /// A new file with every field filled in: 20 changes and more.
    static func firstSave() -> ConsoleState {
        var s = Fixture.state(#"{"schemaVersion": 1}"#, width: 120, height: 40)
        var settings = Fixture.settings(Fixture.ready)
        settings.setText("instance.redirectUri", Self.longURL)
        s.edit.update(at: nil) { $0 = settings }
        s.press(.ctrl("q"))
        #expect(s.overlay == .quitConfirm)
        #expect(s.pendingChanges.count >= 20)
        return s
    }

    /// The text inside the dialog's box, row by row.
    static func box(_ screen: String) -> [String] {
        let rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        guard let top = rows.firstIndex(where: { $0.contains("┌") }), let left = rows[top].firstIndex(of: "┌"),
            let right = rows[top].firstIndex(of: "┐")
        else { return [] }
        return rows[(top + 1)...].prefix { $0.count > right && $0[left] == "│" }.map { String($0[(left + 1)..<right]) }
    }

    @Test func theChangesDialogUsesTheWidthAndWrapsLongValues() {
        let s = Self.firstSave()
        let screen = s.rendered(width: 120, height: 40)
        let top = screen.split(separator: "\n").first { $0.contains("┌─ Unsaved changes") }.map(String.init) ?? ""
        let box = top.drop { $0 != "┌" }.prefix { $0 != "┐" } + "┐"
        #expect(DisplayWidth.of(box) == DialogLayout.maxWidth, "as wide as it may be: \(box)")
        let inside = Self.box(screen)
        let flat = inside.map { $0.trimmingWhitespace }.joined(separator: " ")
        #expect(flat.contains("• instance.redirectUri: (not set) → \""), "\(screen)")
        #expect(inside.joined().filter { $0 != " " }.contains("\"\(Self.longURL)\""), "wrapped whole:\n\(screen)")
        #expect(!screen.contains("oauth_callback?tenant=platform-team-eu-west\"…"))
        #expect(screen.contains("• connection.clientSecret: changed"))
        #expect(!SecretTests.leaks(screen))
    }

    @Test func aLongListScrollsAndSaysWhatIsBelow() {
        var s = Self.firstSave()
        s.resize(width: 80, height: 24)
        let first = s.rendered()
        #expect(first.contains("more lines below: ↓ PgDn"), "\(first)")
        #expect(first.contains("• instance.name"))
        let last = s.pendingChanges.last!.key
        #expect(!first.contains(last))
        s.press(.pageDown, .pageDown, .pageDown, .pageDown)
        let end = s.rendered()
        #expect(end.contains(last) && end.contains("above: ↑ PgUp"), "\(end)")
        #expect(s.dialogScroll == DialogView.maxScroll(s))
        s.press(.down)
        #expect(s.dialogScroll == DialogView.maxScroll(s), "not past the end")
        s.press(.pageUp, .pageUp, .pageUp, .pageUp, .up)
        #expect(s.dialogScroll == 0 && s.rendered() == first)
        _ = s.handle(.scrolled(2))
        #expect(s.dialogScroll == 6, "the wheel scrolls the list too")
        #expect(s.press(.char("y"))?.saveChoices == MergeChoices.none, "the dialog's own keys still work")
    }

    @Test func theRecoveryOfferListsWhatItWouldRestore() {
        var s = ReducerRecoveryTests.offered()
        s.edit.recoveryOffer = RecoveryFile.Pending(
            path: "/tmp/acme.json.recovered.json",
            edits: {
                var kept = Fixture.settings(Fixture.halfDone)
                kept.setText("instance.name", "acme-staging-edited")
                kept.setText(Fields.secretKey, "a-rotated-secret-0000111122223333")
                return kept
            }(), base: Fixture.settings(Fixture.halfDone))
        let screen = s.rendered()
        #expect(screen.contains("• instance.name: \"acme-staging\" → \"acme-staging-edited\""), "\(screen)")
        #expect(screen.contains("• connection.clientSecret: changed"))
        #expect(!screen.contains("0000111122223333") && !SecretTests.leaks(screen))
    }

    @Test func theFocusedFieldsMessageIsShownWhole() {
        var s = Fixture.state()
        s.visit(.authorization)
        let screen = s.rendered()
        #expect(screen.contains("oauth_callback is not\n") || screen.contains("https."), "\(screen)")
        #expect(!screen.contains("is not…"), "not cut to two lines:\n\(screen)")
    }
}
