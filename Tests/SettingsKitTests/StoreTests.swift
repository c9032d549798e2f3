import TestSupport
import Testing
@testable import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

@Suite struct LoadErrorTests {
    func loadError(_ text: String) -> FileError? {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        Fixtures.write(text, to: dir + "/s.json")
        do { _ = try SettingsStore.load(dir + "/s.json"); return nil } catch { return error }
    }

    @Test func notFound() {
        #expect(throws: FileError.self) { try SettingsStore.load("/tmp/does-not-exist-\(getpid()).json") }
        do { _ = try SettingsStore.load("/tmp/does-not-exist-\(getpid()).json") } catch {
            #expect(error.code == .notFound)
        }
    }

    @Test func aFolderIsUnreadable() {
        do { _ = try SettingsStore.load("/tmp"); Issue.record("loaded a folder") } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.contains("folder"))
        }
    }

    @Test func invalidJSONHasLineAndColumn() {
        let e = loadError("{\n  \"instance\": {\n    \"name\": \"a\"\n    \"environment\": \"production\"\n  }\n}\n")
        #expect(e?.code == .invalidJSON)
        #expect(e?.line == 4 && e?.column == 5)
        #expect(e?.description.hasSuffix(":4:5: expected ',' or '}' after an object member (file/invalid-json)") == true)
    }

    @Test func truncatedFile() {
        let e = loadError(String(Fixtures.readyText.prefix(200)))
        #expect(e?.code == .invalidJSON)
        #expect(e?.message.contains("end of file") == true)
    }

    @Test func wrongTypeNamesTheDottedPathAndWhereItIs() {
        let e = loadError("{\n  \"schemaVersion\": 1,\n  \"connection\": {\"enabled\": \"yes\"}\n}")
        #expect(e?.code == .schema)
        #expect(e?.message == "connection.enabled: expected true or false, found a string")
        #expect(e?.line == 3 && e?.column == 29)
    }

    @Test func wrongListItemType() {
        let e = loadError(#"{"atlassianApp": {"scopes": ["read:me", 7]}}"#)
        #expect(e?.message == "atlassianApp.scopes[1]: expected a string, found a number")
    }

    @Test func wrongContainerType() {
        #expect(loadError(#"{"instance": "acme"}"#)?.message == "instance: expected an object, found a string")
        #expect(loadError("[1, 2]")?.code == .schema)
    }

    @Test func newerVersionIsRefusedWithItsPosition() {
        let e = loadError("{\n  \"schemaVersion\": 2\n}")
        #expect(e?.code == .unsupportedVersion)
        #expect(e?.line == 2 && e?.column == 20)
    }

    @Test func foreignJSONIsRefused() {
        let e = loadError(#"{"name": "my-package", "version": "1.0.0"}"#)
        #expect(e?.code == .schema)
        #expect(e?.message.contains("not a social-console settings file") == true)
    }

    @Test func missingVersionMeansOne() throws {
        #expect(loadError(#"{"instance": {"name": "a"}}"#) == nil)
        #expect(loadError("{}") == nil)
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/big.json"
        let fd = open(path, O_WRONLY | O_CREAT, 0o600)
        ftruncate(fd, off_t(SettingsStore.sizeLimit + 1))
        close(fd)
        do { _ = try SettingsStore.load(path); Issue.record("loaded") } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.contains("MiB"))
        }
    }

    @Test func errorsNeverQuoteTheSecret() {
        let text = Fixtures.readyText.replacingFirst("\"\(TestSecret.value)\"", with: TestSecret.value)
        let e = loadError(text)
        #expect(e?.code == .invalidJSON)
        #expect(e.map { !$0.description.contains(TestSecret.value) && !$0.description.contains("EXAMPLE") } == true)
    }
}

