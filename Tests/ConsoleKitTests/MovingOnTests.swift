import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Moving on as a newcomer does: Enter on a screen's last field goes to the next screen,
/// Right picks the choice to the right, letters pick a choice by its beginning, and a
/// development instance on shared credentials is not walked through what only production
/// needs.
@Suite struct MovingOnTests {
    @Test func enterOnTheLastFieldGoesToTheNextScreensFirst() {
        var s = Fixture.state()
        s.visit(.instance, row: 4)
        s.press(.enter)
        #expect(s.screen == .app && s.focus == 0)
        s.visit(.credentials, row: 5)
        s.press(.enter)
        #expect(s.screen == .distribution && s.focus == 0, "from a checkbox too")
        s.visit(.distribution, row: 5)
        s.press(.enter)
        #expect(s.screen == .review, "the last step's last field leads to Review")
    }

    @Test func enterConfirmsTheTextOnTheWay() {
        var s = Fixture.state()
        s.visit(.app, row: 2)
        s.press(.ctrl("u"))
        s.press(typing("https://acme.com/logo.png") + [.enter])
        #expect(s.settings.text("atlassianApp.logo") == "https://acme.com/logo.png")
        #expect(s.screen == .permissions && s.focus == 0)
    }

    @Test func tabStillGoesRoundTheScreen() {
        var s = Fixture.state()
        s.visit(.instance, row: 4)
        s.press(.tab)
        #expect(s.screen == .instance && s.focus == 0)
    }

    @Test func rightWithNothingChosenPicksTheRightmostAsTheArrowPoints() {
        var s = Fixture.state(#"{"schemaVersion": 1, "instance": {"name": "x"}}"#)
        s.visit(.instance, row: 1)
        s.press(.right)
        #expect(s.settings.text("instance.environment") == "production")
        s.press(.right)
        #expect(s.settings.text("instance.environment") == "production", "no wrapping")
        s.press(.left)
        #expect(s.settings.text("instance.environment") == "development")
        var fresh = Fixture.state(#"{"schemaVersion": 1}"#)
        fresh.visit(.instance, row: 1)
        fresh.press(.left)
        #expect(fresh.settings.text("instance.environment") == "development")
    }

    @Test func lettersPickAChoiceByItsBeginning() {
        var s = Fixture.state()
        s.visit(.instance, row: 1)
        s.press(.char("d"))
        #expect(s.settings.text("instance.environment") == "development")
        s.press(typing("prod"))
        #expect(s.settings.text("instance.environment") == "production")
        s.visit(.distribution)
        s.press(typing("shar"))
        #expect(s.settings.text("atlassianApp.distribution.status") == "sharing")
        s.press(.char("n"))
        #expect(s.settings.text("atlassianApp.distribution.status") == "not_sharing")
        s.press(.char("x"))
        #expect(s.settings.text("atlassianApp.distribution.status") == "not_sharing")
        #expect(
            s.status?.text.hasPrefix("No choice starts with \"x\" (Not sharing, Sharing); ? or F1 opens help") == true,
            "\(String(describing: s.status))")
    }

    static let sharedDevelopment = """
        {"schemaVersion": 1, "instance": {"name": "acme-dev", "environment": "development",
         "redirectUri": "https://acme-dev.clerk.accounts.dev/v1/oauth_callback"}, "connection": {"useCustomCredentials": false}}
        """

    @Test func aSharedCredentialsDevelopmentInstanceIsWalkedThroughWhatItUses() {
        var s = Fixture.state(Self.sharedDevelopment)
        s.visit(.instance, row: 4)
        s.press(.enter)
        #expect(s.screen == .credentials && s.focus == 0, "App, Permissions and Authorization passed over")
        #expect(s.status?.text.hasPrefix("Passed over App, Permissions, Authorization: a development instance on shared credentials") == true)
        s.press(.enter)
        #expect(s.focusedItem?.key == "connection.enabled", "Client ID, Secret and scopes passed over")
        #expect(s.status?.text.contains("Client ID, Client Secret, Additional scopes") == true)
        s.press(.char(" "), .enter, .enter)
        #expect(s.screen == .review, "Distribution passed over")
        // What production would need stays a key away.
        s.visit(.authorization)
        #expect(s.screen == .authorization)
        s.visit(.credentials)
        s.press(.char(" "), .enter)
        #expect(s.focusedItem?.key == "connection.clientId", "with custom credentials everything is walked")
    }

    /// Where no text is typed, as in lazygit and k9s: ? help, q quit; other keys say so.
    @Test func questionMarkAndQWhereNoTextIsTyped() {
        var s = Fixture.state()
        s.visit(.credentials)
        s.press(.char("?"))
        #expect(s.overlay == .help(scroll: 0))
        s.press(.escape, .char("q"))
        #expect(s.press(.char("q")) == .quit(0), "nothing unsaved: q leaves")
        var typing = Fixture.state()
        typing.press(.end, .char("q"), .char("?"))
        #expect(typing.editor?.text == "acme-stagingq?", "in a text field they are text")
        #expect(typing.overlay == nil)
    }

    @Test func anUnknownKeySaysWhichKeysHelpAndQuit() {
        var s = Fixture.state()
        s.visit(.credentials)
        s.press(.char("x"))
        #expect(s.status == StatusMessage("\"x\" does nothing here; ? or F1 opens help, q or Ctrl-Q quits", isError: true))
        s.press(.ctrl("b"))
        #expect(s.status?.text.hasPrefix("Ctrl-B does nothing here") == true)
        s.visit(.review)
        s.press(.char("x"))
        #expect(s.status?.text.hasSuffix("? or F1 opens help, q or Ctrl-Q quits") == true)
        var text = Fixture.state()
        text.press(.ctrl("b"))
        #expect(text.status == nil, "in a text field ? and q are text: nothing to point at")
    }

    @Test func withUnsavedEditsQAsksFirst() {
        var s = Fixture.state()
        s.press(.char("!"))
        s.visit(.credentials)
        #expect(s.press(.char("q")) == nil)
        #expect(s.overlay == .quitConfirm)
    }
}
