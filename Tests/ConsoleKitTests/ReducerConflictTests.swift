import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// A save that finds the file changed on disk merges; only keys both sides changed to
/// different values open the dialog, which lists them and asks for a side for each.
@Suite struct ReducerConflictTests {
    /// Edits the name, saves, and gets the session's answer that someone else changed it too.
    static func conflicted(fromQuit: Bool = false) -> ConsoleState {
        var s = Fixture.state()
        s.press(.char("!"))
        if fromQuit {
            s.press(.ctrl("q"))
            #expect(s.press(.char("y"))?.saveChoices == MergeChoices.none)
        } else {
            #expect(s.press(.ctrl("s"))?.saveChoices == MergeChoices.none)
        }
        #expect(s.handle(.saveConflicted(Fixture.conflicts(on: s.edit.saved, theirs: "acme-theirs", yours: "acme-staging!"))) == nil)
        return s
    }

    @Test func aConflictOpensTheDialogListingTheKeyWithOldTheirsAndYours() {
        let s = Self.conflicted()
        guard case .conflict(let dialog) = s.overlay else { Issue.record("no merge dialog"); return }
        #expect(dialog.conflicts.map(\.key) == ["instance.name"])
        let screen = s.rendered()
        #expect(screen.contains("Changed on disk"))
        #expect(screen.contains("instance.name   ? choose t or y"), "\(screen)")
        #expect(screen.contains("old \"acme-staging\"  theirs \"acme-theirs\"  yours \"acme-staging!\""), "\(screen)")
        #expect(screen.contains("! changed on disk"), "title marker:\n\(screen)")
        #expect(s.isDirty, "the edits are still there")
    }

    @Test func nothingIsSavedUntilEveryKeyHasASide() {
        var s = Self.conflicted()
        #expect(s.press(.enter) == nil)
        #expect(s.status?.text.hasPrefix("Choose t (theirs) or y (yours)") == true)
        #expect(s.press(.char("y")) == nil)
        guard case .conflict(let dialog) = s.overlay else { Issue.record("dialog closed"); return }
        #expect(dialog.choices == [.yours])
        #expect(s.rendered().contains("instance.name   → yours"))
        var expected = MergeChoices()
        expected.choose(.yours, for: dialog.conflicts[0])
        #expect(s.press(.enter)?.saveChoices == expected)
        #expect(s.overlay == nil)
    }

    @Test func allTheirsDecidesEveryKey() {
        var s = Self.conflicted()
        s.press(.char("T"))
        guard case .conflict(let dialog) = s.overlay else { Issue.record("dialog closed"); return }
        #expect(dialog.allDecided && dialog.choices == [.theirs])
        #expect(s.press(.char("s")) != nil)
    }

