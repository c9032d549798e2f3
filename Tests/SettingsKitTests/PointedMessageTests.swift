import TestSupport
import Testing
@testable import SettingsKit

/// Messages that point at the mistake, and the rewritten messages in Clerk's words.
@Suite struct PointedMessageTests {
    static func finding(_ code: String, _ change: (inout Settings) -> Void) -> Finding? {
        Readiness.evaluate(Fixtures.ready(change)).findings.first { $0.code == code }
    }

    @Test func aRedirectURIWithATrailingSlashSaysToRemoveIt() throws {
        let f = try #require(Self.finding("instance/redirect-uri-invalid") { $0.setText("instance.redirectUri", redirect + "/") })
        #expect(f.message == "Remove the trailing slash: the redirect URI \(redirect)/ ends in a slash after /v1/oauth_callback.")
        #expect(f.fix.hasPrefix("Remove the trailing slash"))
        #expect(f.mark == Finding.Mark(text: redirect + "/", offset: redirect.unicodeScalars.count))
    }

    @Test func aCallbackURLWithATrailingSlashSaysToRemoveIt() throws {
        let f = try #require(Self.finding("authorization/callback-mismatch") { $0.setList("atlassianApp.callbackUrls", [redirect + "/"]) })
        #expect(f.message.hasPrefix("Remove the trailing slash: the callback URL \(redirect)/ ends in a slash"))
        #expect(f.fix == "Remove the trailing slash: set the Callback URL to exactly \(redirect).")
        #expect(f.mark?.offset == redirect.unicodeScalars.count)
    }

    @Test(arguments: [
        ("https://clerk.acme.com/v1/oauth-callback", "'-' at character 32 should be '_'", 31),
        ("https://clerk.acme.com/v1/oauth_callbak", "'c' is missing at character 39", 38),
        ("http://clerk.acme.com/v1/oauth_callback", "'s' is missing at character 5", 4),
        ("https://clerk.acme.com/v2/oauth_callback", "'2' at character 25 should be '1'", 24),
        ("https://clerk.acme.com/v1/OAuth_callback", "\"OA\" at character 27 should be \"oa\"", 26),
        ("https://clerk.acme.com/v1/oauth__callback", "'_' at character 33 is one too many", 32),
    ])
    func aNearMissOfTheRedirectURINamesTheCharacter(_ callback: String, _ says: String, _ offset: Int) throws {
        let f = try #require(Self.finding("authorization/callback-mismatch") { $0.setList("atlassianApp.callbackUrls", [callback]) })
        #expect(f.message == "\(says) in the callback URL \(callback), which must equal the instance's redirect URI exactly.")
        #expect(f.fix.contains("exactly \(redirect);"))
        #expect(f.mark == Finding.Mark(text: callback, offset: offset))
        // The same near miss as the redirect URI itself.
        let own = try #require(Self.finding("instance/redirect-uri-invalid") { $0.setText("instance.redirectUri", callback) })
        #expect(own.message == "\(says) in the redirect URI \(callback), which must be an https URL ending in /v1/oauth_callback.")
        #expect(own.mark?.offset == offset)
    }

