import TestSupport
import Testing
@testable import SettingsKit

/// One row per finding code: a change that must produce it, and a near miss that must not.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let code: String
    let trigger: @Sendable (inout Settings) -> Void
    let nearMiss: @Sendable (inout Settings) -> Void
    var mode: UInt32? = nil
    var nearMissMode: UInt32? = nil
    var testDescription: String { code }
}

let id32 = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"
let redirect = "https://clerk.acme.com/v1/oauth_callback"

let ruleCases: [RuleCase] = [
    RuleCase(
        code: "instance/environment-missing",
        trigger: { $0.setText("instance.environment", "staging") },
        nearMiss: { $0.setText("instance.environment", "development") }),
    RuleCase(
        code: "instance/redirect-uri-missing",
        trigger: { $0.setText("instance.redirectUri", "  ") },
        nearMiss: { $0.setText("instance.redirectUri", "not a url") }),
    RuleCase(
        code: "instance/redirect-uri-invalid",
        trigger: {
            $0.setText("instance.redirectUri", "http://clerk.acme.com/v1/oauth_callback");
            $0.setList("atlassianApp.callbackUrls", ["http://clerk.acme.com/v1/oauth_callback"])
        },
        nearMiss: {
            $0.setText("instance.redirectUri", "https://clerk.acme.com:8443/v1/oauth_callback");
            $0.setList("atlassianApp.callbackUrls", ["https://clerk.acme.com:8443/v1/oauth_callback"])
        }),
    RuleCase(
        code: "instance/redirect-uri-development-host",
        trigger: { $0.setText("instance.redirectUri", "https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback") },
        nearMiss: {
            $0.setText("instance.redirectUri", "https://clerk.accounts.dev.acme.com/v1/oauth_callback");
            $0.setList("atlassianApp.callbackUrls", ["https://clerk.accounts.dev.acme.com/v1/oauth_callback"])
        }),
    RuleCase(
        code: "instance/redirect-uri-account-portal",
        trigger: { $0.setText("instance.redirectUri", "https://accounts.acme.com/v1/oauth_callback") },
        nearMiss: {
            $0.setText("instance.redirectUri", "https://myaccounts.acme.com/v1/oauth_callback");
            $0.setList("atlassianApp.callbackUrls", ["https://myaccounts.acme.com/v1/oauth_callback"])
        }),
    RuleCase(
        code: "app/name-missing",
        trigger: { $0.setText("atlassianApp.name", "") },
        nearMiss: { $0.setText("atlassianApp.name", "A") }),
    RuleCase(
        code: "app/description-missing",
        trigger: { $0.setText("atlassianApp.description", nil) },
        nearMiss: { $0.setText("atlassianApp.description", "d") }),
    RuleCase(
        code: "app/logo-missing",
        trigger: { $0.setText("atlassianApp.logo", " ") },
        nearMiss: { $0.setText("atlassianApp.logo", "logo.png") }),
    RuleCase(
        code: "permissions/read-me-missing",
        trigger: { $0.setList("atlassianApp.scopes", ["read:jira-work", "read:account"]) },
        nearMiss: { $0.setList("atlassianApp.scopes", ["read:jira-work", "read:account", "read:me"]) }),
    RuleCase(
        code: "permissions/invalid-scope",
        trigger: { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "read jira"]) },
        nearMiss: { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "read:issue:jira", "read:confluence-content.all"]) }),
    RuleCase(
        code: "permissions/unknown-scope",
        trigger: { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "read:jira-wrok"]) },
        nearMiss: { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "offline_access"]) }),
    RuleCase(
        code: "permissions/scope-not-enabled",
        trigger: { $0.setList("connection.scopes", ["read:jira-work", "write:jira-work"]) },
        nearMiss: { $0.setList("connection.scopes", []) }),
    RuleCase(
        code: "authorization/callback-missing",
        trigger: { $0.setList("atlassianApp.callbackUrls", []) },
        nearMiss: { $0.setList("atlassianApp.callbackUrls", ["https://other.example/v1/oauth_callback", redirect]) }),
    RuleCase(
        code: "authorization/callback-mismatch",
        trigger: { $0.setList("atlassianApp.callbackUrls", [redirect + "/"]) },
        nearMiss: { $0.setList("atlassianApp.callbackUrls", [redirect + "/", redirect]) }),
    RuleCase(
        code: "authorization/callback-not-https",
        trigger: { $0.setList("atlassianApp.callbackUrls", [redirect, "http://clerk.acme.com:3000/v1/oauth_callback"]) },
        // Loopback over http is how apps are tested locally: not reported.
        nearMiss: { $0.setList("atlassianApp.callbackUrls", [redirect, "http://localhost:3000/v1/oauth_callback"]) }),
    RuleCase(
        code: "credentials/custom-credentials-off",
        trigger: { $0.setFlag("connection.useCustomCredentials", false) },
        nearMiss: { $0.setFlag("connection.useCustomCredentials", true) }),
    RuleCase(
        code: "credentials/client-id-missing",
        trigger: { $0.setText("connection.clientId", nil) },
        nearMiss: { $0.setText("connection.clientId", id32) }),
    RuleCase(
        code: "credentials/client-secret-missing",
        trigger: { $0.setText("connection.clientSecret", "") },
        nearMiss: { $0.setText("connection.clientSecret", "s") }),
    RuleCase(
        code: "credentials/client-id-malformed",
        trigger: { $0.setText("connection.clientId", String(id32.dropLast())) },
        nearMiss: { $0.setText("connection.clientId", "ZZZZ" + id32.dropFirst(4)) }),
    RuleCase(
        code: "credentials/whitespace",
        trigger: { $0.setText("connection.clientSecret", TestSecret.value + "\n") },
        nearMiss: { $0.setText("connection.clientSecret", TestSecret.value + "-") }),
    RuleCase(
        code: "credentials/secret-equals-id",
        trigger: { $0.setText("connection.clientSecret", id32) },
        nearMiss: { $0.setText("connection.clientSecret", id32 + "x") }),
    // Below 8 characters the secret is too short to search for: a blocker of its own.
    RuleCase(
        code: "credentials/secret-too-short",
        trigger: { $0.setText("connection.clientSecret", "Ab3-xy7") },
        nearMiss: { $0.setText("connection.clientSecret", "Ab3-xy7Q") }),
    RuleCase(
        code: "credentials/file-readable-by-others",
        trigger: { _ in }, nearMiss: { _ in }, mode: 0o640, nearMissMode: 0o600),
    RuleCase(
        code: "distribution/not-sharing",
        trigger: { $0.setText("atlassianApp.distribution.status", "not_sharing") },
        nearMiss: { $0.setText("atlassianApp.distribution.status", "sharing") }),
    RuleCase(
        code: "distribution/vendor-missing",
        trigger: { $0.setText("atlassianApp.distribution.vendorName", nil) },
        nearMiss: { $0.setText("atlassianApp.distribution.vendorName", "V") }),
    RuleCase(
        code: "distribution/privacy-url-missing",
        trigger: { $0.setText("atlassianApp.distribution.privacyPolicyUrl", nil) },
        nearMiss: { $0.setText("atlassianApp.distribution.privacyPolicyUrl", "ftp://x") }),
    RuleCase(
        code: "distribution/privacy-url-invalid",
        trigger: { $0.setText("atlassianApp.distribution.privacyPolicyUrl", "acme.com/privacy") },
        nearMiss: { $0.setText("atlassianApp.distribution.privacyPolicyUrl", "http://acme.com/privacy") }),
    RuleCase(
        code: "distribution/terms-url-missing",
        trigger: { $0.setText("atlassianApp.distribution.termsUrl", "") },
        nearMiss: { $0.setText("atlassianApp.distribution.termsUrl", "https://acme.com/terms?v=2#top") }),
    RuleCase(
        code: "distribution/terms-url-invalid",
        trigger: { $0.setText("atlassianApp.distribution.termsUrl", "https://") },
        nearMiss: { $0.setText("atlassianApp.distribution.termsUrl", "https://acme.com") }),
    RuleCase(
        code: "distribution/contact-url-invalid",
        trigger: { $0.setText("atlassianApp.distribution.contactUrl", "support@acme.com") },
        nearMiss: { $0.setText("atlassianApp.distribution.contactUrl", "mailto:support@acme.com") }),
    RuleCase(
        code: "distribution/personal-data-undeclared",
        trigger: { $0.setFlag("atlassianApp.distribution.storesPersonalData", false) },
        nearMiss: { $0.setFlag("atlassianApp.distribution.storesPersonalData", true) }),
    RuleCase(
        code: "connection/disabled",
        trigger: { $0.setFlag("connection.enabled", nil) },
        nearMiss: { $0.setFlag("connection.enabled", true) }),
    RuleCase(
        code: "connection/link-only",
        trigger: { $0.setFlag("connection.signUpAndSignIn", false) },
        nearMiss: {
            $0.setFlag("connection.enabled", false); $0.setFlag("connection.signUpAndSignIn", false)
        }),
    RuleCase(
        code: "credentials/secret-in-other-field",
        trigger: { $0.setText("atlassianApp.description", "Sign in. " + TestSecret.value) },
        nearMiss: { $0.setText("atlassianApp.description", "Sign in. " + TestSecret.value.dropLast()) }),
    RuleCase(
        code: "permissions/too-many-scopes",
        trigger: { $0.setList("atlassianApp.scopes", manyScopes(50)) },
        nearMiss: { $0.setList("atlassianApp.scopes", manyScopes(49) + ["read:me", " "]) }),
    RuleCase(
        code: "permissions/requested-scope-on-app",
        trigger: { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "offline_access"]) },
        nearMiss: { $0.setList("connection.scopes", ["read:jira-work", "offline_access"]) }),
]

