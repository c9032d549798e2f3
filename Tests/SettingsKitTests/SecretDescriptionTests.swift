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
        try RecoveryFile.write(loaded.settings, for: path)
        expectNoSecret(try #require(try RecoveryFile.pending(for: path)))
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
}
