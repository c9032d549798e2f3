import TestSupport
import Foundation
import Testing

@Suite struct SetCommandTests {
    @Test func setsTypedValuesAndReportsTheChanges() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let r = try CLI.run([
            "set", file, "connection.signUpAndSignIn=true", "atlassianApp.scopes=read:me, read:jira-work,offline_access",
            "atlassianApp.distribution.status=sharing", "atlassianApp.name=Zoë & Jürgen 日本",
        ])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("4 changes saved"))
        let json = try ws.json("s.json")
        let app = json["atlassianApp"] as! [String: Any]
        #expect(app["scopes"] as? [String] == ["read:me", "read:jira-work", "offline_access"])
        #expect(app["name"] as? String == "Zoë & Jürgen 日本")
        #expect((json["notes"] as? [String: Any])?["ticket"] as? Int == 4711, "unknown keys survive")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect(attributes[.posixPermissions] as? Int == 0o600)
    }

    @Test(arguments: [
        ["connection.enabled=sure"],
        ["instance.environment=staging"],
        ["atlassianApp.distribution.status=shared"],
        ["no.such.key=1"],
        ["instance.name=ok", "connection.enabled=maybe"],
        ["just-a-word"],
    ])
    func aRefusedValueLeavesTheFileByteIdentical(_ assignments: [String]) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let r = try CLI.run(["set", file] + assignments)
        #expect(r.code == 2)
        #expect(r.err.contains("nothing was changed"))
        #expect(try ws.read("s.json") == before)
    }

    /// `set` reads values as the console and plain mode do (`Field.parse`): a choice by its
    /// first letters, a toggle in words; a refusal names the key, never the value.
    @Test func valuesAreReadAsTheConsoleReadsThem() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let r = try CLI.run(["set", file, "instance.environment=prod", "atlassianApp.distribution.status=shar", "connection.enabled=no"])
        #expect(r.code == 0, "\(r.err)")
        let json = try ws.json("s.json")
        #expect((json["instance"] as? [String: Any])?["environment"] as? String == "production")
        #expect(((json["atlassianApp"] as? [String: Any])?["distribution"] as? [String: Any])?["status"] as? String == "sharing")
        #expect((json["connection"] as? [String: Any])?["enabled"] as? Bool == false)
        // A new secret, not the file's (which every output masks): given as a choice by mistake.
        let rotated = "ROTATED-secret-9876543210fedcbaQRST"
        let refused = try CLI.run(["set", file, "instance.environment=" + rotated])
        #expect(refused.code == 2)
        #expect(refused.err.contains("instance.environment: expected development or production"), "\(refused.err)")
        #expect(!refused.err.contains(rotated) && !refused.err.contains("9876543210"), "\(refused.err)")
    }

    @Test func anUnknownKeyListsTheValidOnes() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let r = try CLI.run(["set", file, "instance.redirectURI=https://x"])
        #expect(r.err.contains("unknown key \"instance.redirectURI\""))
        #expect(r.err.contains("instance.redirectUri"))
    }

    @Test func theSecretIsRefusedOnTheCommandLineWithoutBeingEchoed() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let r = try CLI.run(["set", file, "connection.clientSecret=" + TestSecret.value])
        #expect(r.code == 2)
        #expect(r.err.contains("--client-secret-stdin"))
        #expect(try ws.read("s.json") == before)
    }

    @Test func theSecretComesFromStdinWithOneNewlineTrimmed() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let r = try CLI.run(["set", file, "--client-secret-stdin"], stdin: TestSecret.value + "\n")
        #expect(r.code == 0)
        #expect(r.out.contains("connection.clientSecret: changed"))
        let connection = try ws.json("s.json")["connection"] as! [String: Any]
        #expect(connection["clientSecret"] as? String == TestSecret.value)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.contains("\"secret\": \"changed\""))
        #expect(!history.contains(TestSecret.value))
        #expect(try CLI.run(["set", file, "--client-secret-stdin"], stdin: "").code == 2)
    }

    @Test func aMissingOrBrokenFileIsAnError() throws {
        let ws = try Workspace()
        #expect(try CLI.run(["set", ws.path + "/none.json", "instance.name=x"]).code == 2)
        let broken = try ws.write("b.json", "{\"instance\": {\"name\": 1}}")
        let r = try CLI.run(["set", broken, "instance.name=x"])
        #expect(r.code == 2)
        #expect(r.err.contains("instance.name: expected a string, found a number (file/schema)"))
        #expect(try String(contentsOfFile: broken, encoding: .utf8) == "{\"instance\": {\"name\": 1}}")
    }
}

