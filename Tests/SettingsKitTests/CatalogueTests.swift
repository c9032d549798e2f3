import TestSupport
import Testing
import SettingsKit

@Suite struct CatalogueTests {
    @Test func scopeCatalogueStartsWithReadMeAndDescribesEveryScope() {
        #expect(ScopeCatalogue.all.first?.name == "read:me")
        for scope in ScopeCatalogue.all {
            #expect(ScopeCatalogue.isValidName(scope.name))
            #expect(!scope.description.isEmpty)
        }
        #expect(Set(ScopeCatalogue.all.map(\.name)).count == ScopeCatalogue.all.count)
    }

    /// Classic scopes seen in two independent lists of Atlassian's: an app that enables one
    /// must not be told it is probably a typo.
    @Test func theClassicScopesSeenInAtlassiansListsAreKnown() {
        let seen = [
            "manage:jira-data-provider", "write:confluence-props", "read:confluence-content.permission",
            "write:confluence-groups", "manage:confluence-configuration", "read:servicedesk-request",
            "write:servicedesk-request", "manage:servicedesk-customer", "read:servicemanagement-insight-objects",
        ]
        for name in seen {
            #expect(ScopeCatalogue.contains(name), "\(name)")
            let settings = Fixtures.ready { $0.setList("atlassianApp.scopes", ["read:me", name]) }
            #expect(!Fixtures.codes(settings).contains("permissions/unknown-scope"), "\(name)")
        }
        #expect(!ScopeCatalogue.contains("manage:jira-data-providers"), "a near miss is still unknown")
    }

