import TestSupport
import Testing
@testable import SettingsKit

/// A message from FACTS.md's error tables (or a way people paste it) and the causes it
/// must give, most likely first.
struct ExplainCase: CustomTestStringConvertible, Sendable {
    let message: String
    let ids: [String]
    var testDescription: String { message }
}

let factsTableCases: [ExplainCase] = [
    // The first table.
    ExplainCase(message: "redirect_uri is not registered for client", ids: ["redirect-uri-not-registered"]),
    ExplainCase(message: "unauthorized_client: redirect_uri is not registered for client", ids: ["redirect-uri-not-registered"]),
    ExplainCase(message: "This app has requested scopes that have not been added to the app", ids: ["scope-not-added"]),
    ExplainCase(message: "You don't have access to this app", ids: ["no-access-to-app"]),
    ExplainCase(message: "only the owner can sign in", ids: ["no-access-to-app"]),
    ExplainCase(message: "This app requires access to a Jira site which you don't have. Ask your admin.", ids: ["no-atlassian-site"]),
    ExplainCase(message: "accessible-resources is empty", ids: ["no-atlassian-site"]),
    ExplainCase(
        message: "We're having trouble logging you in. There seems to be an issue with your identity provider.",
        ids: ["identity-provider-client-id", "redirect-uri-not-registered"]),
    ExplainCase(message: "invalid_client", ids: ["invalid-client"]),
    ExplainCase(message: "access_denied on the token call", ids: ["invalid-client"]),
    ExplainCase(message: "no refresh token", ids: ["no-refresh-token"]),
    // "Corrections and additions", which stand where the two disagree.
    ExplainCase(
        message: "https://clerk.acme.com/v1/oauth_callback?error=access_denied&error_description=User did not authorize the request",
        ids: ["user-cancelled"]),
    ExplainCase(message: #"401 {"error":"access_denied","error_description":"Unauthorized"}"#, ids: ["invalid-client"]),
    ExplainCase(message: #"403 {"error":"invalid_grant","error_description":"Invalid authorization code"}"#, ids: ["invalid-authorization-code"]),
    ExplainCase(message: #"403 {"error":"invalid_grant","error_description":"Unknown or invalid refresh token"}"#, ids: ["dead-refresh-token"]),
    ExplainCase(message: #"403 {"error":"unauthorized_client","error_description":"refresh_token is invalid"}"#, ids: ["dead-refresh-token"]),
    ExplainCase(message: "401 Unauthorized; scope does not match", ids: ["scope-does-not-match"]),
    ExplainCase(
        message: "This app has not requested any supported Atlassian scopes. Check the authorization URL",
        ids: ["no-supported-scopes"]),
    ExplainCase(message: "Something went wrong", ids: ["no-access-to-app", "scope-not-added"]),
]

/// The same messages as people paste them: encoded, quoted, in JSON, shouted.
let pastedCases: [ExplainCase] = [
    ExplainCase(
        message: "error=unauthorized_client&error_description=redirect_uri+is+not+registered+for+client", ids: ["redirect-uri-not-registered"]),
    ExplainCase(message: "?error=access_denied&error_description=User+did+not+authorize+the+request", ids: ["user-cancelled"]),
    ExplainCase(message: "error=access_denied&error_description=User%20did%20not%20authorize%20the%20request&state=x", ids: ["user-cancelled"]),
    ExplainCase(message: "return_to=%3Ferror%3Daccess_denied%26error_description%3DUser%2520did%2520not%2520authorize", ids: ["user-cancelled"]),
    ExplainCase(message: #"{"error": "access_denied", "error_description": "User did not authorize the request"}"#, ids: ["user-cancelled"]),
    ExplainCase(message: "ACCESS_DENIED: USER DID NOT AUTHORIZE THE REQUEST", ids: ["user-cancelled"]),
    ExplainCase(message: "access_denied", ids: ["user-cancelled", "invalid-client"]),
    ExplainCase(message: "“You don’t have access to this app”", ids: ["no-access-to-app"]),
    ExplainCase(message: #"{"message": "You don\u0027t have access to this app"}"#, ids: ["no-access-to-app"]),
    ExplainCase(message: "You don&#39;t have access to this app", ids: ["no-access-to-app"]),
    ExplainCase(message: "You do not have access to this app.", ids: ["no-access-to-app"]),
    ExplainCase(message: "'Invalid authorization code'", ids: ["invalid-authorization-code"]),
    ExplainCase(message: "invalid_grant", ids: ["invalid-authorization-code"]),
    ExplainCase(message: "Error: Unknown or invalid refresh token.\n    at refresh (token.js:12)", ids: ["dead-refresh-token"]),
    ExplainCase(message: "SOMETHING WENT WRONG!", ids: ["no-access-to-app", "scope-not-added"]),
    ExplainCase(message: #"{"code":401,"message":"Unauthorized; scope does not match"}"#, ids: ["scope-does-not-match"]),
    ExplainCase(message: "redirect_uri_mismatch", ids: ["redirect-uri-not-registered"]),
    ExplainCase(message: "the response came back without a refresh_token", ids: ["no-refresh-token"]),
]

/// Texts close to a known message that must not match anything.
let nearMisses = [
    "the coffee machine is empty", "   ", "redirect_uri is registered for client", "access granted",
    "You have access to this app", "refresh token stored", "Something went right", "authorization code received",
    "the scope matches", "This app requires access to our websites", "Unauthorized", "the user did authorize the request",
    "accessible-resources returned two sites", "trouble-free sign-in", "the owner signed in", "scopes were added to the app",
]

@Suite struct ExplainerTests {
    @Test(arguments: factsTableCases + pastedCases)
    func givesTheCausesOfEachMessageMostLikelyFirst(_ c: ExplainCase) {
        #expect(Explainer.explain(c.message).map(\.id) == c.ids)
    }

    @Test func theStepsAreTheOnesTheErrorTablesGive() {
        func steps(_ message: String) -> [String] { Explainer.explain(message).map(\.step) }
        #expect(steps("?error=access_denied&error_description=User did not authorize the request") == ["user"])
        #expect(steps(#"{"error":"access_denied","error_description":"Unauthorized"}"#) == ["credentials"])
        #expect(steps("invalid_grant Invalid authorization code") == ["authorization"])
        #expect(steps("invalid_grant Unknown or invalid refresh token") == ["user"])
        #expect(steps("unauthorized_client refresh_token is invalid") == ["user"])
        #expect(steps("Unauthorized; scope does not match") == ["permissions"])
        #expect(steps("This app has not requested any supported Atlassian scopes") == ["permissions"])
        #expect(steps("Something went wrong") == ["distribution", "permissions"])
        #expect(steps("issue with your identity provider") == ["credentials", "authorization"])
        #expect(steps("redirect_uri is not registered for client") == ["authorization"])
        #expect(steps("You don't have access to this app") == ["distribution"])
        #expect(steps("This app requires access to a Jira site which you don't have") == ["user"])
        #expect(steps("no refresh token") == ["permissions"])
    }

    @Test(arguments: nearMisses)
    func aNearMissMatchesNothing(_ message: String) {
        #expect(Explainer.explain(message).map(\.id) == [])
    }

    @Test func everyCauseHasAStepCodesThatExistAndNoPermissionsTabForOfflineAccess() {
        let codes = Set(RuleTable.all.map(\.code))
        let steps = Set(Step.allCases.map(\.rawValue) + ["user"])
        #expect(Set(Explainer.all.map(\.id)).count == Explainer.all.count)
        for cause in Explainer.all {
            #expect(steps.contains(cause.step), "\(cause.id)")
            #expect(cause.codes.allSatisfy(codes.contains), "\(cause.id): \(cause.codes)")
            #expect(!cause.fix.contains("Enable offline_access"), "\(cause.id)")
            if cause.step == "user" { #expect(cause.fix.hasPrefix("Nothing to change in the setup"), "\(cause.id)") }
        }
        for entry in Explainer.entries {
            #expect(entry.patterns.allSatisfy { $0.contains { !$0.absent } }, "\(entry.explanation.id): a pattern needs a phrase that must appear")
        }
    }

    @Test func decodingUndoesWhatPastingDoes() {
        #expect(Explainer.words("User+did%20not%2520authorize") == ["user", "did", "not", "authorize"])
        #expect(Explainer.words(#"don\u2019t \"x\"\nY"#) == ["dont", "x", "y"])
        #expect(Explainer.words("100%") == ["100"])
    }
}
