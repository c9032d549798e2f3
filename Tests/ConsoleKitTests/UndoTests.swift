@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Undo (Ctrl-_) and redo (Ctrl-Y) of confirmed edits, many levels deep.
@Suite struct UndoTests {
    @Test func undoTakesBackConfirmedEditsOneByOneAndFocusesTheirRow() {
        var s = Fixture.state()
        s.press([.ctrl("u")] + typing("renamed") + [.enter])  // Instance › Name
        s.press(.char(" "))  // Environment → development
        s.visit(.permissions)
        s.press(.char(" "))  // read:me ticked
        #expect(s.settings.text("instance.name") == "renamed")
        #expect(s.settings.text("instance.environment") == "development")
        #expect(s.settings.list("atlassianApp.scopes")?.contains("read:me") == true)

        s.visit(.review)
        s.press(.ctrl("_"))
        #expect(s.settings.list("atlassianApp.scopes") == ["read:jira-work", "read:jira-wrok"])
        #expect(s.screen == .permissions && s.focus == 0, "focus goes to the read:me checkbox")
        #expect(s.status?.text.contains("read:me") == true)
        s.press(.ctrl("_"))
        #expect(s.settings.text("instance.environment") == "production")
        #expect(s.screen == .instance && s.focus == 1)
        s.press(.ctrl("_"))
        #expect(s.settings.text("instance.name") == "acme-staging")
        #expect(s.screen == .instance && s.focus == 0)
        #expect(s.editor?.text == "acme-staging", "the field shows the value undo brought back")
        #expect(!s.isDirty, "back where the file was")
        s.press(.ctrl("_"))
        #expect(s.status?.text == "Nothing to undo")
    }

    @Test func redoBringsBackWhatUndoTookUntilANewEditIsMade() {
        var s = Fixture.state()
        s.press([.ctrl("u")] + typing("one") + [.enter])
        s.visit(.instance, row: 0)
        s.press([.ctrl("u")] + typing("two") + [.enter])
        s.press(.ctrl("_"), .ctrl("_"))
        #expect(s.settings.text("instance.name") == "acme-staging")
        s.press(.ctrl("y"))
        #expect(s.settings.text("instance.name") == "one")
        s.press(.ctrl("y"))
        #expect(s.settings.text("instance.name") == "two")
        s.press(.ctrl("y"))
        #expect(s.status?.text == "Nothing to redo")
        s.press(.ctrl("_"))
        s.visit(.app)
        s.press([.ctrl("u")] + typing("new app") + [.enter])
        s.press(.ctrl("y"))
        #expect(s.status?.text == "Nothing to redo", "a new edit ends what could be redone")
        #expect(s.settings.text("instance.name") == "one")
    }

    @Test func undoWithTextBeingTypedTakesThatTextBackAndRedoReturnsIt() {
        var s = Fixture.state()
        s.press(.end)
        s.press(typing("-typed"))
        #expect(s.canUndo)
        s.press(.ctrl("_"))
        #expect(s.editor?.text == "acme-staging" && s.settings.text("instance.name") == "acme-staging")
        s.press(.ctrl("y"))
        #expect(s.editor?.text == "acme-staging-typed" && s.focus == 0)
    }

    @Test func aReplacedURLComesBackWithOneKey() {
        var s = Fixture.state()
        s.visit(.instance, row: 2)
        let old = s.settings.text("instance.redirectUri")
        s.press([.ctrl("u")] + typing("https://wrong.example/v1/oauth_callback") + [.enter])
        s.visit(.app)
        s.press(.ctrl("_"))
        #expect(s.settings.text("instance.redirectUri") == old)
        #expect(s.screen == .instance && s.focus == 2)
    }