    @Test func aMergedSaveShowsWhatWasKeptFromDisk() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("s"))
        var merged = s.settings
        merged.setText("atlassianApp.logo", "https://acme.com/logo.png")
        #expect(s.handle(.saved(.fake(merged, mode: 0o600), keptFromDisk: ["atlassianApp.logo"])) == nil)
        #expect(!s.isDirty && !s.edit.changedOnDisk)
        #expect(s.settings.text("atlassianApp.logo") == "https://acme.com/logo.png", "their change is on screen")
        #expect(s.settings.text("instance.name") == "acme-staging!", "ours too")
        #expect(s.status?.text == "Saved acme.json, merged with changes made on disk to atlassianApp.logo")
    }

    @Test func reloadAsksTheSessionAndTheFileReplacesTheEdits() {
        var s = Self.conflicted()
        #expect(s.press(.char("r")) == .reload(path: Fixture.path, base: s.edit.base, automatically: false))
        #expect(s.overlay == nil)
        let theirs = Fixture.settings(Fixture.ready)
        _ = s.handle(.reloaded(.fake(theirs, mode: 0o600), automatically: false))
        #expect(s.settings == theirs && !s.isDirty && !s.edit.changedOnDisk)
        #expect(s.status?.text == "Reloaded acme.json from disk")
        #expect(s.rendered().contains("acme-prod"), "the focused field shows the reloaded name")
    }

    /// The decision the run loop used to make where no test reached it: with nothing
    /// unsaved, a change on disk is shown at once; with unsaved edits only the title says so.
    @Test func aChangeOnDiskReloadsOnlyWhenNothingIsUnsaved() {
        var s = Fixture.state()
        #expect(s.handle(.diskChecked(changed: false)) == nil)
        #expect(s.handle(.diskChecked(changed: true)) == .reload(path: Fixture.path, base: s.edit.base, automatically: true))
        _ = s.handle(.reloaded(.fake(Fixture.settings(Fixture.ready), mode: 0o600), automatically: true))
        #expect(s.status?.text == "Reloaded acme.json: it was changed on disk")
        #expect(!s.edit.changedOnDisk && !s.isDirty && s.settings.text("instance.name") == "acme-prod")
        s.press(.char("!"))
        #expect(s.handle(.diskChecked(changed: true)) == nil, "unsaved edits are never dropped")
        #expect(s.edit.changedOnDisk)
    }

    @Test func aFailedReloadKeepsWhatIsShownAndSaysWhy() {
        var s = Self.conflicted()
        s.press(.char("r"))
        _ = s.handle(.reloadFailed(.fake("no such file", .notFound), automatically: false))
        #expect(s.isDirty)
        #expect(s.status == StatusMessage("Not reloaded: no such file (file/not-found); your edits are kept", isError: true))
    }

    @Test func cancelKeepsTheEditsAndTheNextSaveAsksAgain() {
        var s = Self.conflicted()
        #expect(s.press(.escape) == nil)
        #expect(s.overlay == nil && s.isDirty)
        #expect(s.status?.text == "Not saved: acme.json changed on disk; your edits are kept")
        #expect(s.press(.ctrl("s"))?.saveChoices == MergeChoices.none, "never an overwrite without asking")
    }

    @Test func fromTheQuitDialogTheMergedSaveAlsoQuits() {
        var s = Self.conflicted(fromQuit: true)
        s.press(.char("Y"))
        #expect(s.press(.enter) != nil)
        #expect(s.saveSucceeded() == .quit(0))
        // If that save fails instead, the operator is back in the console with the edits.
        var failing = Self.conflicted(fromQuit: true)
        failing.press(.char("Y"), .enter)
        #expect(failing.handle(.saveFailed(.fake("no space left on device"))) == nil)
        #expect(failing.overlay == nil && failing.isDirty)
        #expect(failing.status == StatusMessage("Not saved: no space left on device", isError: true))
    }

    /// The file was new; someone created it since: the console says so once and never
    /// loads it on its own (it would become the base, its owner the owner of our save).
    @Test func aFileThatAppearsWhileNewIsSaidAndNeverLoadedWithoutAsking() {
        var s = ConsoleState(EditSession(path: "/tmp/new.json", readOnly: false, base: nil))
        s.resize(width: 80, height: 24)
        #expect(s.handle(.diskChecked(changed: true)) == nil, "not reloaded, though nothing is unsaved")
        guard case .conflict(let dialog) = s.overlay, case .appeared = dialog.reason else { Issue.record("not said"); return }
        #expect(s.rendered().contains("Created on disk") && s.rendered().contains("not yours"))
        s.press(.escape)
        #expect(s.overlay == nil && s.status?.text == "Not saved: new.json was created on disk by someone else; your edits are kept")
        #expect(s.handle(.diskChecked(changed: true)) == nil && s.overlay == nil, "said once")
        #expect(s.rendered().contains("! changed on disk"))
        // Loading it is the operator's choice.
        _ = s.handle(.saveFailed(FileError(.appearedOnDisk, path: "/tmp/new.json", "was created on disk")))
        #expect(s.press(.char("r")) == .reload(path: "/tmp/new.json", base: nil, automatically: false))
    }

    @Test func aFileThatCannotBeReadAsksBeforeReplacingIt() {
        var s = Fixture.state()
        s.press(.char("!"), .ctrl("s"))
        _ = s.handle(.saveFailed(.fake("the file on disk can no longer be read", .unreadableOnDisk)))
        #expect(s.rendered().contains("cannot be read now"))
        #expect(s.press(.enter)?.saveChoices == MergeChoices(forAll: .yours))
    }

    @Test func otherKeysInTheDialogDoNothingAndCtrlCStillLeaves() {
        var s = Self.conflicted()
        let before = s.overlay
        #expect(s.press(.char("x"), .char("o"), .char("n")) == nil)
        #expect(s.overlay == before)
        #expect(s.press(.ctrl("c")) == .quit(130))
    }

    @Test func theTitleMarksAChangeNoticedBeforeAnySave() {
        var s = Fixture.state()
        s.press(.char("!"))
        _ = s.handle(.diskChecked(changed: true))
        #expect(s.rendered().contains("! changed on disk"))
        _ = s.handle(.diskChecked(changed: false))
        #expect(!s.rendered().contains("changed on disk"))
    }

    @Test func theDialogFitsTheSmallestLayout() {
        let s = Self.conflicted()
        let screen = s.rendered(width: 40, height: 10)
        #expect(screen.contains("instance.name   ? choose t or y"), "the key stays in view:\n\(screen)")
        #expect(screen.contains("Enter Save  r Reload  Esc Cancel"), "the choices too:\n\(screen)")
    }

    @Test func aSecretInConflictIsNeverShown() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        s.press(.char("Z"), .ctrl("s"))
        let conflicts = Fixture.conflicts(
            on: s.edit.saved, key: "connection.clientSecret", theirs: TestSecret.value + "T", yours: TestSecret.value + "Z")
        _ = s.handle(.saveConflicted(conflicts))
        let screen = s.rendered(width: 120, height: 30)
        #expect(screen.contains("connection.clientSecret"))
        #expect(screen.contains("old (secret)  theirs (secret)  yours (secret)"), "\(screen)")
        #expect(!TestSecret.isIn(Array(screen.utf8)))
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
        #expect(conflicted.contains("↑↓ Select  t Theirs"), "\(conflicted)")
        #expect(!Fixture.state().rendered(width: 30, height: 6).contains("Esc"), "no dialog, no choices")
    }
}
