import ConsoleKit
import SettingsKit
import Testing

/// Edits kept in FILE.recovered.json by a console whose terminal closed, offered back.
@Suite struct ReducerRecoveryTests {
    static func offered(changedSince: Bool = false, readOnly: Bool = false) -> ConsoleState {
        var kept = Fixture.settings(Fixture.halfDone)
        kept.setValue(.string("acme-staging-edited"), for: "instance.name")
        let offer = RecoveryFile.Pending(path: "/tmp/acme.json.recovered.json", settings: kept, fileChangedSince: changedSince)
        var s = ConsoleState(
            path: "/tmp/acme.json", settings: Fixture.settings(Fixture.halfDone), fileMode: 0o600,
            readOnly: readOnly, recovery: offer)
        s.resize(width: 80, height: 24)
        return s
    }

    @Test func theConsoleOpensWithTheOffer() {
        let s = Self.offered()
        let screen = s.rendered()
        #expect(screen.contains("Recovered edits"))
        #expect(screen.contains("Unsaved edits to acme.json were kept in"))
        #expect(screen.contains("r Restore   d Discard   Esc Later"))
        #expect(!screen.contains("saved after that"))
        #expect(!s.isDirty)
    }

    @Test func restoreMakesThemUnsavedEditsOverTheFile() {
        var s = Self.offered()
        #expect(s.press(.char("r")) == nil)
        #expect(s.overlay == nil && s.isDirty && s.restoredRecovery)
        #expect(s.settings.text("instance.name") == "acme-staging-edited")
        #expect(s.saved.text("instance.name") == "acme-staging", "the file stays the base a save checks against")
        let screen = s.rendered()
        #expect(screen.contains("● unsaved") && screen.contains("acme-staging-edited"))
        #expect(s.unsavedSettings?.text("instance.name") == "acme-staging-edited")
    }

    @Test func discardAsksTheRunLoopToRemoveTheFile() {
        var s = Self.offered()
        #expect(s.press(.char("d")) == .discardRecovery)
        #expect(s.overlay == nil && !s.isDirty && !s.restoredRecovery)
        #expect(s.settings.text("instance.name") == "acme-staging")
    }

    @Test func laterKeepsTheFileForNextTime() {
        var s = Self.offered()
        #expect(s.press(.escape) == nil)
        #expect(s.overlay == nil && !s.isDirty)
        #expect(s.status?.text == "The recovered edits stay in acme.json.recovered.json for next time")
    }

    @Test func aFileSavedSinceIsSaidBeforeRestoring() {
        let screen = Self.offered(changedSince: true).rendered()
        #expect(screen.contains("acme.json was saved after that"), "\(screen)")
    }

    @Test func readOnlyIsNeverOffered() {
        let s = Self.offered(readOnly: true)
        #expect(s.overlay == nil)
    }

    @Test func unsavedSettingsHoldTheTextBeingTyped() {
        var s = Fixture.state()
        #expect(s.unsavedSettings == nil)
        s.press(typing("-x"))
        #expect(s.unsavedSettings?.text("instance.name") == "acme-staging-x", "not yet confirmed with Enter")
        #expect(Fixture.state(readOnly: true).unsavedSettings == nil)
    }
}