/// `n` distinct app scopes, read:me and read:jira-work among them.
func manyScopes(_ n: Int) -> [String] {
    Array((["read:me", "read:jira-work"] + (0..<n).map { "read:thing\($0):jira" }).prefix(n))
}

/// The published table of finding codes, copied here so a rename in the data is caught.
let specCodes = [
    "instance/environment-missing", "instance/redirect-uri-missing", "instance/redirect-uri-invalid",
    "instance/redirect-uri-development-host", "instance/redirect-uri-account-portal",
    "app/name-missing", "app/description-missing", "app/logo-missing",
    "permissions/read-me-missing", "permissions/invalid-scope", "permissions/unknown-scope", "permissions/scope-not-enabled",
    "authorization/callback-missing", "authorization/callback-mismatch", "authorization/callback-not-https",
    "credentials/custom-credentials-off", "credentials/client-id-missing", "credentials/client-secret-missing",
    "credentials/client-id-malformed", "credentials/whitespace", "credentials/secret-equals-id",
    "credentials/secret-too-short", "credentials/file-readable-by-others",
    "distribution/not-sharing", "distribution/vendor-missing", "distribution/privacy-url-missing", "distribution/privacy-url-invalid",
    "distribution/terms-url-missing", "distribution/terms-url-invalid", "distribution/contact-url-invalid",
    "distribution/personal-data-undeclared", "connection/disabled", "connection/link-only",
    "credentials/secret-in-other-field", "permissions/too-many-scopes",
    // Not in the published table: offline_access listed among the app's scopes by mistake.
    "permissions/requested-scope-on-app",
]

