@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Editing keys: text, lists, checkboxes, choices, the redirect URI action, paste.
@Suite struct ReducerEditingTests {
    @Test func typedUTF8IsStoredExactlyAndEnterMovesOn() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.app)
        s.press(typing("Zoë & Jürgen 日本") + [.enter])
        #expect(s.settings.text("atlassianApp.name") == "Zoë & Jürgen 日本")
        #expect(s.focus == 1, "Enter confirms and moves to the next field")
        #expect(s.isDirty)
    }

    @Test func cursorKeysEditInsideTheText() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.app)
        s.press(typing("acde"))
        s.press(.home, .right, .char("b"), .end, .backspace, .char("E"), .left, .left, .delete)
        s.press(.enter)
        #expect(s.settings.text("atlassianApp.name") == "abcE")
    }

    @Test func escUndoesTheEditInProgress() {
        var s = Fixture.state()
        s.press(.end, .backspace, .backspace, .char("X"))
        #expect(s.isDirty, "typed text counts as unsaved before it is confirmed")
        s.press(.escape)
        #expect(s.editor?.text == "acme-staging")
        s.press(.tab)
        #expect(s.settings.text("instance.name") == "acme-staging")
        #expect(!s.isDirty)
    }

    @Test func tabConfirmsTheTextBeforeMoving() {
        var s = Fixture.state()
        s.press(.backspace, .tab)
        #expect(s.settings.text("instance.name") == "acme-stagin")
    }

    @Test func clearingAFieldRemovesTheKey() {
        var s = Fixture.state()
        s.press(Array(repeating: Key.backspace, count: 20) + [.enter])
        #expect(s.settings.text("instance.name") == nil)
        #expect(s.settings.value("instance.environment") != nil)
    }

    @Test func spaceSwitchesTheEnvironmentBetweenItsTwoValues() {
        var s = Fixture.state(Fixture.fresh)
        s.press(.tab)
        s.press(.char(" "))
        #expect(s.settings.text("instance.environment") == "development")
        s.press(.char(" "))
        #expect(s.settings.text("instance.environment") == "production")
        s.press(.left)
        #expect(s.settings.text("instance.environment") == "development")
    }

    @Test func sharingStartsAsNotSharingAndSpaceTurnsItOn() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.distribution)
        s.press(.char(" "))
        #expect(s.settings.text("atlassianApp.distribution.status") == "sharing")
    }

    @Test func spaceTogglesCheckboxesAndScopes() {
        var s = Fixture.state()
        s.visit(.credentials)
        s.press(.char(" "))
        #expect(s.settings.flag("connection.useCustomCredentials") == false)
        s.visit(.permissions)
        #expect(s.report.findings.contains { $0.code == "permissions/read-me-missing" })
        s.press(.char(" "))
        #expect(s.settings.list("atlassianApp.scopes") == ["read:jira-work", "read:jira-wrok", "read:me"])
        #expect(!s.report.findings.contains { $0.code == "permissions/read-me-missing" }, "the rules run again after each change")
    }

    @Test func listsAreTypedSeparatedBySpacesOrCommas() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.credentials, row: 3)
        s.press(typing("read:jira-work, offline_access  read:me") + [.enter])
        #expect(s.settings.list("connection.scopes") == ["read:jira-work", "offline_access", "read:me"])
    }

    @Test func customScopesKeepTheCheckedCatalogueScopes() {
        var s = Fixture.state()
        s.visit(.permissions, row: Forms.items(for: .permissions).count - 1)
        #expect(s.editor?.text == "read:jira-wrok")
        s.press(Array(repeating: Key.backspace, count: 20) + typing("read:issue:jira") + [.enter])
        #expect(s.settings.list("atlassianApp.scopes") == ["read:jira-work", "read:issue:jira"])
    }

    @Test func theActionFillsInTheInstancesRedirectURI() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.authorization)
        #expect(s.report.findings.contains { $0.code == "authorization/callback-missing" })
        s.press(.tab, .enter)
        #expect(s.settings.list("atlassianApp.callbackUrls") == ["https://clerk.acme.com/v1/oauth_callback"])
        #expect(s.report.isComplete(.authorization))
        s.press(.enter)
        #expect(s.settings.list("atlassianApp.callbackUrls")?.count == 1, "never added twice")
    }

    @Test func aPastedSecretLosesItsTrailingNewline() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.credentials, row: 2)
        s.press(.paste("pasted-secret-value\n"), .enter)
        #expect(s.settings.text("connection.clientSecret") == "pasted-secret-value")
        s.visit(.credentials, row: 1)
        s.press(.paste("id\r\n"), .enter)
        #expect(s.settings.text("connection.clientId") == "id")
    }

    @Test func aPasteWithLineBreaksInsideStaysOnOneLine() {
        var s = Fixture.state(Fixture.fresh)
        s.visit(.authorization)
        s.press(.paste("https://a.example/v1/oauth_callback\nhttps://b.example/v1/oauth_callback\n\n"), .enter)
        #expect(s.settings.list("atlassianApp.callbackUrls") == ["https://a.example/v1/oauth_callback", "https://b.example/v1/oauth_callback"])
    }

    @Test func readOnlyRefusesEveryEditAndSaysWhy() {
        var s = Fixture.state(readOnly: true)
        let before = s.settings
        s.press(typing("xyz"))
        #expect(s.status?.text == ConsoleState.readOnlyNotice)
        s.press(.tab, .char(" "), .ctrl("s"), .function(2))
        s.visit(.authorization, row: 1)
        s.press(.enter)
        #expect(s.settings == before)
        #expect(!s.isDirty)
        #expect(s.press(.ctrl("q")) == .quit(0), "nothing to save: quits at once")
    }
}
