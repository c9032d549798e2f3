import TestSupport
import Testing
import SettingsKit

/// Everything that holds the secret describes itself without it: print, interpolation,
/// debug descriptions and dump (which walks a mirror, not `description`).
@Suite struct SecretDescriptionTests {
    func expectNoSecret(_ value: Any, sourceLocation: SourceLocation = #_sourceLocation) {
        var dumped = ""
        dump(value, to: &dumped)
        for text in [String(describing: value), String(reflecting: value), "\(value)", dumped] {
            #expect(!text.contains(TestSecret.value) && !text.contains("0123456789abcdef"), "\(text.prefix(200))", sourceLocation: sourceLocation)
        }
        // The mirror's children must not reach the raw document either.
        #expect(!Mirror(reflecting: value).children.contains { "\($0.value)".contains(TestSecret.value) }, sourceLocation: sourceLocation)
    }

    @Test func settingsLoadedFilesAndChanges() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let loaded = try SettingsStore.load(path)
        #expect(loaded.settings.text(Fields.secretKey) == TestSecret.value, "the fixture holds the secret")
        expectNoSecret(loaded.settings)
        expectNoSecret(loaded)
        expectNoSecret([loaded.settings])
        let changes = SettingsDiff.compare(Settings(), loaded.settings)
        #expect(changes.contains { $0.isSecret })
        expectNoSecret(changes)
        expectNoSecret(changes.first { $0.isSecret }!)
        #expect("\(changes.first { $0.isSecret }!)" == "connection.clientSecret: changed")
        try RecoveryFile.write(loaded.settings, madeTo: loaded, for: path)
        expectNoSecret(try #require(try RecoveryFile.pending(for: path, loaded: loaded)))
    }

    @Test func theSecretPastedIntoAnotherFieldOrKeptUnderAnotherKeyIsMaskedToo() throws {
        var s = Fixtures.ready
        s.setText("connection.clientId", TestSecret.value)
        s.setValue(
            .object(JSONObject([("client_secret", .string("old-tool-value-1234")), ("note", .string("was " + TestSecret.value))])), for: "legacy")
        let shown = Secret.redacted(s)
        expectNoSecret(s)
        #expect(shown.text("connection.clientId") == "••••••••", "masked whole, without even the last 4")
        #expect(!JSONWriter.write(shown.document).contains("old-tool-value"), "a key named like a secret is masked")
        let changes = SettingsDiff.compare(Fixtures.ready, s)
        #expect(changes.allSatisfy { $0.isSecret }, "each change holds the secret or is named like one")
        let line = SettingsStore.historyLine(time: "t", user: "u", via: "set", changes: changes)
        #expect(!line.contains(TestSecret.value) && !line.contains("old-tool-value"))
    }

    @Test func aShortSecretIsNotHuntedForInsideOtherValues() {
        var s = Fixtures.ready
        s.setText(Fields.secretKey, "acme")
        #expect(Secret.redacted(s).text("instance.name") == "acme-prod")
    }

    @Test func theMaskShowsAtMostTheLastFour() {
        let s = Fixtures.ready
        #expect(s.description.contains("••••••••XYZW"))
    }

    /// A secret-named key inside a list (`"notes": [{"apiSecret": …}]`): a change to the
    /// list is a secret change, and its history line and `diff` line hold no secret.
    @Test func aSecretNamedKeyInsideAListIsASecretToo() {
        let old = "list-kept-secret-5678"
        var s = Fixtures.ready
        s.setValue(.array([.object(JSONObject([("apiSecret", .string(old))]))]), for: "notes")
        #expect(Secret.values(in: s).contains(old))
        let changes = SettingsDiff.compare(Fixtures.ready, s)
        #expect(changes.map(\.key) == ["notes"] && changes.allSatisfy(\.isSecret))
        let line = SettingsStore.historyLine(time: "t", user: "u", via: "set", changes: changes, secrets: Secret.values(in: s))
        #expect(!line.contains(old) && !changes[0].line().contains(old), "\(line)")
        #expect(!JSONWriter.write(Secret.redacted(s).document).contains(old), "as show masks it")
    }

    /// A key that holds the secret is masked in every way a change is written, its
    /// description (print, a failing test) included.
    @Test func aChangesKeyHoldingTheSecretIsMaskedWhereverItIsWritten() {
        let change = Change(path: ["notes", TestSecret.value], old: nil, new: .string("x"), secrets: [TestSecret.value])
        #expect(change.isSecret && change.shownKey == "notes.••••••••")
        expectNoSecret(change)
        #expect(!change.line().contains(TestSecret.value))
        #expect(!SettingsStore.historyLine(time: "t", user: "u", via: "set", changes: [change]).contains(TestSecret.value))
    }

    /// Findings name keys of the file; another secret used as a key name (here an old
    /// tool's client_secret, with the client secret pasted under it) is masked in the
    /// finding's field and label as in its message.
    @Test func aFindingNamesNoKeyThatIsAnotherSecret() {
        let old = "old-tool-secret-9876"
        var s = Fixtures.ready
        s.setValue(.object(JSONObject([("client_secret", .string(old))])), for: "legacy")
        s.setValue(.object(JSONObject([(old, .string(TestSecret.value))])), for: "notes")
        let found = Readiness.evaluate(s).findings.filter { $0.code == "credentials/secret-in-other-field" }
        #expect(!found.isEmpty, "the pasted secret is found")
        for f in found {
            #expect(!(f.field + f.message + f.fix).contains(old), "\(f.field) \(f.message)")
            #expect(!(f.field + f.message + f.fix).contains(TestSecret.value))
        }
    }
}
