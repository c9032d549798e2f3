@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The product's keys for moving around: fields, screens, Review's jump, help.
@Suite struct ReducerNavigationTests {
    @Test func tabAndDownMoveToTheNextFieldAndWrap() {
        var s = Fixture.state()
        #expect(s.screen == .instance && s.focus == 0)
        s.press(.tab)
        #expect(s.focus == 1)
        s.press(.down)
        #expect(s.focus == 2)
        s.press(.tab)
        s.press(.tab)
        #expect(s.focus == 4, "the last field of the screen")
        s.press(.tab)
        #expect(s.focus == 0, "wraps to the first field of the screen")
    }

    @Test func shiftTabAndUpMoveBack() {
        var s = Fixture.state()
        s.press(.backTab)
        #expect(s.focus == 4)
        s.press(.up)
        #expect(s.focus == 3)
    }

    @Test func pageKeysAndCtrlNPChangeScreensInSpecOrder() {
        var s = Fixture.state()
        var titles = [s.screen.title]
        for key in [Key.pageDown, .ctrl("n"), .pageDown, .ctrl("n"), .pageDown, .ctrl("n"), .pageDown] {
            s.press(key)
            titles.append(s.screen.title)
        }
        #expect(titles == ["Instance", "App", "Permissions", "Authorization", "Credentials", "Distribution", "Review", "Review"])
        s.press(.pageUp)
        #expect(s.screen == .distribution)
        s.press(.ctrl("p"))
        #expect(s.screen == .credentials)
        #expect(s.focus == 0, "a new screen starts on its first field")
    }

    @Test func permissionsListsTheCatalogueWithReadMeFirstThenCustomScopes() {
        let items = Forms.items(for: .permissions)
        #expect(items.first == .scope(ScopeCatalogue.all[0]))
        #expect(items.first?.label == "read:me")
        #expect(items.last == .customScopes)
        #expect(items.count == ScopeCatalogue.appScopes.count + 1)
        #expect(!items.contains { $0.label == "offline_access" }, "a requested scope, on Credentials, not an app scope")
    }

    @Test func offlineAccessOnTheAppShowsUnderCustomScopesAndStaysWhenTheyAreEdited() {
        var settings = Settings()
        settings.setList("atlassianApp.scopes", ["read:me", "offline_access", "read:jira-wrok"])
        #expect(FormValues.customScopes(in: settings) == ["offline_access", "read:jira-wrok"])
        FormValues.setText("read:jira-work", of: .customScopes, in: &settings)
        #expect(settings.list("atlassianApp.scopes") == ["read:me", "read:jira-work"], "what the row shows is what it replaces")
    }

    @Test func fieldsAreInSpecsFocusOrder() {
        func labels(_ screen: Screen) -> [String] { Forms.items(for: screen).map(\.label) }
        #expect(labels(.instance) == ["Name", "Environment", "Redirect URI", "Clerk application", "Clerk instance"])
        #expect(labels(.app) == ["Name", "Description", "Logo"])
        #expect(labels(.authorization) == ["Callback URLs", "Use the instance's redirect URI"])
        #expect(
            labels(.credentials) == ["Use custom credentials", "Client ID", "Client Secret", "Additional scopes", "Enabled", "Sign-up and sign-in"])
        #expect(labels(.distribution) == ["Sharing", "Vendor name", "Privacy policy URL", "Terms URL", "Contact URL", "Stores personal data"])
    }

    @Test func enterOnAFindingJumpsToItsScreenAndField() throws {
        var s = Fixture.state()
        s.visit(.review)
        let index = try #require(s.reviewFindings.firstIndex { $0.code == "distribution/vendor-missing" })
        for _ in 0..<index { s.press(.down) }
        s.press(.enter)
        #expect(s.screen == .distribution)
        #expect(s.focusedItem?.key == "atlassianApp.distribution.vendorName")
    }

    @Test func readMeMissingJumpsToTheReadMeCheckbox() throws {
        var s = Fixture.state()
        s.visit(.review)
        let index = try #require(s.reviewFindings.firstIndex { $0.code == "permissions/read-me-missing" })
        s.press(Array(repeating: Key.tab, count: index) + [.enter])
        #expect(s.screen == .permissions)
        #expect(s.focusedItem?.label == "read:me")
    }

    @Test func f1OpensHelpThatScrollsAndEscClosesIt() {
        var s = Fixture.state(width: 80, height: 12)
        s.press(.function(1))
        #expect(s.overlay == .help(scroll: 0))
        s.press(.down, .down)
        #expect(s.overlay == .help(scroll: 2))
        s.press(Array(repeating: Key.pageDown, count: 30))
        guard case .help(let scroll) = s.overlay else { Issue.record("help closed"); return }
        #expect(scroll == HelpText.maxScroll(s), "scrolling stops at the end of the text")
        #expect(scroll > 0)
        s.press(.escape)
        #expect(s.overlay == nil)
        #expect(s.screen == .instance, "help does not change screen")
    }

    @Test func everyScreenHasItsHelpText() {
        for screen in Screen.allCases {
            let text = BundledResources.help(for: screen.helpName)
            #expect(text?.isEmpty == false, "no help for \(screen.title)")
        }
    }

    @Test func everyScreensHelpEndsWithTheConsolesKeys() {
        for screen in Screen.allCases {
            var s = Fixture.state(width: 100, height: 30)
            s.visit(screen)
            s.press(.function(1), .end)
            let end = s.rendered(width: 100, height: 30)
            #expect(HelpText.text(for: screen).contains("- Ctrl-C: leave at once, writing nothing"), "the keys, from the key table")
            #expect(end.contains("FILE.recovered.json"))
            s.press(.home)
            let first = BundledResources.help(for: screen.helpName)?.split(separator: "\n").first.map(String.init) ?? "?"
            #expect(s.rendered(width: 100, height: 30).contains(first), "the step's own text comes first: \(first)")
        }
    }
}
