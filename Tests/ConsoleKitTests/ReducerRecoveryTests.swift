@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Edits kept in FILE.recovered.json by a console whose terminal closed, offered back.
@Suite struct ReducerRecoveryTests {
    /// The console on halfDone, offered edits to the name. `changedSince`: the edits were
    /// made to an older version of the file, whose logo someone has set since.
    static func offered(changedSince: Bool = false, readOnly: Bool = false) -> ConsoleState {
        let onDisk = Fixture.settings(Fixture.halfDone)
        var madeTo = onDisk
        if changedSince { madeTo.setValue(nil, for: "atlassianApp.logo") }
        if changedSince { madeTo.setText("atlassianApp.name", "an older name") }
        var kept = madeTo
        kept.setValue(.string("acme-staging-edited"), for: "instance.name")
        let offer = RecoveryFile.Pending(path: "/tmp/acme.json.recovered.json", edits: kept, base: madeTo)
        var s = ConsoleState(EditSession(path: Fixture.path, readOnly: readOnly, base: .fake(onDisk), recovery: offer))
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
        #expect(s.overlay == nil && s.isDirty && s.edit.restoredRecovery)
        #expect(s.settings.text("instance.name") == "acme-staging-edited")
        #expect(s.edit.saved.text("instance.name") == "acme-staging", "the file stays the base a save checks against")
        let screen = s.rendered()
        #expect(screen.contains("● unsaved") && screen.contains("acme-staging-edited"))
        #expect(s.edited.text("instance.name") == "acme-staging-edited")
    }

    /// The edits were made to an older version: restoring keeps that as their base, so the
    /// save merges them with what was saved since (their change kept, ours applied).
    @Test func restoredEditsToAnOlderVersionAreSavedAsAMerge() {
        var s = Self.offered(changedSince: true)
        #expect(s.rendered().contains("acme.json was saved after that"))
        s.press(.char("r"))
        #expect(s.edit.changedOnDisk && s.rendered().contains("! changed on disk"))
        #expect(s.status?.text.contains("saving merges them with that save") == true)
        #expect(s.pendingChanges.map(\.key) == ["instance.name"], "only the recovered edit is ours: \(s.pendingChanges.map(\.key))")
        guard case .save(let request)? = s.press(.ctrl("s")) else { Issue.record("no save"); return }
        #expect(request.base?.settings.text("atlassianApp.name") == "an older name", "the store merges against the edits' own base")
        let merged = SettingsMerge.merge(base: request.base!.settings, theirs: Fixture.settings(Fixture.halfDone), yours: request.settings)
        #expect(merged.conflicts.isEmpty && merged.merged.text("atlassianApp.name") == "Acme sign-in (staging)", "their later save is kept")
        #expect(merged.merged.text("instance.name") == "acme-staging-edited")
        // No disk check clears the mark while the edits are still on their older base.
        #expect(s.handle(.diskChecked(changed: false)) == nil)
        #expect(s.edit.changedOnDisk)
    }

    @Test func discardAsksTheRunLoopToRemoveTheFile() {
        var s = Self.offered()
        #expect(s.press(.char("d")) == .discardRecovery(path: Fixture.path))
        #expect(s.overlay == nil && !s.isDirty && !s.edit.restoredRecovery)
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

    @Test func aHangupKeepsTheTextBeingTyped() {
        var s = Fixture.state()
        #expect(s.handle(.stopRequested(.hangUp)) == .quit(129), "nothing unsaved: nothing kept")
        s = Fixture.state()
        s.press(typing("-x"))
        guard case .keepRecovery(let kept)? = s.handle(.stopRequested(.hangUp)) else { Issue.record("nothing kept"); return }
        #expect(kept.edits.text("instance.name") == "acme-staging-x", "not yet confirmed with Enter")
        #expect(kept.madeTo?.settings == Fixture.settings(Fixture.halfDone) && kept.exitCode == 129)
        var readOnly = Fixture.state(readOnly: true)
        #expect(readOnly.handle(.stopRequested(.terminate)) == .quit(143))
        var interrupted = Fixture.state()
        interrupted.press(typing("-x"))
        #expect(interrupted.handle(.stopRequested(.interrupt)) == .quit(130), "Ctrl-C's signal keeps nothing")
    }
}
