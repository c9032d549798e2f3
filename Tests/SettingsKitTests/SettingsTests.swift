import TestSupport
import Testing
import SettingsKit

@Suite struct SettingsTests {
    @Test func dottedAccessReadsAndWrites() {
        var s = Settings()
        s.setText("atlassianApp.distribution.vendorName", "Acme")
        s.setList("atlassianApp.scopes", ["read:me"])
        s.setFlag("connection.enabled", true)
        #expect(s.text("atlassianApp.distribution.vendorName") == "Acme")
        #expect(s.list("atlassianApp.scopes") == ["read:me"])
        #expect(s.flag("connection.enabled") == true)
        s.setText("atlassianApp.distribution.vendorName", nil)
        #expect(s.value("atlassianApp.distribution.vendorName") == nil)
    }

    @Test func newKeysGoWhereASavedFileListsThem() {
        var s = Settings()
        s.setText("atlassianApp.name", "App")
        s.setFlag("connection.enabled", true)
        s.setText("instance.redirectUri", "https://x/v1/oauth_callback")
        s.setText("instance.name", "n")
        #expect(s.root.keys == ["schemaVersion", "instance", "connection", "atlassianApp"])
        #expect(s.value("instance")?.objectValue?.keys == ["name", "redirectUri"])
    }

    @Test func unknownKeysSurviveEditsInPlace() throws {
        let text = """
            {
              "x-top": 1,
              "schemaVersion": 1,
              "instance": {
                "custom": {"deep": [1, 2, {"k": null}]},
                "name": "a"
              },
              "connection": {
                "future": "value"
              },
              "atlassianApp": {
                "distribution": {
                  "extra": true
                }
              }
            }

            """
        var s = try SettingsStore.decode(Array(text.utf8), path: "x")
        s.setText("instance.name", "b")
        s.setText("atlassianApp.distribution.vendorName", "V")
        s.setText("connection.clientId", "id")
        let again = try SettingsStore.decode(SettingsStore.encode(s), path: "x")
        #expect(again.value("x-top") == .number("1"))
        #expect(again.root.keys.first == "x-top")
        #expect(again.value("instance.custom") == s.value("instance.custom"))
        #expect(again.value("instance")?.objectValue?.keys == ["custom", "name"])
        #expect(again.text("connection.future") == "value")
        #expect(again.value("connection")?.objectValue?.keys == ["clientId", "future"])
        #expect(again.flag("atlassianApp.distribution.extra") == true)
        #expect(again.text("atlassianApp.distribution.vendorName") == "V")
    }

    @Test func leavesFlattenToDottedKeys() {
        var s = Settings()
        s.setText("instance.name", "n")
        s.setValue(.object(JSONObject([("a", .number("1"))])), for: "custom")
        #expect(s.leaves.map(\.key) == ["schemaVersion", "instance.name", "custom.a"])
    }

    @Test func descriptionsNeverShowTheSecret() {
        let s = Fixtures.ready
        #expect(!"\(s)".contains(TestSecret.value))
        #expect(!String(reflecting: s).contains(TestSecret.value))
        #expect(Secret.mask(TestSecret.value) == "••••••••XYZW")
        #expect(Secret.mask("short") == "••••••••")
    }

    @Test func textInputSplitsListsAndTrimsOneLineBreak() {
        #expect(TextInput.splitList("read:me, read:jira-work  offline_access,,") == ["read:me", "read:jira-work", "offline_access"])
        #expect(TextInput.droppingOneLineBreak("abc\r\n") == "abc")
        #expect(TextInput.droppingOneLineBreak("abc\n\n") == "abc\n")
        #expect(TextInput.droppingOneLineBreak("abc") == "abc")
    }
}