@Suite struct SaveTests {
    @Test func createWritesMode0600AndRefusesToOverwrite() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let old = umask(0)
        defer { umask(old) }
        let path = dir + "/new.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        #expect(Fixtures.mode(path) == 0o600)
        #expect(Fixtures.read(path) == SettingsStore.encode(Fixtures.ready))
        #expect(Fixtures.mode(SettingsStore.historyPath(for: path)) == 0o600)
        do { try SettingsStore.create(Settings(), at: path, via: "init"); Issue.record("overwrote") } catch {
            #expect(error.code == .exists)
        }
        #expect(Fixtures.read(path) == SettingsStore.encode(Fixtures.ready))
    }

    @Test func anUnchangedFileSavesByteIdentical() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write(Fixtures.readyText, to: path, mode: 0o644)
        let loaded = try SettingsStore.load(path)
        let saved = try #require(try SettingsStore.save(loaded.settings, to: path, via: "console", base: loaded).file)
        #expect(saved.bytes == loaded.bytes)
        #expect(Fixtures.mode(path) == 0o600, "saving tightens the mode")
    }

    @Test func updateWithoutChangeDoesNotWrite() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write("{\"instance\":{\"name\":\"a\"}}", to: path, mode: 0o644)
        let changes = try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "a") }
        #expect(changes.isEmpty)
        #expect(Fixtures.read(path) == Array("{\"instance\":{\"name\":\"a\"}}".utf8))
        #expect(Fixtures.read(SettingsStore.historyPath(for: path)) == nil)
    }

    @Test func updateRecordsHistoryWithoutTheSecret() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Settings(), at: path, via: "init")
        try SettingsStore.update(path, via: "set") {
            $0.setText("connection.clientSecret", TestSecret.value)
            $0.setText("atlassianApp.name", "App")
        }
        let history = String(decoding: Fixtures.read(SettingsStore.historyPath(for: path))!, as: UTF8.self)
        let lines = history.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(!history.contains(TestSecret.value) && !history.contains("XYZW"))
        let last = try JSONParser.parse(Array(lines[1].utf8)).objectValue!
        #expect(last.keys == ["time", "user", "via", "changes"])
        #expect(last["via"] == .string("set"))
        #expect(
            last["changes"]
                == .array([
                    .object(JSONObject([("key", .string("connection.clientSecret")), ("secret", .string("changed"))])),
                    .object(JSONObject([("key", .string("atlassianApp.name")), ("old", .null), ("new", .string("App"))])),
                ]))
        let time = last["time"]!.stringValue!
        #expect(time.count == 20 && time.hasSuffix("Z") && time.contains("T"))
    }

    @Test func aChangeOnDiskToAnotherKeyIsMergedNotReverted() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let base = try SettingsStore.load(path)
        try SettingsStore.update(path, via: "set") { $0.setText("atlassianApp.logo", "https://acme.com/theirs.png") }
        var mine = base.settings
        mine.setText("instance.name", "mine")
        guard case .saved(let saved, let kept) = try SettingsStore.save(mine, to: path, via: "console", base: base) else {
            Issue.record("a change to another key is no conflict"); return
        }
        #expect(kept == ["atlassianApp.logo"])
        let now = try SettingsStore.load(path).settings
        #expect(now.text("atlassianApp.logo") == "https://acme.com/theirs.png", "their change was reverted")
        #expect(now.text("instance.name") == "mine")
        #expect(saved.settings == now, "the saved file is what the caller now holds")
        // The history line records only what this save changed on disk.
        let last = try #require(Fixtures.historyLines(path).last)
        #expect(last["changes"]?.arrayValue?.compactMap { $0.objectValue?["key"]?.stringValue } == ["instance.name"])
    }

    @Test func aKeyChangedOnBothSidesIsAConflictUntilChosen() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let base = try SettingsStore.load(path)
        try SettingsStore.update(path, via: "set") {
            $0.setText("instance.name", "theirs")
            $0.setText("atlassianApp.logo", "https://acme.com/theirs.png")
        }
        let before = Fixtures.read(path)
        var mine = base.settings
        mine.setText("instance.name", "mine")
        mine.setText(Fields.secretKey, "ANOTHER-secret-value-for-the-merge")
        guard case .conflicts(let conflicts) = try SettingsStore.save(mine, to: path, via: "console", base: base) else {
            Issue.record("no conflict"); return
        }
        #expect(conflicts.map(\.key) == ["instance.name"])
        #expect(conflicts[0].base == .string("acme-prod") && conflicts[0].theirs == .string("theirs") && conflicts[0].yours == .string("mine"))
        #expect(Fixtures.read(path) == before, "nothing is written while a conflict is open")
        var choices = MergeChoices()
        choices.choose(.theirs, for: conflicts[0])
        let saved = try #require(try SettingsStore.save(mine, to: path, via: "console", base: base, choices: choices).file)
        #expect(saved.settings.text("instance.name") == "theirs")
        #expect(saved.settings.text("atlassianApp.logo") == "https://acme.com/theirs.png")
        #expect(saved.settings.text(Fields.secretKey) == "ANOTHER-secret-value-for-the-merge")
        // The saved file is the base for the next save: no conflict.
        #expect(try SettingsStore.save(mine, to: path, via: "console", base: saved).file != nil)
    }

    @Test func aMergeComparesBytesNotCanonicalEquivalence() throws {
        var base = Fixtures.ready
        base.setText("instance.name", "caf\u{E9}")
        var theirs = base, yours = base
        theirs.setText("instance.name", "cafe\u{301}")
        yours.setText("atlassianApp.name", "mine")
        let merged = SettingsMerge.merge(base: base, theirs: theirs, yours: yours)
        #expect(merged.conflicts.isEmpty)
        #expect(merged.keptFromDisk == ["instance.name"], "their decomposed spelling is a change")
        #expect(merged.merged.text("instance.name")?.utf8.elementsEqual("cafe\u{301}".utf8) == true)
        // A secret changed on both sides is a conflict whose values are marked secret.
        var t2 = base, y2 = base
        t2.setText(Fields.secretKey, "THEIRS-secret-0000000000")
        y2.setText(Fields.secretKey, "YOURS-secret-11111111111")
        let both = SettingsMerge.merge(base: base, theirs: t2, yours: y2)
        #expect(both.conflicts.map(\.isSecret) == [true])
        // Keys that hold a dot are their own leaves.
        var dotted = base
        dotted.setValue(.string("x"), at: ["notes", "a.b"])
        let kept = SettingsMerge.merge(base: base, theirs: base, yours: dotted).merged
        #expect(kept.value(at: ["notes", "a.b"]) == .string("x") && kept.value(at: ["notes", "a", "b"]) == nil)
    }

    @Test func staleTempFilesAreRemovedByTheNextSave() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Settings(), at: path, via: "init")
        Fixtures.write("half a fi", to: dir + "/.s.json.tmp-999-abc")
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
        #expect(Fixtures.read(dir + "/.s.json.tmp-999-abc") == nil)
    }

    @Test func aMissingFolderIsAClearError() {
        do { try SettingsStore.create(Settings(), at: "/tmp/no-such-folder-\(getpid())/s.json", via: "init"); Issue.record("created") } catch {
            #expect(error.code == .unwritable)
            #expect(error.message.contains("no such file or folder"))
        }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let r = firstRange(of: target) else { return self }
        return self[..<r.lowerBound] + replacement + self[r.upperBound...]
    }
}

