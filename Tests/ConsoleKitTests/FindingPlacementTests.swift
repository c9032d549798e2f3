@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Each finding belongs to the one row that fixes it: Review's Enter lands there, its
/// message is drawn under it, and the status line shows its fix while that row has focus.
@Suite struct FindingPlacementTests {
    /// Scopes gone wrong every way: requested but not enabled (a catalogue scope and a
    /// custom one), two unknown custom scopes, an invalid one in the connection's list.
    static let scopes = """
        {
          "schemaVersion": 1,
          "instance": {"name": "acme", "environment": "production", "redirectUri": "https://clerk.acme.com/v1/oauth_callback"},
          "connection": {"enabled": true, "signUpAndSignIn": true, "useCustomCredentials": true,
                         "clientId": "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "clientSecret": "another-secret-for-these-tests",
                         "scopes": ["read:confluence-user", "read:thing:custom", "bad scope"]},
          "atlassianApp": {"name": "Acme", "scopes": ["read:me", "read:jira-wrok", "write:jira-wrok"],
                           "callbackUrls": ["https://clerk.acme.com/v1/oauth_callback"]}
        }
        """

    static func row(of scope: String) -> Int {
        Forms.items(for: .permissions).firstIndex {
            if case .scope(let s) = $0 { return s.name == scope }; return false
        }!
    }

    static let customScopes = Forms.items(for: .permissions).count - 1
    static let additionalScopes = Forms.index(of: "connection.scopes", on: .credentials)!

    static func finding(_ state: ConsoleState, _ code: String, _ value: String) -> Finding {
        state.report.findings.first { $0.code == code && $0.message.contains(value) }!
    }

    /// Review's Enter on the finding: the screen and row it lands on.
    static func enter(_ state: ConsoleState, on finding: Finding) -> (Screen, Int) {
        var s = state
        s.visit(.review, row: s.reviewFindings.firstIndex(of: finding)!)
        s.press(.enter)
        return (s.screen, s.focus)
    }

    @Test func aScopeNotEnabledLandsOnThatScopesCheckbox() {
        let s = Fixture.state(Self.scopes)
        let finding = Self.finding(s, "permissions/scope-not-enabled", "read:confluence-user")
        #expect(Self.enter(s, on: finding) == (.permissions, Self.row(of: "read:confluence-user")))
        // Not in the catalogue: Custom scopes, where it is typed to enable it.
        let custom = Self.finding(s, "permissions/scope-not-enabled", "read:thing:custom")
        #expect(Self.enter(s, on: custom) == (.permissions, Self.customScopes))
    }

    @Test func readMeMissingLandsOnTheReadMeCheckbox() {
        let s = Fixture.state()
        let finding = s.report.findings.first { $0.code == "permissions/read-me-missing" }!
        #expect(Self.enter(s, on: finding) == (.permissions, Self.row(of: "read:me")))
    }

    @Test func unknownAndInvalidScopesLandOnTheListThatHoldsThem() {
        let s = Fixture.state(Self.scopes)
        for value in ["read:jira-wrok", "write:jira-wrok"] {
            #expect(Self.enter(s, on: Self.finding(s, "permissions/unknown-scope", value)) == (.permissions, Self.customScopes))
        }
        // In the connection's list: fixed on Credentials, whatever step it belongs to.
        #expect(Self.enter(s, on: Self.finding(s, "permissions/invalid-scope", "bad scope")) == (.credentials, Self.additionalScopes))
        #expect(Self.enter(s, on: Self.finding(s, "permissions/unknown-scope", "read:thing:custom")) == (.credentials, Self.additionalScopes))
    }