@Suite struct RuleTests {
    @Test func theReadyExampleHasNoFindings() {
        #expect(Fixtures.codes(Fixtures.ready, mode: 0o600) == [])
        #expect(Readiness.evaluate(Fixtures.ready).readyForProduction)
    }

    @Test func theRuleTableIsSpecsTable() {
        #expect(RuleTable.all.map(\.code) == specCodes)
        #expect(Set(ruleCases.map(\.code)) == Set(specCodes), "every code has a trigger and a near miss")
        #expect(ruleCases.map(\.code).sorted() == RuleTable.all.map(\.code).sorted(), "one case per row of the table, no more")
    }

    @Test func everyRowHasACheckAndEveryCheckARow() {
        let rows = RuleTable.all.map(\.code)
        #expect(Set(rows).count == rows.count, "no code twice in the table")
        #expect(Set(rows).subtracting(Rules.checks.keys).sorted() == [], "rows without a check")
        #expect(Set(Rules.checks.keys).subtracting(rows).sorted() == [], "checks without a row")
        #expect(Readiness.checksInTableOrder.allSatisfy { $0 != nil })
    }

    @Test(arguments: ruleCases)
    func triggerProducesTheCode(_ rule: RuleCase) {
        let codes = Fixtures.codes(Fixtures.ready(rule.trigger), mode: rule.mode)
        #expect(codes.contains(rule.code), "\(codes)")
    }

    @Test(arguments: ruleCases)
    func nearMissDoesNot(_ rule: RuleCase) {
        let codes = Fixtures.codes(Fixtures.ready(rule.nearMiss), mode: rule.nearMissMode)
        #expect(!codes.contains(rule.code), "\(codes)")
    }

