import TestSupport
import Foundation
import Testing

/// The copy mistakes the issue reproduced, through the built binary: each was "ready
/// for production" before.
@Suite struct URLVerdictCommandTests {
    static func prod(redirect: String, callback: String? = nil, status: String = "sharing", environment: String = "production") -> String {
        Repository.text("Resources/examples/acme-prod.json")
            .replacingOccurrences(of: "\"https://clerk.acme.com/v1/oauth_callback\"", with: "\"\(callback ?? redirect)\"")
            .replacingOccurrences(of: "\"redirectUri\": \"\(callback ?? redirect)\"", with: "\"redirectUri\": \"\(redirect)\"")
            .replacingOccurrences(of: "\"status\": \"sharing\"", with: "\"status\": \"\(status)\"")
            .replacingOccurrences(of: "\"environment\": \"production\"", with: "\"environment\": \"\(environment)\"")
    }

    @Test(arguments: [
        ("https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback", "instance/redirect-uri-development-host"),
        ("https://accounts.acme.com/v1/oauth_callback", "instance/redirect-uri-account-portal"),
        ("https://clerk.acme.com/v1/oauth_callback#done", "instance/redirect-uri-invalid"),
        ("https://clerk.acme.com/v1/oauth_callback?x=1", "instance/redirect-uri-invalid"),
        ("https://clerk.acme.com:99999/v1/oauth_callback", "instance/redirect-uri-invalid"),
    ])
    func copyMistakesAreBlockers(_ redirect: String, _ code: String) throws {
        let ws = try Workspace()
        let file = try ws.write("p.json", Self.prod(redirect: redirect))
        let r = try CLI.run(["audit", file])
        #expect(r.code == 1, "\(r.all)")
        #expect(r.out.contains(code), "\(r.out)")
        let ok = try ws.write("ok.json", Self.prod(redirect: "https://clerk.acme.com/v1/oauth_callback"))
        #expect(try CLI.run(["audit", ok]).code == 0)
    }

    @Test func theAccountPortalFixNamesTheFrontendAPI() throws {
        let ws = try Workspace()
        let file = try ws.write("p.json", Self.prod(redirect: "https://accounts.acme.com/v1/oauth_callback"))
        let r = try CLI.run(["audit", file, "--format", "json"])
        #expect(r.out.contains("https://clerk.acme.com/v1/oauth_callback"), "\(r.out)")
    }

    /// The Account Portal host is a known cause of `redirect_uri is not registered`.
    @Test func explainFindsTheAccountPortalBehindAnUnregisteredRedirectURI() throws {
        let ws = try Workspace()
        let file = try ws.write("p.json", Self.prod(redirect: "https://accounts.acme.com/v1/oauth_callback"))
        let r = try CLI.run(["explain", "redirect_uri is not registered for client", "--file", file, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let first = (json?["matches"] as? [[String: Any]])?.first
        #expect(first?["id"] as? String == "redirect-uri-not-registered")
        #expect((first?["found"] as? [String])?.contains("instance/redirect-uri-account-portal") == true, "\(r.out)")
    }

    @Test func aCallbackInAnotherNormalizationIsAMismatch() throws {
        let ws = try Workspace()
        let nfc = "https://clerk.acme.com/caf\u{E9}/v1/oauth_callback", nfd = "https://clerk.acme.com/cafe\u{301}/v1/oauth_callback"
        let file = try ws.write("p.json", Self.prod(redirect: nfc, callback: nfd))
        let r = try CLI.run(["audit", file])
        #expect(r.out.contains("authorization/callback-mismatch"), "\(r.out)")
        let same = try ws.write("s.json", Self.prod(redirect: nfc, callback: nfc))
        #expect(!(try CLI.run(["audit", same]).out.contains("callback-mismatch")))
    }

    @Test func diffSeesAValueRetypedInAnotherNormalization() throws {
        let ws = try Workspace()
        let base = Self.prod(redirect: "https://clerk.acme.com/v1/oauth_callback")
        let a = try ws.write("a.json", base.replacingOccurrences(of: "\"Acme sign-in\"", with: "\"Caf\u{E9}\""))
        let b = try ws.write("b.json", base.replacingOccurrences(of: "\"Acme sign-in\"", with: "\"Cafe\u{301}\""))
        let r = try CLI.run(["diff", a, b])
        #expect(r.code == 1 && r.out.contains("atlassianApp.name"), "\(r.all)")
        #expect(try CLI.run(["diff", a, a]).code == 0)
    }

    @Test func aChoiceInTheWrongCaseSaysWhatItShouldBe() throws {
        let ws = try Workspace()
        let file = try ws.write(
            "p.json", Self.prod(redirect: "https://clerk.acme.com/v1/oauth_callback", status: "Sharing", environment: "Production"))
        let r = try CLI.run(["audit", file])
        #expect(r.code == 1)
        #expect(r.out.contains(#""Sharing" is not a valid status; use "sharing"."#), "\(r.out)")
        #expect(r.out.contains(#""Production" is not a valid environment; use "production"."#), "\(r.out)")
        #expect(!r.out.contains("The app is not shared"))
    }
}
