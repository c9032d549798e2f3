import TestSupport
import Testing
import SettingsKit

/// The redirect URI rules and the URL checks of the rule table, each with a near miss: a
/// value just on the other side of the rule.
@Suite struct RedirectURIRuleTests {
    /// The ready example with both the redirect URI and the callback URL set to `uri`, so
    /// only the redirect URI rules can speak.
    static func withRedirect(_ uri: String, environment: String = "production") -> Settings {
        Fixtures.ready {
            $0.setText("instance.redirectUri", uri)
            $0.setList("atlassianApp.callbackUrls", [uri])
            $0.setText("instance.environment", environment)
        }
    }

    static func findings(_ s: Settings, _ code: String) -> [Finding] {
        Readiness.evaluate(s).findings.filter { $0.code == code }
    }

    @Test(arguments: [
        ("https://clerk.acme.com/v1/oauth_callback?x=1", "has a query (?…)"),
        ("https://clerk.acme.com/v1/oauth_callback?", "has a query (?…)"),
        ("https://clerk.acme.com/v1/oauth_callback#done", "has a fragment (#…)"),
        ("https://clerk.acme.com/v1/oauth_callback#", "has a fragment (#…)"),
        ("https://me@clerk.acme.com/v1/oauth_callback", "has user info"),
        ("https://me:pw@clerk.acme.com/v1/oauth_callback", "has user info"),
        ("https://@clerk.acme.com/v1/oauth_callback", "has user info"),
        ("https://clerk.acme.com:99999/v1/oauth_callback", "is not a valid URL: its port is above 65535"),
        ("https://256.256.256.256/v1/oauth_callback", "is not a valid URL: its host ends in a number but is not a valid IPv4 address"),
        ("https://[www.example.com]/v1/oauth_callback", "is not a valid URL: its host is not a valid IPv6 address"),
        ("https://clerk%00.acme.com/v1/oauth_callback", "is not a valid URL: its host holds a character no host may have"),
        ("https://a.b.c.xn--pokxncvks/v1/oauth_callback", "is not a valid URL: its host has an xn-- label that is not valid Punycode"),
        ("https:clerk.acme.com/v1/oauth_callback", "is not a valid URL: the scheme is not followed by //"),
        ("http://clerk.acme.com/v1/oauth_callback", "'s' is missing at character 5 in the redirect URI"),
        ("https://clerk.acme.com/v1/oauth_callback/", "Remove the trailing slash: the redirect URI"),
        ("https://clerk.acme.com/v1/oauth-callback", "'-' at character 32 should be '_' in the redirect URI"),
        ("https://clerk.acme.com/oauth", "is not an https URL ending in /v1/oauth_callback."),
    ])
    func invalidRedirectURIsSayWhy(_ uri: String, _ says: String) throws {
        let found = Self.findings(Self.withRedirect(uri), "instance/redirect-uri-invalid")
        #expect(found.count == 1)
        let message = try #require(found.first?.message)
        #expect(message.contains(uri) && message.contains(says), "\(message)")
    }

    @Test(arguments: [
        "https://clerk.acme.com/v1/oauth_callback",
        "https://clerk.acme.com:65535/v1/oauth_callback",
        "https://255.255.255.255/v1/oauth_callback",
        "https://[::1]/v1/oauth_callback",
        "https://clerk.acme.com/x/@/../../v1/oauth_callback",  // an "@" in the path is not user info
        "https://clerk.acme.com/v1/oauth_callback%3Fx/../../v1/oauth_callback",  // nor an encoded "?" a query
        "https://xn--bcher-kva.example/v1/oauth_callback",
        "https://CLERK.acme.com/v1/oauth_callback",
    ])
    func nearMissesAreValid(_ uri: String) {
        #expect(Self.findings(Self.withRedirect(uri), "instance/redirect-uri-invalid").isEmpty, "\(uri)")
    }

    @Test(arguments: [
        ("https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback", ".accounts.dev"),
        ("https://HAPPY-CAT-12.CLERK.ACCOUNTS.DEV/v1/oauth_callback", ".accounts.dev"),
        ("https://happy-cat-12.clerk.accounts.dev./v1/oauth_callback", ".accounts.dev"),
        ("https://clerk.happy.cat-12.lcl.dev/v1/oauth_callback", ".lcl.dev"),
        ("http://happy-cat-12.clerk.accounts.dev/v1/oauth_callback", ".accounts.dev"),
    ])
    func aDevelopmentHostInAProductionFile(_ uri: String, _ suffix: String) throws {
        let found = Self.findings(Self.withRedirect(uri), "instance/redirect-uri-development-host")
        let f = try #require(found.first)
        #expect(found.count == 1 && f.severity == .blocker && f.step == .instance && f.field == "instance.redirectUri")
        #expect(f.message.contains(uri) && f.message.contains(suffix) && f.message.contains("production file"), "\(f.message)")
        #expect(f.fix.contains("Clerk Dashboard") && f.fix.contains("clerk.<your domain>"), "\(f.fix)")
    }

