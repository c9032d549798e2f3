import TestSupport
import Testing
@testable import SettingsKit

/// A row of FACTS.md's table of Clerk's own error messages: its code (as Clerk's API
/// names it), its sentences (Clerk's API and sign-in page), the cause it must give first,
/// and the causes FACTS calls wrong for it.
struct ClerkRow: CustomTestStringConvertible, Sendable {
    var code: String?
    let sentences: [String]
    let first: String
    var never: [String] = []
    var testDescription: String { code ?? sentences[0] }

    /// The row as people paste it: the sentence, the code alone, the code with the
    /// sentence, and Clerk's JSON error with `errors[0].code`.
    var pasted: [String] {
        var forms = sentences
        if let code {
            forms.append(code)
            forms += sentences.map { code + ": " + $0 }
            forms += sentences.map {
                #"{"errors":[{"message":"","long_message":"\#($0)","code":"\#(code)","meta":{}}],"clerk_trace_id":"3c5e1d0a9b"}"#
            }
            forms.append(#"{"errors": [{"code": "\#(code)"}]}"#)
        } else {
            forms += sentences.map { #"{"errors":[{"message":"\#($0)"}]}"# }
        }
        return forms
    }
}

let clerkRows: [ClerkRow] = [
    ClerkRow(
        code: "unable_to_complete",
        sentences: ["Unable to complete action at this time. If the problem persists please contact support."],
        first: "clerk-unable-to-complete", never: ["user-cancelled"]),
    ClerkRow(
        code: "oauth_access_denied",
        sentences: ["You did not grant access to your account.", "You did not grant access to your Atlassian account"],
        first: "user-cancelled", never: ["invalid-client"]),
    ClerkRow(code: "oauth_token_exchange_error", sentences: ["Token exchange error"], first: "token-exchange-error"),
    ClerkRow(code: "oauth_fetch_user_error", sentences: ["Fetch user error"], first: "fetch-user-refused"),
    ClerkRow(
        code: "misconfigured_oauth_provider", sentences: ["Misconfigured OAuth provider. Please make sure you have set it correctly"],
        first: "misconfigured-provider"),
    ClerkRow(
        code: "oauth_config_missing", sentences: ["The application does not have atlassian OAuth keys set in its settings."],
        first: "oauth-keys-missing"),
    ClerkRow(
        code: "oauth_provider_not_enabled",
        sentences: ["Single-sign on with Atlassian OAuth provider is not enabled in the instance settings."],
        first: "connection-not-enabled"),
    ClerkRow(
        code: "oauth_non_authenticatable_provider",
        sentences: ["Atlassian OAuth is not supported for authentication. Please contact us if you think this error should not appear."],
        first: "not-for-sign-in"),
    ClerkRow(
        code: "oauth_shared_credentials_not_supported",
        sentences: ["Shared credentials are no longer supported for this provider. Please update via the Clerk Dashboard."],
        first: "shared-credentials"),
    ClerkRow(
        code: "redirect_uri_mismatch",
        sentences: [
            "Your Atlassian account configuration is invalid. Make sure you register this endpoint in the list of allowed callback URLs."
        ],
        first: "redirect-uri-not-registered"),
    ClerkRow(
        code: "oauth_missing_refresh_token",
        sentences: [
            "The current access token has expired and we cannot refresh it, because the authorization server hasn't provided us with a refresh token"
        ],
        first: "no-refresh-token", never: ["dead-refresh-token"]),
    ClerkRow(
        code: "external_account_missing_refresh_token",
        sentences: ["We cannot refresh your OAuth access token because the server didn't provide a refresh token. Please re-connect your account."],
        first: "no-refresh-token", never: ["dead-refresh-token"]),
    ClerkRow(
        code: "oauth_token_retrieval_error",
        sentences: ["Token retrieval failed", "Failed to retrieve a new access token from the OAuth provider"],
        first: "token-retrieval-failed"),
    ClerkRow(
        sentences: [#"{"error":"invalid_request","error_description":"client_id may not be blank"}"#, "client_id may not be blank"],
        first: "client-id-blank"),
    ClerkRow(
        code: "oauth_identification_claimed",
        sentences: ["The email address associated with this OAuth account is already claimed by another user."],
        first: "identification-claimed"),
    ClerkRow(
        code: "oauth_account_already_connected",
        sentences: ["Another account is already connected for this particular provider (Atlassian)"],
        first: "account-already-connected"),
    ClerkRow(
        code: "external_account_email_address_verification_required",
        sentences: ["Your associated email address is required to be verified, because it was initially created as unverified."],
        first: "email-verification-required"),
    ClerkRow(
        code: "not_allowed_access", sentences: ["jane@acme.com is not allowed to access this application."],
        first: "not-allowed-access", never: ["no-access-to-app"]),
    ClerkRow(code: "identifier_already_signed_in", sentences: ["You're already signed in"], first: "already-signed-in"),
    ClerkRow(code: "external_account_not_found", sentences: ["The External Account was not found."], first: "cannot-sign-up"),
]

@Suite struct ClerkMessageTests {
    @Test(arguments: clerkRows)
    func everyPastedFormGivesItsCauseFirstAndNeverAWrongOne(_ row: ClerkRow) {
        for form in row.pasted {
            let ids = Explainer.explain(form).map(\.id)
            #expect(ids.first == row.first, "\(form): \(ids)")
            for wrong in row.never { #expect(!ids.contains(wrong), "\(form) gave \(wrong)") }
        }
    }

    /// FACTS gives two steps for some rows: the message lists a cause for each, most likely first.
    @Test func rowsWithTwoStepsGiveBoth() {
        func steps(_ message: String) -> [String] { Explainer.explain(message).map(\.step) }
        #expect(steps("Unable to complete action at this time. If the problem persists please contact support.") == ["credentials", "permissions"])
        #expect(steps("Token exchange error") == ["credentials", "authorization"])
        #expect(steps("Token retrieval failed") == ["user", "credentials"])
        #expect(steps("oauth_access_denied") == ["user"])
        #expect(steps("The External Account was not found.") == ["credentials"])
        for code in ["oauth_identification_claimed", "oauth_account_already_connected", "not_allowed_access", "identifier_already_signed_in"] {
            #expect(steps(code) == ["user"], "\(code)")
        }
    }

    @Test func aBare401UnauthorizedIsTheCredentials() {
        #expect(Explainer.explain("401 Unauthorized").first?.id == "invalid-client")
        #expect(Explainer.explain("HTTP/1.1 401 Unauthorized").first?.id == "invalid-client")
        #expect(Explainer.explain("401 Unauthorized; scope does not match").map(\.id) == ["scope-does-not-match"])
    }

    @Test func aCauseIdGivesThatCause() {
        for cause in Explainer.all {
            #expect(Explainer.explain(cause.id).map(\.id) == [cause.id])
            #expect(Explainer.explain("  \(cause.id)\n").map(\.id) == [cause.id])
        }
        #expect(Explainer.explain("no-access-to-app-x").map(\.id) != ["no-access-to-app"], "a near miss of an id is a message")
    }

    /// Without a file a fix says what to copy from where; with one it names the file's value,
    /// unless that value is itself wrong. No placeholder is ever left in.
    @Test func fixesNeverPrintAPlaceholder() {
        let wrong = Fixtures.ready { $0.setText("instance.redirectUri", "https://clerk.acme.com/v1/oauth-callback") }
        for cause in Explainer.all {
            for settings in [Fixtures.ready, wrong, Settings()] {
                let codes = Set(Readiness.evaluate(settings).findings.map(\.code))
                for fix in [cause.fix, Explainer.fix(cause, file: nil), Explainer.fix(cause, file: (settings, codes))] {
                    #expect(!fix.contains("{") && !fix.contains("}"), "\(cause.id): \(fix)")
                }
            }
        }
        let cause = Explainer.explain("redirect_uri_mismatch")[0]
        #expect(cause.fix.contains("the Callback URL the Clerk Dashboard shows"))
        let ready = Explainer.fix(cause, file: (Fixtures.ready, []))
        #expect(ready.contains("exactly https://clerk.acme.com/v1/oauth_callback."))
        let codes = Set(Readiness.evaluate(wrong).findings.map(\.code))
        let notCopied = Explainer.fix(cause, file: (wrong, codes))
        #expect(!notCopied.contains("oauth-callback") && notCopied.contains("correct it first"), "never a wrong value to copy")
    }

    @Test func aFixNeverQuotesTheSecretFromTheFile() {
        let pasted = Fixtures.ready { $0.setText("instance.redirectUri", "https://clerk.acme.com/v1/oauth_callback" + TestSecret.value) }
        let cause = Explainer.explain("redirect_uri_mismatch")[0]
        // Audit finds the redirect URI wrong; even if it did not, the value would be scrubbed.
        for codes in [Set(Readiness.evaluate(pasted).findings.map(\.code)), []] {
            #expect(!TestSecret.isIn(Explainer.fix(cause, file: (pasted, codes)).utf8))
        }
    }
}
