import Testing
import SettingsKit

/// One split of a dotted key for every reader and writer of values (`DottedKey`): a value
/// set by a key is read back by it, found by `show`, and checked by the schema alike.
@Suite struct DottedKeyTests {
    @Test func aKeysNamesEndAtEachDot() {
        #expect(DottedKey.names(of: "connection.clientId") == ["connection", "clientId"])
        #expect(DottedKey.names(of: "a..b.") == ["a", "b"], "empty names are left out")
        #expect(DottedKey.names(of: "") == [])
        // A dot with a mark on it is still a dot: the names are split by bytes.
        #expect(DottedKey.names(of: "notes.\u{301}x") == ["notes", "\u{301}x"])
    }

    @Test func whatIsSetByAKeyIsReadBackByItKnownOrNot() {
        var settings = Settings()
        for key in ["instance.name", "notes.team.owner", "notes..odd"] {
            settings.setText(key, "v-\(key)")
            #expect(settings.text(key) == "v-\(key)", "\(key)")
        }
        #expect(settings.value(at: ["notes", "team", "owner"]) == .string("v-notes.team.owner"))
    }
}