    @Test func developmentHostNearMisses() {
        let dev = "https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback"
        // The same host in a development file is what it should be.
        #expect(Self.findings(Self.withRedirect(dev, environment: "development"), "instance/redirect-uri-development-host").isEmpty)
        // Hosts that only look alike.
        for uri in [
            "https://clerk.accounts.dev.acme.com/v1/oauth_callback", "https://clerk.myaccounts.dev/v1/oauth_callback",
            "https://clerk.acme.lcl.devs/v1/oauth_callback", "https://clerk.acme.com/v1/oauth_callback",
        ] {
            #expect(Self.findings(Self.withRedirect(uri), "instance/redirect-uri-development-host").isEmpty, "\(uri)")
        }
        // A redirect URI that is not a URL is one finding (invalid), not guesses about its host.
        let bad = Self.withRedirect("https://happy-cat-12.clerk.accounts.dev:99999/v1/oauth_callback")
        #expect(Self.findings(bad, "instance/redirect-uri-development-host").isEmpty)
        #expect(Self.findings(bad, "instance/redirect-uri-invalid").count == 1)
    }

    @Test(arguments: [
        ("https://accounts.acme.com/v1/oauth_callback", "https://clerk.acme.com/v1/oauth_callback"),
        ("https://ACCOUNTS.acme.co.uk/v1/oauth_callback", "https://clerk.acme.co.uk/v1/oauth_callback"),
        ("https://accounts.acme.com:8443/v1/oauth_callback", "https://clerk.acme.com:8443/v1/oauth_callback"),
    ])
    func theAccountPortalHost(_ uri: String, _ frontend: String) throws {
        for environment in ["production", "development"] {
            let found = Self.findings(Self.withRedirect(uri, environment: environment), "instance/redirect-uri-account-portal")
            let f = try #require(found.first)
            #expect(found.count == 1 && f.severity == .blocker && f.field == "instance.redirectUri")
            #expect(f.message.contains(uri) && f.message.contains("Account Portal"), "\(f.message)")
            #expect(f.fix.contains(frontend) && f.fix.contains("Clerk Dashboard"), "\(f.fix)")
        }
    }

    @Test func accountPortalNearMisses() {
        for uri in [
            "https://myaccounts.acme.com/v1/oauth_callback", "https://clerk.accounts.acme.com/v1/oauth_callback",
            "https://accounts-eu.acme.com/v1/oauth_callback", "https://clerk.acme.com/accounts/v1/oauth_callback",
        ] {
            #expect(Self.findings(Self.withRedirect(uri), "instance/redirect-uri-account-portal").isEmpty, "\(uri)")
        }
    }

    @Test func theCallbackRulesUseTheSameURLParser() {
        let s = Fixtures.ready { $0.setList("atlassianApp.callbackUrls", [redirect, "https://clerk.acme.com:99999/v1/oauth_callback"]) }
        #expect(
            Self.findings(s, "authorization/callback-not-https").map(\.message)
                == ["The callback URL https://clerk.acme.com:99999/v1/oauth_callback is not a valid URL: its port is above 65535."])
        let http = Fixtures.ready { $0.setList("atlassianApp.callbackUrls", [redirect, "http://clerk.acme.com/v1/oauth_callback"]) }
        #expect(
            Self.findings(http, "authorization/callback-not-https").map(\.message)
                == ["The callback URL http://clerk.acme.com/v1/oauth_callback is not https; over http only localhost callbacks are known to work."])
        let nearMiss = Fixtures.ready { $0.setList("atlassianApp.callbackUrls", [redirect, "https://clerk.acme.com:65535/v1/oauth_callback"]) }
        #expect(Self.findings(nearMiss, "authorization/callback-not-https").isEmpty)
    }

    @Test(arguments: [
        ("atlassianApp.distribution.privacyPolicyUrl", "distribution/privacy-url-invalid"),
        ("atlassianApp.distribution.termsUrl", "distribution/terms-url-invalid"),
        ("atlassianApp.distribution.contactUrl", "distribution/contact-url-invalid"),
    ])
    func distributionURLsFollowTheStandardToo(_ key: String, _ code: String) {
        let refused = Fixtures.ready { $0.setText(key, "http://256.256.256.256/privacy") }
        #expect(!Self.findings(refused, code).isEmpty)
        let accepted = Fixtures.ready { $0.setText(key, "http://255.255.255.255/privacy") }
        #expect(Self.findings(accepted, code).isEmpty)
    }
}
