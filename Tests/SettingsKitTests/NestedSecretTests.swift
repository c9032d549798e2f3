import TestSupport
import Testing
import SettingsKit

/// A secret-named key inside a change's value is masked whatever its value is (a number, a
/// string too short to search for): in the history line and wherever a change is shown.
@Suite struct NestedSecretTests {
    @Test func aChangesValueHidesSecretNamedKeysAtAnyDepth() throws {
        let before = try SettingsStore.decode(Array(#"{"schemaVersion": 1}"#.utf8), path: "s.json")
        let after = try SettingsStore.decode(
            Array(#"{"schemaVersion": 1, "legacy": {"items": [{"client_secret": 83749127349817234}, {"x": {"apiSecret": "tiny5"}}]}}"#.utf8),
            path: "s.json")
        let changes = SettingsDiff.compare(before, after)
        #expect(changes.map(\.key) == ["legacy.items"])
        let line = SettingsStore.historyLine(time: "t", user: "u", via: "set", changes: changes)
        for shown in [line, changes[0].line(), JSONWriter.compact(changes[0].json())] {
            #expect(!shown.contains("83749127349817234") && !shown.contains("tiny5"), "\(shown)")
            #expect(shown.contains("••••••••"), "\(shown)")
        }
    }
}