    @Test func undoingAnActionFocusesTheFieldItChanged() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.authorization, row: 1)
        s.press(.enter)
        #expect(s.settings.list("atlassianApp.callbackUrls") != nil)
        s.visit(.review)
        s.press(.ctrl("_"))
        #expect(s.settings.list("atlassianApp.callbackUrls") == nil)
        #expect(s.screen == .authorization && s.focus == 0, "the Callback URLs field, not the action")
    }

    @Test func undoNamesTheFieldButNeverItsValue() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        s.press([.ctrl("u")] + typing("another-secret-value-1234") + [.enter])
        s.press(.ctrl("_"))
        #expect(s.status?.text.contains("Client Secret") == true)
        #expect(s.status?.text.contains("another-secret") == false)
        #expect(s.settings.text("connection.clientSecret") == Fixture.settings(Fixture.halfDone).text("connection.clientSecret"))
    }

    @Test func aReloadForgetsTheHistory() {
        var s = Fixture.state()
        s.press([.ctrl("u")] + typing("mine") + [.enter])
        _ = s.handle(.reloaded(.fake(Fixture.settings(Fixture.halfDone), mode: 0o600), automatically: false))
        s.press(.ctrl("_"))
        #expect(s.status?.text == "Nothing to undo", "undo never brings back what the file on disk replaced")
    }

    @Test func aSaveThatMergedSomeoneElsesChangeForgetsTheHistory() {
        var s = Fixture.state()
        s.press([.ctrl("u")] + typing("mine") + [.enter])
        var merged = s.settings
        merged.setText("atlassianApp.logo", "https://acme.com/logo.png")
        _ = s.handle(.saved(.fake(merged, mode: 0o600), keptFromDisk: ["atlassianApp.logo"]))
        s.press(.ctrl("_"))
        #expect(s.status?.text == "Nothing to undo")
        #expect(s.settings.text("atlassianApp.logo") == "https://acme.com/logo.png", "their change stays")
        // A plain save keeps it: undo after saving makes the edit unsaved again.
        var t = Fixture.state()
        t.press([.ctrl("u")] + typing("mine") + [.enter])
        t.saveSucceeded(fileMode: 0o600)
        t.press(.ctrl("_"))
        #expect(t.settings.text("instance.name") == "acme-staging" && t.isDirty)
    }

    @Test func readOnlyHasNothingToUndo() {
        var s = Fixture.state(readOnly: true)
        s.press(.ctrl("_"))
        #expect(s.status?.text == ConsoleState.readOnlyNotice)
        s.press(.ctrl("y"))
        #expect(s.status?.text == ConsoleState.readOnlyNotice)
    }

    @Test func theHistoryIsBounded() {
        var s = Fixture.state()
        for i in 0..<(EditHistory.limit + 20) {
            s.press([.ctrl("u")] + typing("n\(i)") + [.tab, .backTab])
        }
        #expect(s.edit.history.undoable.count == EditHistory.limit)
    }

    @Test func theKeyBarOffersUndoAndRedoWhenThereIsSomething() {
        var s = Fixture.state()
        func bar() -> String { s.rendered().split(separator: "\n").last.map(String.init) ?? "" }
        #expect(!bar().contains("Undo") && !bar().contains("Redo"))
        s.press(.char("x"))
        #expect(!bar().contains("Undo"), "while typing, Esc is the key: the bar does not change under each key")
        s.press(.enter)
        #expect(bar().contains("^_ Undo"))
        s.press(.backTab, .char("y"), .enter, .backTab, .ctrl("_"))
        #expect(bar().contains("^_ Undo") && bar().contains("PgUp/PgDn Screen"), "\(bar())")
        let wide = s.rendered(width: 100, height: 24).split(separator: "\n").last.map(String.init) ?? ""
        #expect(wide.contains("^_ Undo  ^Y Redo"), "at 80 columns leaving the screen wins over redo: \(wide)")
        let narrow = s.rendered(width: 40, height: 10).split(separator: "\n").last.map(String.init) ?? ""
        #expect(narrow.contains("^S Save") && narrow.contains("^Q Quit"), "saving and quitting stay on the narrowest bar: \(narrow)")
    }
}
