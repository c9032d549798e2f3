@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The Permissions checklist: every scope's name readable at any size, and `/` to find one.
@Suite struct ScopeListTests {
    static let scopeRows = Forms.items(for: .permissions).indices.dropLast()

    /// Each scope's whole name is on screen when its row is: on one line, or (at the
    /// narrowest) on two, broken after a ":" or "." and never cut with "…".
    @Test(arguments: [40, 41, 50, 59, 60, 79, 80, 100, 120, 200])
    func aScopesNameIsNeverCut(width: Int) {
        var s = Fixture.state()
        for row in Self.scopeRows {
            s.visit(.permissions, row: row)
            guard case .scope(let scope) = s.focusedItem else { continue }
            let rows = s.rendered(width: width, height: 24).split(separator: "\n").map(String.init)
            let joined = rows.map { $0.trimmingCharacters() }.joined()
            #expect(rows.contains { $0.contains(scope.name) } || joined.contains(scope.name), "\(scope.name) at \(width) columns")
        }
    }

    @Test func theLongestNameTakesTwoLinesAtTheNarrowestSize() {
        var s = Fixture.state()
        let longest = ScopeCatalogue.appScopes.max { $0.name.count < $1.name.count }!.name
        s.visit(.permissions, row: Self.scopeRows.first { Forms.items(for: .permissions)[$0].label == longest }!)
        let rows = s.rendered(width: 40, height: 10).split(separator: "\n").map(String.init)
        let first = rows.firstIndex { $0.contains("[ ] readonly:content.attachment:") }!
        #expect(rows[first + 1].trimmingCharacters() == "confluence")
    }

    @Test func slashFiltersTheChecklistAndEscClearsIt() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press(.char("/"))
        #expect(s.scopeFilter?.isEditing == true)
        s.press(typing("CONF"))
        let shown = Self.scopeRows.filter(s.isShown)
        let scopes = ScopeCatalogue.appScopes
        let matching = scopes.indices.filter { i in
            [scopes[i].name, scopes[i].product, scopes[i].description].contains { $0.lowercased().contains("conf") }
        }
        #expect(!shown.isEmpty && shown == matching, "any letter case, in name, product or description")
        #expect(s.isShown(Self.scopeRows.count), "Custom scopes always shows")
        #expect(shown.contains(s.focus), "focus moves to a match")
        let text = s.rendered()
        #expect(text.contains("/ CONF") && text.contains("of \(Self.scopeRows.count) scopes"))
        #expect(!text.contains("read:jira-work"))
        #expect(text.split(separator: "\n").last?.contains("Esc Clear filter") == true)
        // Enter ends typing: Space toggles the match again, arrows move among matches.
        s.press(.enter)
        #expect(s.scopeFilter?.isEditing == false)
        let first = s.focus
        s.press(.char(" "))
        #expect(s.settings.list("atlassianApp.scopes")?.contains(Forms.items(for: .permissions)[first].label) == true)
        s.press(.down)
        #expect(shown.contains(s.focus) && s.focus != first)
        s.press(.escape)
        #expect(s.scopeFilter == nil && Self.scopeRows.allSatisfy(s.isShown))
        #expect(s.rendered().contains("read:jira-work"))
    }

    @Test func aFilterWithNoMatchLeavesCustomScopes() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press([.char("/")] + typing("zzz"))
        #expect(s.focus == Self.scopeRows.count)
        #expect(s.rendered().contains("no scope matches"))
        #expect(s.editor?.text == "read:jira-wrok", "Custom scopes' value is not typed into")
        s.press(.backspace, .backspace, .backspace)
        #expect(s.scopeFilter?.text == "")
    }

    /// Words in any order; one whose letters come in order in a name matches it too.
    @Test func theFilterTakesWordsInAnyOrder() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press([.char("/")] + typing("conf grp"))
        let shown = Self.scopeRows.filter { s.isShown($0) }.map { Forms.items(for: .permissions)[$0].label }
        #expect(shown == ["read:confluence-groups", "write:confluence-groups"], "\(shown)")
        s.press(.ctrl("u"))
        s.press(typing("GROUPS write"))
        #expect(Self.scopeRows.filter { s.isShown($0) }.map { Forms.items(for: .permissions)[$0].label } == ["write:confluence-groups"])
        #expect(s.focusedItem?.label == "write:confluence-groups", "focus on the first match")
    }

    @Test func enterAfterAFilterWithNoMatchLeavesFocusWhereItWas() {
        var s = Fixture.state()
        s.visit(.permissions, row: 3)
        let before = s.focusedItem
        s.press([.char("/")] + typing("zzz") + [.enter])
        #expect(s.focusedItem == before && s.scopeFilter == nil, "\(String(describing: s.focusedItem))")
        #expect(s.status?.text == "No scope matches \"zzz\": showing every scope again")
        s.press([.char("/")] + typing("jira-work") + [.enter])
        #expect(s.scopeFilter?.isEditing == false && s.focusedItem?.label == "read:jira-work", "a filter that matches stays")
    }

    @Test func aPasteGoesIntoTheFilterOnOneLine() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press(.char("/"), .paste("jira-work\n"))
        #expect(s.scopeFilter?.text == "jira-work")
        #expect(Self.scopeRows.filter(s.isShown).map { Forms.items(for: .permissions)[$0].label } == ["read:jira-work", "write:jira-work"])
        #expect(Forms.items(for: .permissions)[s.focus].label == "read:jira-work")
    }

    @Test func theFilterMatchesProductsAndDescriptionsToo() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press([.char("/")] + typing("user identity"))
        #expect(Self.scopeRows.filter(s.isShown).map { Forms.items(for: .permissions)[$0].label } == ["read:me", "read:account"], "by product")
        s.press(.ctrl("u"))
        s.press(typing("webhooks"))
        #expect(Self.scopeRows.filter(s.isShown).map { Forms.items(for: .permissions)[$0].label } == ["manage:jira-webhook"], "by description")
    }

    @Test func slashTypesIntoTextFieldsAndLeavingTheScreenClearsTheFilter() {
        var s = Fixture.state()
        s.visit(.permissions, row: Self.scopeRows.count)
        s.press(.end, .char("/"))
        #expect(s.scopeFilter == nil && s.editor?.text == "read:jira-wrok/")
        s.visit(.permissions)
        s.press([.char("/")] + typing("jira"))
        s.press(.pageDown)
        #expect(s.scopeFilter == nil)
        s.press(.pageUp)
        #expect(Self.scopeRows.allSatisfy(s.isShown))
    }

    @Test func reviewsEnterClearsAFilterThatWouldHideTheTarget() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press([.char("/")] + typing("confluence") + [.enter])
        s.visit(.review, row: s.reviewFindings.firstIndex { $0.code == "permissions/read-me-missing" }!)
        s.press(.enter)
        #expect(s.screen == .permissions && s.focus == 0 && s.isShown(0))
    }
}

extension String {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