    @Test func findingsCarrySeverityStepFieldAndFix() {
        let report = Readiness.evaluate(Settings())
        #expect(!report.findings.isEmpty)
        for f in report.findings {
            let row = RuleTable.rule(f.code)!
            #expect(f.severity == row.severity && f.step == row.step)
            #expect(!f.fix.isEmpty && !f.message.isEmpty && !f.field.isEmpty && !f.field.contains("{"))
        }
        #expect(!report.isComplete(.instance))
        #expect(!report.readyForProduction && !report.readyForDevelopment)
    }

    @Test func invalidScopeInTheConnectionNamesThatField() {
        let s = Fixtures.ready { $0.setList("connection.scopes", ["read:jira-work,write:jira-work"]) }
        let f = Readiness.evaluate(s).findings.first { $0.code == "permissions/invalid-scope" }
        #expect(f?.field == "connection.scopes")
    }

    @Test func whitespaceNamesTheFieldButNeverTheSecret() {
        let s = Fixtures.ready { $0.setText("connection.clientSecret", " " + TestSecret.value) }
        let report = Readiness.evaluate(s, fileMode: 0o644)
        let f = report.findings.first { $0.code == "credentials/whitespace" }
        #expect(f?.field == "connection.clientSecret")
        for finding in report.findings {
            #expect(!finding.message.contains(TestSecret.value) && !finding.fix.contains(TestSecret.value))
            #expect(!finding.message.contains("XYZW"))
        }
    }

    @Test func aSecretWithoutWhitespaceProblemsInAWorldReadableFileIsAWarningOnly() {
        let report = Readiness.evaluate(Fixtures.ready, fileMode: 0o644)
        #expect(report.findings.map(\.code) == ["credentials/file-readable-by-others"])
        #expect(report.readyForProduction)
    }

    @Test func developmentIsReadyOnceEnabledButStillListsProductionNeeds() {
        var s = Settings()
        s.setText("instance.environment", "development")
        s.setFlag("connection.enabled", true)
        let report = Readiness.evaluate(s)
        #expect(report.readyForDevelopment)
        #expect(!report.readyForProduction)
        #expect(report.findings.contains { $0.code == "credentials/custom-credentials-off" })
    }

    @Test func stepsAreCompleteExactlyWhenTheyHaveNoBlocker() {
        let s = Fixtures.ready { $0.setList("atlassianApp.scopes", ["read:jira-work", "read:jira-wrok"]) }
        let report = Readiness.evaluate(s)
        #expect(!report.isComplete(.permissions))
        #expect(report.isComplete(.authorization) && report.isComplete(.instance))
        let steps = report.findings.map(\.step)
        #expect(steps == steps.sorted(), "findings come in step order")
    }

