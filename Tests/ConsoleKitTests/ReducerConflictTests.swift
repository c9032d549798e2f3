import ConsoleKit
import SettingsKit
import Testing

/// A save that finds the file changed on disk: Reload / Overwrite / Cancel, never silently.
@Suite struct ReducerConflictTests {
    /// Edits the name, saves, and gets the run loop's answer that someone else saved first.
    static func conflicted(fromQuit: Bool = false) -> ConsoleState {
        var s = Fixture.state()
        s.press(.char("!"))
        if fromQuit {
            s.press(.ctrl("q"))
            #expect(s.press(.char("y")) == .saveAndQuit(overwrite: false))
        } else {
            #expect(s.press(.ctrl("s")) == .save(overwrite: false))
        }
        s.saveFailed("Not saved: the file was changed on disk since it was opened", conflict: true)
        return s
    }

    @Test func aConflictOpensTheDialogAndMarksTheTitle() {
        let s = Self.conflicted()
        #expect(s.overlay == .conflict(thenQuit: false))
        let screen = s.rendered()
        #expect(screen.contains("Changed on disk"))
        #expect(screen.contains("acme.json was changed on disk since you opened it"))
        #expect(screen.contains("r Reload   o Overwrite   Esc Cancel"))
        #expect(screen.contains("! changed on disk"), "title marker:\n\(screen)")
        #expect(s.isDirty, "the edits are still there")
    }

    @Test func overwriteSavesOverTheirChange() {
        var s = Self.conflicted()
        #expect(s.press(.char("o")) == .save(overwrite: true))
        #expect(s.overlay == nil)
        s.saveSucceeded(fileMode: 0o600)
        #expect(!s.changedOnDisk && !s.isDirty)
        #expect(!s.rendered().contains("changed on disk"))
    }

    @Test func reloadAsksTheRunLoopAndTheFileReplacesTheEdits() {
        var s = Self.conflicted()
        #expect(s.press(.char("r")) == .reload)
        #expect(s.overlay == nil)
        let theirs = Fixture.settings(Fixture.ready)
        s.reloaded(theirs, fileMode: 0o600)
        #expect(s.settings == theirs && !s.isDirty && !s.changedOnDisk)
        #expect(s.status?.text == "Reloaded acme.json from disk")
        #expect(s.rendered().contains("acme-prod"), "the focused field shows the reloaded name")
    }

    @Test func aFileReloadedWithNothingUnsavedSaysWhy() {
        var s = Fixture.state()
        s.noticeChangedOnDisk(true)
        s.reloaded(Fixture.settings(Fixture.ready), fileMode: 0o600, automatically: true)
        #expect(s.status?.text == "Reloaded acme.json: it was changed on disk")
        #expect(!s.changedOnDisk && !s.isDirty && s.settings.text("instance.name") == "acme-prod")
    }

    @Test func cancelKeepsTheEditsAndTheNextSaveAsksAgain() {
        var s = Self.conflicted()
        #expect(s.press(.escape) == nil)
        #expect(s.overlay == nil && s.isDirty)
        #expect(s.status?.text == "Not saved: acme.json changed on disk; your edits are kept")
        #expect(s.press(.ctrl("s")) == .save(overwrite: false), "never an overwrite without asking")
    }

    @Test func fromTheQuitDialogOverwriteAlsoQuits() {
        var s = Self.conflicted(fromQuit: true)
        #expect(s.overlay == .conflict(thenQuit: true))
        #expect(s.press(.char("o")) == .saveAndQuit(overwrite: true))
        // If that save fails too, the operator is back in the console with the edits.
        s.saveFailed("Not saved: no space left on device", conflict: false)
        #expect(s.overlay == nil && s.isDirty)
        #expect(s.status == StatusMessage("Not saved: no space left on device", isError: true))
    }

    @Test func otherKeysInTheDialogDoNothingAndCtrlCStillLeaves() {
        var s = Self.conflicted()
        #expect(s.press(.char("x"), .tab, .enter, .char("y")) == nil)
        #expect(s.overlay == .conflict(thenQuit: false))
        #expect(s.press(.ctrl("c")) == .quit(130))
    }

    @Test func theTitleMarksAChangeNoticedBeforeAnySave() {
        var s = Fixture.state()
        s.noticeChangedOnDisk(true)
        #expect(s.rendered().contains("! changed on disk"))
        s.noticeChangedOnDisk(false)
        #expect(!s.rendered().contains("changed on disk"))
    }

    @Test func theDialogFitsTheSmallestLayout() {
        let s = Self.conflicted()
        let screen = s.rendered(width: 40, height: 10)
        #expect(screen.contains("│ r Reload  o Overwrite  Esc Cancel  │"), "closer together:\n\(screen)")
        #expect(screen.contains("acme.json ● !"), "short markers in the title:\n\(screen)")
        #expect(screen.contains("saved it.") && !screen.contains("Reload shows"), "the second paragraph gives way whole")
    }
}

/// A dialog in a window too small to draw it still shows what its keys do.
@Suite struct TooSmallDialogTests {
    @Test func theChoicesStayOnTheLastRow() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("q"))
        let screen = s.rendered(width: 30, height: 6)
        #expect(screen.contains("window too small"))
        #expect(screen.split(separator: "\n").last?.hasPrefix("y Save  n Discard  Esc Cancel") == true, "\(screen)")
        let conflicted = ReducerConflictTests.conflicted().rendered(width: 20, height: 3)
        #expect(conflicted.contains("r Reload  o Overwri"), "\(conflicted)")
        #expect(!Fixture.state().rendered(width: 30, height: 6).contains("Esc"), "no dialog, no choices")
    }
}