@Suite struct InitCommandTests {
    @Test func createsAFileAndRefusesToOverwrite() throws {
        let ws = try Workspace()
        let file = ws.path + "/new.json"
        let r = try CLI.run([
            "init", file, "--environment", "production", "--redirect-uri", "https://clerk.acme.com/v1/oauth_callback", "--name", "acme",
        ])
        #expect(r.code == 0)
        let json = try ws.json("new.json")
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(
            (json["instance"] as? [String: String]) == [
                "name": "acme", "environment": "production", "redirectUri": "https://clerk.acme.com/v1/oauth_callback",
            ])
        let before = try ws.read("new.json")
        let again = try CLI.run(["init", file, "--environment", "development", "--redirect-uri", "https://x"])
        #expect(again.code == 2)
        #expect(again.err.contains("already exists"))
        #expect(try ws.read("new.json") == before)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.contains("\"via\": \"init\""))
    }

    @Test func refusesAnUnknownEnvironment() throws {
        let ws = try Workspace()
        let r = try CLI.run(["init", ws.path + "/n.json", "--environment", "staging", "--redirect-uri", "https://x"])
        #expect(r.code == 2)
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/n.json"))
    }
}

@Suite struct ShowCommandTests {
    @Test func textMasksTheSecretAndListsUnknownKeys() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        try CLI.run(["set", file, "notes=x"])  // refused: unknown key; the file stays as it is
        let r = try CLI.run(["show", file])
        #expect(r.code == 0)
        #expect(r.out.contains("Client Secret           ••••••••XYZW"))
        #expect(r.out.contains("Redirect URI            https://clerk.acme.com/v1/oauth_callback"))
        let staging = try ws.example("acme-staging.json")
        let s = try CLI.run(["show", staging])
        #expect(s.out.contains("notes.ticket = 4711"))
    }

    @Test func jsonIsTheDocumentWithTheSecretMasked() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["show", file, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect((json["connection"] as! [String: Any])["clientSecret"] as? String == "••••••••XYZW")
        #expect((json["instance"] as! [String: Any])["name"] as? String == "acme-prod")
    }
}

@Suite struct OtherCommandTests {
    @Test func authorizeURL() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["authorize-url", file, "--state", "xyz"])
        #expect(r.code == 0)
        #expect(
            r.out
                == "https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6&scope=read%3Ame%20read%3Ajira-work&redirect_uri=https%3A%2F%2Fclerk.acme.com%2Fv1%2Foauth_callback&state=xyz&response_type=code&prompt=consent\n"
        )
        let random = try CLI.run(["authorize-url", file])
        #expect(random.out.contains("&state=") && !random.out.contains("state=xyz"))
    }

    @Test func authorizeURLNamesWhatIsMissing() throws {
        let ws = try Workspace()
        let file = try ws.write("e.json", "{\"schemaVersion\": 1}")
        let r = try CLI.run(["authorize-url", file])
        #expect(r.code == 1)
        #expect(r.err.contains("connection.clientId and instance.redirectUri are not set"))
        #expect(r.out.isEmpty)
    }

    @Test func explainKnownAndUnknown() throws {
        let r = try CLI.run(["explain", "redirect_uri is not registered for client"])
        #expect(r.code == 0)
        #expect(r.out.contains("Step:  Authorization"))
        #expect(r.out.contains("authorization/callback-mismatch"))
        let words = try CLI.run(["explain", "You", "don't", "have", "access", "to", "this", "app"])
        #expect(words.out.contains("Step:  Distribution"))
        let unknown = try CLI.run(["explain", "printer on fire"])
        #expect(unknown.code == 1)
        #expect(unknown.out.contains("No known sign-in error"))
    }

    @Test func schemaIsJSONSchema2020() throws {
        let r = try CLI.run(["schema"])
        #expect(r.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(json["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        let properties = json["properties"] as? [String: Any]
        let instance = (properties?["instance"] as? [String: Any])?["properties"] as? [String: Any]
        let environment = instance?["environment"] as? [String: Any]
        #expect(environment?["type"] as? String == "string")
        #expect(environment?["examples"] as? [String] == ["development", "production"])
        #expect(!r.out.contains("\"enum\""), "a choice outside the list is a finding, not a file error")
        #expect(r.out.hasSuffix("}\n") && !r.out.hasSuffix("\n\n"))
    }

    @Test func helpExitsZero() throws {
        let r = try CLI.run(["--help"])
        #expect(r.code == 0)
        #expect(r.out.contains("audit"))
    }
}