    /// FACTS' corrections of 2026-12: what each scope really grants, and the scopes added.
    @Test func scopeDescriptionsFollowAtlassian() throws {
        func description(_ name: String) throws -> String { try #require(ScopeCatalogue.scope(named: name)).description }
        #expect(try description("read:account").hasPrefix("View user profiles") && !(try description("read:account")).contains("email visibility"))
        #expect(try description("read:jira-user").contains("email addresses"))
        #expect(try description("read:confluence-content.all").contains("attachments: readonly:content.attachment:confluence"))
        #expect(try description("readonly:content.attachment:confluence").contains("not part of read:confluence-content.all"))
        #expect(ScopeCatalogue.isAppScope("report:personal-data"))
        for granular in ScopeCatalogue.all where granular.product.hasSuffix("(granular)") {
            #expect(ScopeCatalogue.granularShape(granular.name) == .known, "\(granular.name)")
        }
        for common in ["read:issue:jira", "write:issue:jira", "read:page:confluence", "write:page:confluence", "read:sprint:jira-software"] {
            #expect(ScopeCatalogue.contains(common), "\(common)")
        }
    }

    /// The help's additions: what Clerk and Atlassian show today, and what is not confirmed.
    @Test func helpSaysWhatClerkAndAtlassianShowToday() {
        func help(_ screen: String) -> String {
            (BundledResources.help(for: screen) ?? "").split(separator: "\n").map { String($0).trimmingWhitespace }.joined(separator: " ")
        }
        let instance = help("instance")
        #expect(instance.contains("Add connection → For all users → Atlassian") && instance.contains("as the Callback URL"))
        #expect(instance.components(separatedBy: "Authorized redirect URI").count == 2, "the old name, said once")
        let distribution = help("distribution")
        for words in [
            "\"Something went wrong\" page", "I confirm I have implemented the Personal Data Reporting API", "report:personal-data", "not confirmed",
        ] {
            #expect(distribution.contains(words), "\(words)")
        }
        let app = help("app")
        #expect(app.contains("grant type") && app.contains("not confirmed"))
        #expect(app.contains("One app per product, not per customer") && app.contains("Acceptable Use Policy"))
        #expect(help("review").contains("Account Portal sign-in page"))
        let credentials = help("credentials")
        for label in ["Enable connection", "Enable for sign-up and sign-in", "Use custom credentials"] { #expect(credentials.contains(label)) }
    }

    @Test func everyScreenHasHelp() {
        for screen in Step.allCases.map(\.rawValue) + ["review"] {
            #expect((BundledResources.help(for: screen)?.count ?? 0) > 200, "help for \(screen)")
        }
    }

    @Test func theSchemaIsGeneratedFromTheFieldTable() throws {
        let schema = try JSONParser.parse(Array(SettingsSchema.text.utf8))
        #expect(schema == SettingsSchema.document)
        for field in Fields.all {
            var node: JSONValue? = schema
            for part in field.path { node = node?.objectValue?["properties"]?.objectValue?[part] }
            let property = try #require(node?.objectValue, "\(field.key)")
            let type = property["type"]?.stringValue
            #expect(property["description"]?.stringValue?.hasPrefix(field.description) == true, "\(field.key)")
            #expect(!field.description.isEmpty && !field.description.contains("\n"), "\(field.key): one line")
            switch field.kind {
            case .text: #expect(type == "string", "\(field.key)")
            case .toggle: #expect(type == "boolean", "\(field.key)")
            case .list:
                #expect(type == "array", "\(field.key)")
                #expect(property["items"] == .object(JSONObject([("type", .string("string"))])))
            case .choice(let values):
                // Any string loads (another value is a finding): the choices are examples, not an enum.
                #expect(type == "string", "\(field.key)")
                #expect(property["enum"] == nil)
                #expect(property["examples"] == .array(values.map(JSONValue.string)))
            }
            #expect((property["writeOnly"] == .bool(true)) == field.isSecret)
        }
    }
}

@Suite struct ConsentURLTests {
    /// Two spellings of one scope are two scopes to Atlassian, which compares bytes: the
    /// consent URL asks for each as written, once.
    @Test func requestedScopesAreKeptOnceByTheirBytes() {
        var s = Fixtures.ready
        s.setList("connection.scopes", ["read:caf\u{E9}", "read:cafe\u{301}", "read:caf\u{E9}", "read:me"])
        let scopes = ConsentURL.requestedScopes(s)
        #expect(scopes.count == 3)
        #expect(scopes.map { Array($0.utf8) } == ["read:me", "read:caf\u{E9}", "read:cafe\u{301}"].map { Array($0.utf8) })
    }

    @Test func buildsAnEncodedURL() throws {
        var s = Fixtures.ready
        s.setList("connection.scopes", ["read:jira-work", "read:me", "offline_access"])
        let url = try ConsentURL.build(s, state: "a b&c").get()
        #expect(
            url
                == "https://auth.atlassian.com/authorize?audience=api.atlassian.com&client_id=a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6&scope=read%3Ame%20read%3Ajira-work%20offline_access&redirect_uri=https%3A%2F%2Fclerk.acme.com%2Fv1%2Foauth_callback&state=a%20b%26c&response_type=code&prompt=consent"
        )
        #expect(!url.contains(TestSecret.value))
    }

    /// A value the URL would quote holds a secret: the client secret pasted into the Client
    /// ID (with spaces around it, too), or an old tool's client_secret pasted into a scope.
    @Test func refusesAValueHoldingASecret() {
        var pasted = Fixtures.ready
        pasted.setText("connection.clientId", " " + TestSecret.value + " ")
        var other = Fixtures.ready
        other.setValue(.object(JSONObject([("client_secret", .string("old-tool-secret-4321"))])), for: "legacy")
        other.setList("connection.scopes", ["read:jira-work", "old-tool-secret-4321"])
        for settings in [pasted, other] {
            #expect(throws: ConsentURL.Problem.holdsSecret) { try ConsentURL.build(settings, state: "s").get() }
        }
        #expect(throws: ConsentURL.Problem.holdsSecret) { try ConsentURL.build(Fixtures.ready, state: TestSecret.value).get() }
        #expect((try? ConsentURL.build(Fixtures.ready, state: "s").get()) != nil, "near miss: the ready file builds")
    }

    @Test func namesWhatIsMissing() {
        #expect(throws: ConsentURL.Problem.missing(["connection.clientId", "instance.redirectUri"])) {
            try ConsentURL.build(Settings(), state: "s").get()
        }
    }

    @Test func randomStateIsHex() {
        let s = ConsentURL.randomState()
        #expect(s.count == 32 && s.allSatisfy(\.isHexDigit))
        #expect(s != ConsentURL.randomState())
    }
}
