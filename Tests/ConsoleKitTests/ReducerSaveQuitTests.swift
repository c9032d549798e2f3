import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Saving and quitting: Ctrl-S / F2, Ctrl-Q / F10 with the y / n / Esc dialog, Ctrl-C.
@Suite struct ReducerSaveQuitTests {
    @Test func ctrlSAndF2AskToSaveWithTheTextBeingTyped() {
        var s = Fixture.state()
        s.press(.char("!"))
        #expect(s.press(.ctrl("s"))?.saveChoices == MergeChoices.none)
        #expect(s.settings.text("instance.name") == "acme-staging!", "the field is confirmed first")
        #expect(s.press(.function(2))?.saveChoices == MergeChoices.none)
    }

    @Test func aSuccessfulSaveClearsTheUnsavedMarker() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("s"))
        #expect(s.isDirty)
        s.saveSucceeded(fileMode: 0o600)
        #expect(!s.isDirty)
        #expect(s.status?.text == "Saved acme.json")
        #expect(!s.rendered().contains("unsaved"))
    }

    /// A save that must wait for another program's lock says so first (the session asks
    /// the store before saving: `EffectRunner.announceWait`), in both front ends.
    @Test func aSaveThatMustWaitForAnotherProgramSaysSo() {
        var s = Fixture.state()
        s.press(.char("!"))
        let save = s.press(.ctrl("s"))
        #expect(s.handle(.saveWaiting) == nil)
        #expect(s.rendered().contains("Waiting for another program that is saving acme.json (up to 30 s)…"), "\(s.rendered())")
        s.saveSucceeded(fileMode: 0o600)
        #expect(s.status?.text == "Saved acme.json")
        var plain = PlainSession(EditSession(path: "acme.json", readOnly: false, base: nil), options: .init(ascii: false, echoAnswers: false))
        _ = plain.handle(.saveWaiting)
        #expect(plain.takeOutput().contains("Waiting for another program that is saving acme.json (up to 30 s)…"))
        #expect(save != nil)
    }

    /// Found by KeyFuzzTests (Tests/FuzzCorpus/keys/review-focus-after-save.txt).
    @Test func aSaveThatClearsAFindingKeepsReviewsFocusOnARow() {
        var s = ConsoleState(EditSession(path: "/tmp/acme.json", readOnly: false, base: .fake(Fixture.settings(Fixture.halfDone), mode: 0o644)))
        s.visit(.review)
        let codes = s.reviewFindings.map(\.code)
        #expect(codes.contains("credentials/file-readable-by-others"))
        s.press(.up)
        #expect(s.focus == codes.count - 1, "Up from the first finding goes to the last")
        #expect(s.press(.ctrl("s"))?.saveChoices == MergeChoices.none)
        s.saveSucceeded(fileMode: 0o600)
        #expect(s.focusCount == codes.count - 1)
        #expect(s.focus == s.focusCount - 1, "focus moves to what is now the last finding")
        #expect(s.rendered().contains("▸"), "and Review shows it")
    }

    @Test func quitWithoutChangesLeavesAtOnce() {
        var s = Fixture.state()
        #expect(s.press(.ctrl("q")) == .quit(0))
        #expect(s.press(.function(10)) == .quit(0))
    }

    @Test func quitWithChangesAsksSaveDiscardCancel() {
        var s = Fixture.state()
        s.press(.char("!"))
        #expect(s.press(.ctrl("q")) == nil)
        #expect(s.overlay == .quitConfirm)
        #expect(s.rendered().contains("y Save   n Discard   Esc Cancel"))
        s.press(.escape)
        #expect(s.overlay == nil, "Esc cancels the dialog")
        s.press(.function(10))
        var saving = s
        #expect(saving.press(.char("y"))?.saveChoices == MergeChoices.none)
        #expect(saving.saveSucceeded() == .quit(0), "the save's result ends the console")
        #expect(s.press(.char("n")) == .quit(0))
    }

    /// Review before writing: the dialog lists each change as `key: old → new`, the
    /// secret only as changed.
    @Test func theQuitDialogListsThePendingChanges() {
        var s = Fixture.state()
        s.press(.char("!"))
        s.visit(.credentials, row: 2)
        s.press(.char("Z"), .ctrl("q"))
        let screen = s.rendered()
        #expect(screen.contains("• instance.name: \"acme-staging\" → \"acme-staging!\""), "\(screen)")
        #expect(screen.contains("• connection.clientSecret: changed"), "\(screen)")
        #expect(!TestSecret.isIn(Array(screen.utf8)))
    }

    @Test func ctrlDListsTheChangesAndYSavesThem() {
        var s = Fixture.state()
        #expect(s.press(.ctrl("d")) == nil)
        #expect(s.status?.text == "Nothing to save: no unsaved changes" && s.overlay == nil)
        s.press(typing("-2") + [.ctrl("d")])
        #expect(s.overlay == .changes)
        #expect(s.rendered().contains("instance.name: \"acme-staging\" → \"acme-staging-2\""))
        #expect(s.rendered().contains("y Save   Esc Close"))
        #expect(s.press(.char("y"))?.saveChoices == MergeChoices.none)
        #expect(s.overlay == nil)
    }

    @Test func ctrlSWithNothingChangedSaysSoAndWritesNothing() {
        var s = Fixture.state()
        #expect(s.press(.ctrl("s")) == nil)
        #expect(s.status?.text == "Nothing to save: no changes since acme.json was opened or saved")
        // A file that does not exist yet is created by the first save, even empty.
        var new = ConsoleState(EditSession(path: "/tmp/new.json", readOnly: false, base: nil))
        #expect(new.press(.ctrl("s"))?.saveChoices == MergeChoices.none)
    }

    @Test func aFailedSaveFromTheDialogStaysOpenAndSaysWhy() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"), .char("y"))
        #expect(s.handle(.saveFailed(.fake("permission denied"))) == nil, "no quit after a failed save")
        #expect(s.overlay == nil)
        #expect(s.rendered().contains("Not saved: permission denied"))
    }

    @Test func ctrlCLeavesAtOnceFromAnywhereWithoutSaving() {
        var s = Fixture.state()
        s.press(.char("!"))
        #expect(s.press(.ctrl("c")) == .quit(130))
        s.press(.ctrl("q"))
        #expect(s.press(.ctrl("c")) == .quit(130))
        s.press(.escape, .function(1))
        #expect(s.press(.ctrl("c")) == .quit(130))
    }

    @Test func otherKeysInTheDialogDoNothing() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"))
        #expect(s.press(.char("x"), .tab, .enter) == nil)
        #expect(s.overlay == .quitConfirm)
    }
}

/// Ctrl-L repaints the screen and Ctrl-Z suspends, from anywhere, changing nothing.
@Suite struct RedrawKeyTests {
    @Test func ctrlLAsksForARepaintWhateverIsOpen() {
        var s = Fixture.state()
        s.press(typing("ab"))
        let before = s
        #expect(s.press(.ctrl("l")) == .redraw)
        #expect(s == before, "the text being typed and everything else stay")
        s.press(.ctrl("q"))
        #expect(s.press(.ctrl("l")) == .redraw)
        #expect(s.overlay == .quitConfirm)
        var readOnly = Fixture.state(readOnly: true)
        #expect(readOnly.press(.ctrl("l")) == .redraw)
    }

    @Test func ctrlZAsksToSuspendAndChangesNothing() {
        var s = Fixture.state()
        s.press(typing("ab"))
        let before = s
        #expect(s.press(.ctrl("z")) == .suspend)
        #expect(s == before)
    }
}
