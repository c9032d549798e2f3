import TestSupport
import Foundation
import Testing

@Suite struct ExplainCommandTests {
    func matches(_ r: CLI.Result) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        return json["matches"] as! [[String: Any]]
    }

    @Test func jsonListsEveryMatchMostLikelyFirst() throws {
        let r = try CLI.run(["explain", "Something went wrong", "--format", "json"])
        #expect(r.code == 0)
        let m = try matches(r)
        #expect(m.map { $0["id"] as? String } == ["no-access-to-app", "scope-not-added"])
        #expect(m.map { $0["step"] as? String } == ["distribution", "permissions"])
        #expect(Set(m[0].keys) == ["id", "cause", "step", "fix", "codes"])
        #expect(m[0]["codes"] as? [String] == ["distribution/not-sharing"])
    }

    @Test func nothingMatchedExitsOneAlsoInJSON() throws {
        let r = try CLI.run(["explain", "printer on fire", "--format", "json"])
        #expect(r.code == 1)
        #expect(try matches(r).isEmpty)
        let text = try CLI.run(["explain", "printer", "on", "fire"])
        #expect(text.code == 1 && text.out.contains("No known sign-in error"))
    }

    @Test func aDashReadsTheMessageFromStandardInput() throws {
        let r = try CLI.run(
            ["explain", "-", "--format", "json"],
            stdin: "https://clerk.acme.com/v1/oauth_callback?error=access_denied&error_description=User+did+not+authorize+the+request\n")
        #expect(r.code == 0)
        #expect(try matches(r).map { $0["step"] as? String } == ["user"])
        let empty = try CLI.run(["explain", "-"], stdin: "")
        #expect(empty.code == 2)
    }

    @Test func textNamesTheUsersSideAndCountsTheCauses() throws {
        let r = try CLI.run(["explain", "invalid_grant: Unknown or invalid refresh token"])
        #expect(r.code == 0)
        #expect(r.out.contains("Step:  The user's side (nothing to change in the setup)"))
        #expect(!r.out.contains("offline_access"))
        let two = try CLI.run(["explain", "Something went wrong"])
        #expect(two.out.hasPrefix("2 possible causes, most likely first."))
        #expect(two.out.contains("Step:  Distribution") && two.out.contains("Step:  Permissions"))
    }

    @Test func withAFileEachCauseSaysWhetherTheFileShowsIt() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        try CLI.run(["set", file, "atlassianApp.callbackUrls=https://clerk.acme.com/v1/oauth_callback/"])
        let r = try CLI.run(["explain", "redirect_uri is not registered for client", "--file", file, "--format", "json"])
        #expect(r.code == 0)
        let m = try matches(r)
        #expect(m.first?["found"] as? [String] == ["authorization/callback-mismatch"])
        let text = try CLI.run(["explain", "Something went wrong", "--file", file])
        #expect(text.out.contains("\(file) does not show this cause (none of distribution/not-sharing)"))
        let shows = try CLI.run(["explain", "redirect_uri is not registered for client", "--file", file])
        #expect(shows.out.contains("\(file) shows this cause: authorization/callback-mismatch"))
        let user = try CLI.run(["explain", "access_denied: User did not authorize the request", "--file", file, "--format", "json"])
        #expect(try matches(user).first?["found"] as? [String] == [])
        let missing = try CLI.run(["explain", "invalid_client", "--file", ws.path + "/none.json"])
        #expect(missing.code == 2 && missing.err.contains("file/not-found"))
    }

    @Test func neverPrintsTheSecretNorTheMessage() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        // The file holds the test secret; so does the pasted message. CLI.run searches every output for it.
        for format in ["text", "json"] {
            let r = try CLI.run(
                ["explain", "-", "--file", file, "--format", format],
                stdin: "POST /oauth/token client_secret=\(TestSecret.value) -> 401 invalid_client")
            #expect(r.code == 0)
        }
    }
}

@Suite struct ExplainClerkCommandTests {
    func matches(_ r: CLI.Result) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        return json["matches"] as! [[String: Any]]
    }

    @Test func clerksJSONErrorGivesItsCauseFirst() throws {
        let r = try CLI.run(
            ["explain", "-", "--format", "json"],
            stdin:
                #"{"errors":[{"message":"","long_message":"You did not grant access to your Atlassian account","code":"oauth_access_denied"}],"clerk_trace_id":"x"}"#
        )
        #expect(r.code == 0)
        #expect(try matches(r).map { $0["id"] as? String } == ["user-cancelled"])
        let unable = try CLI.run(["explain", "Unable to complete action at this time. If the problem persists please contact support."])
        #expect(unable.code == 0 && unable.out.hasPrefix("2 possible causes"))
        #expect(unable.out.contains("Dashboard's logs"))
    }

    @Test func aCauseIdShowsThatCauseAndTheNoMatchTextSaysSo() throws {
        let r = try CLI.run(["explain", "no-access-to-app", "--format", "json"])
        #expect(try matches(r).map { $0["id"] as? String } == ["no-access-to-app"])
        let none = try CLI.run(["explain", "printer on fire"])
        #expect(none.code == 1 && none.out.contains("social-console explain ID shows one") && none.out.contains("no-access-to-app"))
        let unauthorized = try CLI.run(["explain", "401 Unauthorized"])
        #expect(unauthorized.code == 0 && unauthorized.out.contains("Step:  Credentials"))
    }

    /// A fix names the file's own Callback URL with --file, and says where to copy it from
    /// without; never an unfilled {frontend API URL}.
    @Test func fixesNameTheFilesValuesOrWhereToCopyThemFrom() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let without = try CLI.run(["explain", "redirect_uri_mismatch"])
        #expect(without.out.contains("the Callback URL the Clerk Dashboard shows"))
        let with = try CLI.run(["explain", "redirect_uri_mismatch", "--file", file, "--format", "json"])
        let fix = try #require(try matches(with).first?["fix"] as? String)
        #expect(fix.contains("exactly https://clerk.acme.com/v1/oauth_callback."))
        for r in [without, with] { #expect(!r.out.contains("{") || r.out.hasPrefix("{\"matches\""), "no placeholder left") }
        #expect(!without.out.contains("{frontend API URL}") && !with.out.contains("{frontend API URL}"))
    }
}

@Suite struct ExplainDevelopmentFileTests {
    /// A development file's wrong redirect URI counts only for production, but a fix never
    /// names it as the Callback URL to set.
    @Test func aFixNeverNamesAWrongValueOfADevelopmentFile() throws {
        let ws = try Workspace()
        let file = try ws.write(
            "dev.json",
            #"{"schemaVersion": 1, "instance": {"environment": "development", "redirectUri": "https://happy-cat-12.clerk.accounts.dev/v1/oauth-callback"}, "connection": {"enabled": true}}"#
        )
        let r = try CLI.run(["explain", "redirect_uri_mismatch", "--file", file])
        #expect(r.code == 0)
        #expect(!r.out.contains("oauth-callback") && r.out.contains("correct it first"), "\(r.out)")
    }
}