    @Test func everyFindingLandsOnARowThatEditsItsField() {
        for json in [Fixture.halfDone, Self.scopes, Fixture.fresh, "{\"schemaVersion\": 1}"] {
            let s = Fixture.state(json)
            for finding in s.report.findings {
                let target = FindingTarget(finding)
                let item = Forms.items(for: target.screen)[target.row]
                #expect(
                    item.key == finding.field || (finding.field == FormItem.appScopesKey && item.key == FormItem.appScopesKey)
                        || finding.code == "permissions/scope-not-enabled", "\(finding.code) on \(item)")
            }
        }
    }

    @Test func bothUnknownCustomScopesAreFlaggedUnderCustomScopes() {
        var s = Fixture.state(Self.scopes)
        s.visit(.permissions, row: Self.customScopes)
        let text = s.rendered(width: 120, height: 50)
        #expect(text.contains("! The scope read:jira-wrok is not in the scope catalogue; did you mean"))
        #expect(text.contains("! The scope write:jira-wrok is not in the scope catalogue; did you mean"))
    }

    @Test func theScopeNotEnabledShowsOnItsCheckboxNotOnCredentials() {
        var s = Fixture.state(Self.scopes)
        s.visit(.permissions, row: Self.row(of: "read:confluence-user"))
        let rows = s.rendered(width: 120, height: 50).split(separator: "\n").map(String.init)
        let checkbox = rows.firstIndex { $0.contains("[ ] read:confluence-user") }!
        #expect(rows[checkbox + 1].contains("✗ The connection requests read:confluence-user"))
        s.visit(.credentials)
        #expect(
            !s.rendered(width: 120, height: 50).contains("The connection requests read:confluence-user"),
            "Credentials is complete: it shows no blocker of another step")
    }

    /// A screen marked ✗ says why, also when the fix is on another screen.
    @Test func everyIncompleteScreenShowsItsBlockersInline() {
        for json in [Fixture.halfDone, Self.scopes, Fixture.fresh] {
            var s = Fixture.state(json)
            for step in Step.allCases where !s.report.isComplete(step) {
                s.visit(Screen(step))
                // Tall enough for every row: what is checked is what is drawn, not scrolling.
                let text = s.rendered(width: 120, height: 80)
                // What fits on the message's first line: it wraps before a long URL it quotes.
                for blocker in s.report.findings(for: step) where blocker.severity == .blocker {
                    #expect(text.contains(String(("✗ " + blocker.message).prefix(40))), "\(step): \(blocker.code)")
                }
            }
        }
    }

    @Test func aBlockerFixedOnAnotherScreenSaysWhere() {
        var s = Fixture.state(Self.scopes)
        s.visit(.permissions)
        let text = s.rendered(width: 120, height: 50)
        #expect(text.contains("✗ \"bad scope\" is not a valid scope name. (on Credentials › Additional scopes)"))
    }

    @Test func theStatusLineShowsTheFocusedRowsOwnFix() {
        var s = Fixture.state()
        s.visit(.permissions, row: Self.row(of: "read:account"))
        #expect(!s.rendered().contains("fix:"), "a checkbox with no finding has no fix")
        s.visit(.permissions, row: Self.row(of: "read:me"))
        #expect(s.rendered().contains("fix: On the app's Permissions tab, add User identity API and enable read:me"))
        s.visit(.permissions, row: Self.customScopes)
        #expect(s.rendered().contains("fix: Write read:jira-work if that is the scope enabled"))
        var t = Fixture.state(Self.scopes)
        t.visit(.permissions, row: Self.row(of: "read:confluence-user"))
        #expect(t.rendered().contains("fix: Enable the scope on the app's Permissions tab"))
    }

    @Test func theWholeFixIsOnTheStatusLine() {
        var s = Fixture.state()
        s.visit(.authorization)
        let fix = s.report.findings.first { $0.code == "authorization/callback-mismatch" }!.fix
        for (w, h) in [(80, 24), (60, 16), (40, 10)] {
            let rows = s.rendered(width: w, height: h).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let start = rows.firstIndex { $0.hasPrefix(" fix: ") }!
            // Wrapped at spaces, and a URL longer than a line is split: compared without them.
            let shown = rows[start..<(rows.count - 1)].joined().filter { !$0.isWhitespace }
            #expect(shown == ("fix: " + fix).filter { !$0.isWhitespace }, "\(w)x\(h)")
        }
    }
}
