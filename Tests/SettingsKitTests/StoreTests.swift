import TestSupport
import Testing
import SettingsKit
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
        let saved = try SettingsStore.save(loaded.settings, to: path, via: "console", base: loaded)
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
        #expect(last["changes"] == .array([
            .object(JSONObject([("key", .string("connection.clientSecret")), ("secret", .string("changed"))])),
            .object(JSONObject([("key", .string("atlassianApp.name")), ("old", .null), ("new", .string("App"))])),
        ]))
        let time = last["time"]!.stringValue!
        #expect(time.count == 20 && time.hasSuffix("Z") && time.contains("T"))
    }

    @Test func aChangeOnDiskIsAConflictUnlessOverwriting() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Settings(), at: path, via: "init")
        let base = try SettingsStore.load(path)
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "theirs") }
        var mine = base.settings
        mine.setText("atlassianApp.name", "mine")
        do { _ = try SettingsStore.save(mine, to: path, via: "console", base: base); Issue.record("no conflict") } catch {
            #expect(error.code == .conflict)
        }
        #expect(try SettingsStore.load(path).settings.text("instance.name") == "theirs")
        let saved = try SettingsStore.save(mine, to: path, via: "console", base: base, overwrite: true)
        #expect(saved.settings.text("atlassianApp.name") == "mine")
        // The saved file is the base for the next save: no conflict.
        _ = try SettingsStore.save(mine, to: path, via: "console", base: saved)
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