    @Test func offlineAccessIsRequestedNotEnabledOnTheApp() {
        let requested = Fixtures.ready { $0.setList("connection.scopes", ["read:jira-work", "offline_access"]) }
        #expect(Fixtures.codes(requested) == [], "offline_access is asked for in the consent URL; no app enables it")
        let typo = Fixtures.ready { $0.setList("connection.scopes", ["read:jira-work", "offline_acess"]) }
        #expect(Fixtures.codes(typo).contains("permissions/scope-not-enabled"), "a near miss of the name is still judged")
        let onApp = Fixtures.ready { $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "offline_access", "offline_access"]) }
        let findings = Readiness.evaluate(onApp).findings
        #expect(findings.map(\.code) == ["permissions/requested-scope-on-app"], "a warning, once, not a blocker")
        #expect(findings.first?.fix.contains("Additional scopes on the Credentials screen") == true)
        #expect(!ScopeCatalogue.appScopes.contains { $0.name == "offline_access" })
        #expect(ScopeCatalogue.contains("offline_access") && ScopeCatalogue.isRequestedOnly("offline_access"))
        for rule in RuleTable.all {
            #expect(
                !(rule.fix.contains("offline_access") && rule.fix.contains("Permissions tab") && !rule.fix.contains("Remove")),
                "\(rule.code) tells to enable offline_access on the Permissions tab")
        }
    }

    @Test func theSecretInAnotherFieldIsNamedByFieldNeverByValue() {
        let s = Fixtures.ready { s in
            s.setText("atlassianApp.name", TestSecret.value)
            s.setList("atlassianApp.callbackUrls", [redirect, "x" + TestSecret.value, TestSecret.value])
            s.setValue(
                .object(
                    JSONObject([
                        ("ticket", .string("see " + TestSecret.value)),
                        ("list", .array([.number("1"), .object(JSONObject([("deep", .string(TestSecret.value))]))])),
                        (TestSecret.value, .string("keyed")),
                    ])), for: "notes")
        }
        let report = Readiness.evaluate(s)
        let hits = report.findings.filter { $0.code == "credentials/secret-in-other-field" }
        #expect(hits.map(\.field) == ["atlassianApp.name", "atlassianApp.callbackUrls", "notes.ticket", "notes.list.deep", "notes"])
        #expect(hits.first?.message == "The Client Secret also appears in Name (atlassianApp.name), where it is stored in clear.")
        #expect(hits.last?.message.contains("a key in notes") == true)
        #expect(hits.allSatisfy { $0.severity == .blocker && $0.step == .credentials })
        for finding in report.findings {
            let text = finding.message + finding.fix + finding.field
            #expect(!TestSecret.isIn(text.utf8), "\(finding.code) quotes the secret")
        }
    }

    @Test func aSecretEqualToTheClientIDOrTooShortIsNotSearchedFor() {
        let equal = Fixtures.ready { $0.setText("connection.clientSecret", id32) }
        #expect(!Fixtures.codes(equal).contains("credentials/secret-in-other-field"), "secret-equals-id says it already")
        let inID = Fixtures.ready { $0.setText("connection.clientId", id32 + TestSecret.value) }
        #expect(Readiness.evaluate(inID).findings.first { $0.code == "credentials/secret-in-other-field" }?.field == "connection.clientId")
        let short = Fixtures.ready {
            $0.setText("connection.clientSecret", "Acme si"); $0.setText("atlassianApp.name", "Acme sign-in")
        }
        #expect(!Fixtures.codes(short).contains("credentials/secret-in-other-field"), "7 characters are not searched for")
        let eight = Fixtures.ready {
            $0.setText("connection.clientSecret", "Acme sig"); $0.setText("atlassianApp.name", "Acme sign-in")
        }
        #expect(Fixtures.codes(eight).contains("credentials/secret-in-other-field"), "8 characters are")
    }

    @Test func tooManyScopesCountsDistinctEntries() {
        let repeated = Fixtures.ready { $0.setList("atlassianApp.scopes", manyScopes(49) + manyScopes(49)) }
        #expect(!Fixtures.codes(repeated).contains("permissions/too-many-scopes"))
        let f = Readiness.evaluate(Fixtures.ready { $0.setList("atlassianApp.scopes", manyScopes(60)) }).findings
            .first { $0.code == "permissions/too-many-scopes" }
        #expect(f?.message == "The app has 60 scopes enabled; Atlassian recommends fewer than 50.")
        #expect(f?.severity == .warning)
    }
}

@Suite struct IntroducedFindingsTests {
    @Test func onlyFindingsTheOldReportLacksAreIntroduced() {
        let before = Readiness.evaluate(Fixtures.ready { $0.setText("atlassianApp.logo", nil) })
        let after = Readiness.evaluate(
            Fixtures.ready {
                $0.setText("atlassianApp.logo", nil); $0.setList("atlassianApp.callbackUrls", [])
            })
        #expect(after.introduced(since: before).map(\.code) == ["authorization/callback-missing"])
        #expect(before.introduced(since: after).isEmpty, "what a change fixed is not new")
        let otherValue = Readiness.evaluate(Fixtures.ready { $0.setText("atlassianApp.distribution.termsUrl", "acme.com/terms2") })
        let oneValue = Readiness.evaluate(Fixtures.ready { $0.setText("atlassianApp.distribution.termsUrl", "acme.com/terms") })
        #expect(otherValue.introduced(since: oneValue).map(\.code) == ["distribution/terms-url-invalid"], "a new bad value is a new finding")
    }
}

@Suite struct SecretSearchTests {
    @Test func theSecretIsSearchedForByteForByte() {
        // "é" as e + U+0301 after the secret's last letter: a Character search sees "W\u{301}", not "W".
        let s = Fixtures.ready { $0.setText("atlassianApp.description", TestSecret.value + "\u{301} more") }
        #expect(Fixtures.codes(s).contains("credentials/secret-in-other-field"))
        #expect("abc".containsBytes(Array("abc".utf8)) && "xxabcx".containsBytes(Array("abc".utf8)))
        #expect(!"ab".containsBytes(Array("abc".utf8)) && !"abdab".containsBytes(Array("abc".utf8)))
    }
}
