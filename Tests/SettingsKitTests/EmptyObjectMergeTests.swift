import TestSupport
import Testing
import SettingsKit

/// A merge is about leaves: an object that is or becomes `{}` is no change of its own, so
/// it never replaces what the other writer put under it.
@Suite struct EmptyObjectMergeTests {
    func settings(_ text: String) throws -> Settings { try SettingsStore.decode(Array(text.utf8), path: "s.json") }

    @Test func clearingAnObjectsLastKeyKeepsWhatTheOtherWriterAddedUnderIt() throws {
        let base = try settings(#"{"instance": {"name": "acme"}}"#)
        var yours = base
        yours.setText("instance.name", nil)
        #expect(yours.value("instance") == .object(JSONObject()), "the console leaves the emptied object")
        var theirs = base
        theirs.setText("instance.environment", "production")
        let result = SettingsMerge.merge(base: base, theirs: theirs, yours: yours)
        #expect(result.conflicts.isEmpty)
        #expect(result.keptFromDisk == ["instance.environment"])
        #expect(result.merged.text("instance.environment") == "production", "their key was lost")
        #expect(result.merged.text("instance.name") == nil)
    }

    @Test func bothSidesAddingUnderAnEmptyObjectKeepBoth() throws {
        let base = try settings(#"{"connection": {}}"#)
        var yours = base, theirs = base
        yours.setText("connection.clientId", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6")
        theirs.setFlag("connection.enabled", true)
        let result = SettingsMerge.merge(base: base, theirs: theirs, yours: yours)
        #expect(result.conflicts.isEmpty)
        #expect(result.merged.value("connection.enabled") == .bool(true), "their key was lost")
        #expect(result.merged.text("connection.clientId") == "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6")
    }

    @Test func anEmptiedObjectIsNoChangeOfItsOwn() throws {
        let base = try settings(#"{"instance": {"name": "acme"}, "notes": {"a": 1}}"#)
        var after = base
        after.setText("instance.name", nil)
        after.setValue(nil, at: ["notes", "a"])
        #expect(SettingsDiff.compare(base, after).map(\.key) == ["instance.name", "notes.a"])
        #expect(SettingsDiff.compare(try settings(#"{"schemaVersion": 1, "x": {}}"#), try settings(#"{"schemaVersion": 1}"#)).isEmpty)
    }

    /// The whole save, as the console and `set` run it against one file.
    @Test func aSaveKeepsASetMadeMeanwhileUnderAnObjectItEmptied() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(try settings(#"{"schemaVersion": 1, "instance": {"name": "acme"}}"#), at: path, via: "init")
        let base = try SettingsStore.load(path)
        try SettingsStore.update(path, via: "set") { $0.setText("instance.environment", "production") }
        var mine = base.settings
        mine.setText("instance.name", nil)
        guard case .saved(_, let kept) = try SettingsStore.save(mine, to: path, via: "console", base: base) else {
            Issue.record("no conflict expected"); return
        }
        #expect(kept == ["instance.environment"])
        let now = try SettingsStore.load(path).settings
        #expect(now.text("instance.environment") == "production", "the set made meanwhile was reverted")
        #expect(now.text("instance.name") == nil)
    }
}