    @Test func aFarCallbackURLIsNotDescribedCharacterByCharacter() throws {
        let f = try #require(
            Self.finding("authorization/callback-mismatch") { $0.setList("atlassianApp.callbackUrls", ["https://other.example/callback"]) })
        #expect(f.message == "No callback URL equals the instance's redirect URI exactly.")
        #expect(f.mark == nil)
    }

    /// The callback-mismatch fix never tells the operator to copy a redirect URI that is
    /// itself wrong: it says to correct that first.
    @Test(arguments: [
        "https://clerk.acme.com/v1/oauth-callback", "https://accounts.acme.com/v1/oauth_callback",
        "https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback", "https://clerk.acme.com/v1/oauth_callback?x=1", "clerk.acme.com",
    ])
    func theMismatchFixNeverCopiesAWrongRedirectURI(_ wrong: String) throws {
        let f = try #require(Self.finding("authorization/callback-mismatch") { $0.setText("instance.redirectUri", wrong) })
        #expect(!f.fix.contains(wrong), "\(f.fix)")
        #expect(f.fix.hasPrefix("First correct the instance's Redirect URI"))
    }

    @Test func aMissingEnvironmentIsNotChosenYet() {
        for missing: String? in [nil, ""] {
            let f = Self.finding("instance/environment-missing") { $0.setText("instance.environment", missing) }
            #expect(f?.message == "The instance's environment is not chosen yet: development or production.")
        }
    }

    /// A choice in the wrong case gets a fix in the right case, never one that repeats it.
    @Test(arguments: [
        ("instance.environment", "Production", "instance/environment-missing", "\"production\""),
        ("atlassianApp.distribution.status", "Sharing", "distribution/not-sharing", "\"sharing\""),
        ("atlassianApp.distribution.status", "NOT_SHARING", "distribution/not-sharing", "\"not_sharing\""),
    ])
    func aChoiceInTheWrongCaseIsFixedInTheRightOne(_ key: String, _ value: String, _ code: String, _ right: String) throws {
        let f = try #require(Self.finding(code) { $0.setText(key, value) })
        #expect(f.fix.contains(right), "\(f.fix)")
        #expect(!f.fix.contains(value), "\(f.fix) repeats \(value)")
    }

    @Test func termsStayABlockerBecauseTheGuideAsksForThem() throws {
        let f = try #require(Self.finding("distribution/terms-url-missing") { $0.setText("atlassianApp.distribution.termsUrl", nil) })
        #expect(f.severity == .blocker)
        #expect(f.message.contains("the setup guide asks for one") && f.message.contains("only the contact link is optional"))
        #expect(Self.finding("distribution/contact-url-invalid") { $0.setText("atlassianApp.distribution.contactUrl", nil) } == nil)
    }

    @Test func anHTTPCallbackIsAWarningAndALoopbackOneIsNotReported() throws {
        for loopback in [
            "http://localhost/v1/oauth_callback", "http://localhost:3000/callback", "http://127.0.0.1:8080/v1/oauth_callback",
            "http://[::1]:9/cb", "http://LOCALHOST:3000/",
        ] {
            #expect(
                Self.finding("authorization/callback-not-https") { $0.setList("atlassianApp.callbackUrls", [redirect, loopback]) } == nil,
                "\(loopback)")
        }
        for other in ["http://localhost.acme.com/cb", "http://127.0.0.2/cb", "http://clerk.acme.com/v1/oauth_callback"] {
            let f = try #require(Self.finding("authorization/callback-not-https") { $0.setList("atlassianApp.callbackUrls", [redirect, other]) })
            #expect(f.severity == .warning, "\(other)")
        }
        let onlyHTTP = Readiness.evaluate(Fixtures.ready { $0.setList("atlassianApp.callbackUrls", [redirect, "http://clerk.acme.com/cb"]) })
        #expect(onlyHTTP.readyForProduction, "an extra http callback does not block")
    }

    @Test(arguments: [
        "read:issue:jira", "write:page:confluence", "read:board-scope:jira-software", "read:content.metadata:confluence",
        "delete:request:jira-service-management", "read:component:compass", "read:goal:townsquare", "write:request:servicedesk",
    ])
    func aWellFormedGranularScopeOfAKnownProductIsNoTypo(_ scope: String) {
        #expect(Self.finding("permissions/unknown-scope") { $0.setList("atlassianApp.scopes", ["read:me", scope]) } == nil)
    }

    @Test(arguments: [
        ("read:issue:jiraa", "The granular scope read:issue:jiraa names the product jiraa, which no Atlassian scope names; did you mean jira?"),
        ("read:issue:widgets", "The granular scope read:issue:widgets names the product widgets, which no Atlassian scope names."),
        ("read:jira-wrok", "The scope read:jira-wrok is not in the scope catalogue; did you mean read:jira-work?"),
        ("read:Issue:jira", "The scope read:Issue:jira is not in the scope catalogue; did you mean read:issue:jira?"),
        (
            "fetch:issue:jira",
            "The scope fetch:issue:jira is neither in the scope catalogue nor a granular scope (action:resource:product): probably a typo."
        ),
        ("read:issue-:jira", "The scope read:issue-:jira is not in the scope catalogue; did you mean read:issue:jira?"),
        (
            "read:Workflow:jira",
            "The scope read:Workflow:jira is neither in the scope catalogue nor a granular scope (action:resource:product): probably a typo."
        ),
    ])
    func aMalformedOrUnknownProductScopeSaysWhich(_ scope: String, _ message: String) {
        let f = Self.finding("permissions/unknown-scope") { $0.setList("atlassianApp.scopes", ["read:me", scope]) }
        #expect(f?.message == message)
        #expect(f?.severity == .warning)
        if message.contains("did you mean") { #expect(f?.fix.hasPrefix("Write ") == true, "\(f?.fix ?? "")") }
    }

    /// Clerk's labels today, in the rules' messages and fixes; no placeholder of the old kind.
    @Test func rulesSpeakClerksCurrentWords() throws {
        func fix(_ code: String) -> String { RuleTable.rule(code)!.fix }
        #expect(
            fix("connection/disabled").contains("Enable connection")
                && fix("connection/disabled").contains("Add connection → For all users → Atlassian"))
        #expect(fix("connection/link-only").contains("Enable for sign-up and sign-in"))
        #expect(RuleTable.rule("connection/link-only")!.message.hasPrefix("Enable for sign-up and sign-in is off"))
        #expect(fix("credentials/custom-credentials-off").contains("Use custom credentials"))
        #expect(fix("instance/redirect-uri-missing").contains("Callback URL the Clerk Dashboard shows"))
        let placeholders = ["{value}", "{label}", "{field}", "{hint}", "{expected}"]
        for rule in RuleTable.all {
            for text in [rule.message, rule.fix] + Array(rule.messages.values) + Array(rule.fixes.values) {
                #expect(!text.contains("Authorized redirect URI") && !text.contains("Social connections"), "\(rule.code): \(text)")
                var rest = text
                for p in placeholders { rest = rest.replacing(p, with: "") }
                #expect(!rest.contains("{") && !rest.contains("}"), "\(rule.code): \(text)")
            }
        }
    }
}