/// The sweep of a killed save's temp files lists and removes them in the folder the save
/// holds: a folder put at the name meanwhile (the held one renamed away) keeps its own.
@Suite struct StaleTempSweepTests {
    @Test func theSweepWorksInTheHeldFolderNotTheOneNowAtItsName() throws {
        let root = TemporaryFolder.make()
        defer { TemporaryFolder.remove(root) }
        let dir = root + "/team", path = dir + "/s.json"
        #expect(mkdir(dir, 0o700) == 0)
        let folder = try SaveFolder(holding: dir, for: path, shownPath: path)
        #expect(rename(dir, root + "/moved") == 0)
        #expect(mkdir(dir, 0o700) == 0)
        Fixtures.write("theirs", to: dir + "/.s.json.tmp-999-abc")
        Fixtures.write("half a fi", to: root + "/moved/.s.json.tmp-999-abc")
        Fixtures.write("not a temp file", to: root + "/moved/.s.json.tmp-999-ABC")
        StagedFile.removeStaleTempFiles(of: path, in: folder)
        #expect(Fixtures.read(root + "/moved/.s.json.tmp-999-abc") == nil, "removed in the held folder")
        #expect(Fixtures.read(root + "/moved/.s.json.tmp-999-ABC") == Array("not a temp file".utf8))
        #expect(Fixtures.read(dir + "/.s.json.tmp-999-abc") == Array("theirs".utf8), "the folder now at the name is not touched")
    }
}