@Suite struct VerdictCommandTests {
    @Test func setListsTheFindingsItsChangeBroughtIn() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["set", file, "instance.redirectUri=https://clerk.acme.com/v1/oauth_callback/"])
        #expect(r.code == 0, "it wrote: \(r.err)")
        #expect(r.out.contains("1 change saved"))
        #expect(r.out.contains("2 new findings:"))
        #expect(
            r.out.contains(
                "✗ instance/redirect-uri-invalid: Remove the trailing slash: the redirect URI https://clerk.acme.com/v1/oauth_callback/ ends in a slash"
            ))
        #expect(r.out.contains("✗ authorization/callback-mismatch: No callback URL equals the instance's redirect URI exactly."))
        // Near miss: a change that brings nothing in lists nothing, and one that fixes lists nothing.
        let fixed = try CLI.run(["set", file, "instance.redirectUri=https://clerk.acme.com/v1/oauth_callback"])
        #expect(fixed.code == 0 && !fixed.out.contains("new finding"))
        let harmless = try CLI.run(["set", file, "instance.name=acme-production"])
        #expect(!harmless.out.contains("new finding"))
    }

    @Test func setNamesTheSecretPastedIntoAnotherFieldWithoutPrintingIt() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["set", file, "atlassianApp.description=" + TestSecret.value])
        #expect(r.code == 0)
        #expect(r.out.contains("atlassianApp.description: changed"))
        #expect(r.out.contains("✗ credentials/secret-in-other-field: The Client Secret also appears in Description (atlassianApp.description)"))
        let audit = try CLI.run(["audit", file])
        #expect(audit.code == 1 && audit.out.contains("credentials/secret-in-other-field · atlassianApp.description"))
    }

    @Test func initStartsWithTheGuidesDefaults() throws {
        let ws = try Workspace()
        let file = ws.path + "/p.json"
        #expect(try CLI.run(["init", file, "--environment", "production", "--redirect-uri", "https://clerk.acme.com/v1/oauth_callback"]).code == 0)
        let json = try ws.json("p.json")
        let connection = json["connection"] as! [String: Any]
        #expect(connection["signUpAndSignIn"] as? Bool == true)
        #expect(connection["useCustomCredentials"] as? Bool == true)
        #expect(connection["enabled"] == nil, "the operator enables the connection")
        #expect(((json["atlassianApp"] as? [String: Any])?["distribution"] as? [String: Any])?["status"] as? String == "not_sharing")
        let enabled = try CLI.run(["set", file, "connection.enabled=true"])
        #expect(!enabled.out.contains("connection/link-only"), "\(enabled.out)")
        #expect(!enabled.out.contains("new finding"))
        let audit = try CLI.run(["audit", file])
        #expect(!audit.out.contains("connection/link-only") && !audit.out.contains("credentials/custom-credentials-off"))

        let dev = ws.path + "/d.json"
        #expect(
            try CLI.run(["init", dev, "--environment", "development", "--redirect-uri", "https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback"])
                .code == 0)
        let devConnection = try ws.json("d.json")["connection"] as! [String: Any]
        #expect(devConnection["useCustomCredentials"] as? Bool == false, "development uses the shared credentials")
        #expect(devConnection["signUpAndSignIn"] as? Bool == true)
    }

    @Test func authorizeURLRefusesAnEmptyState() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["authorize-url", file, "--state", ""])
        #expect(r.code == 2)
        #expect(r.err.contains("--state must not be empty"))
        #expect(r.out.isEmpty)
        #expect(try CLI.run(["authorize-url", file, "--state", "x"]).out.contains("&state=x&"))
    }

    @Test func authorizeURLRefusesToPrintASecretPastedIntoTheClientID() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "p.json")
        #expect(try CLI.run(["set", file, "connection.clientId=\(TestSecret.value)"]).code != 2)
        let r = try CLI.run(["authorize-url", file])  // fails the test if any output holds the secret
        #expect(r.code == 1 && r.out.isEmpty)
        #expect(r.err.contains("holds the client secret"), "\(r.err)")
    }

    @Test func authorizeURLOfADevelopmentFileSaysItUsesSharedCredentials() throws {
        let ws = try Workspace()
        let file = ws.path + "/d.json"
        try CLI.run(["init", file, "--environment", "development", "--redirect-uri", "https://happy-cat-12.clerk.accounts.dev/v1/oauth_callback"])
        let r = try CLI.run(["authorize-url", file])
        #expect(r.code == 1)
        #expect(r.err.contains("shared development credentials"))
        #expect(!r.err.contains("not set"))
        #expect(r.out.isEmpty)
        // Near miss: development with its own app builds the URL.
        try CLI.run(["set", file, "connection.useCustomCredentials=true", "connection.clientId=a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"])
        let own = try CLI.run(["authorize-url", file])
        #expect(own.code == 0 && own.out.hasPrefix("https://auth.atlassian.com/authorize?"))
    }
}
