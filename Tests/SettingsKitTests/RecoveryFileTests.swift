import TestSupport
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// The console's unsaved edits, kept when its terminal goes away (SIGHUP).
@Suite struct RecoveryFileTests {
    func edited() -> Settings { Fixtures.ready { $0.setText("atlassianApp.name", "Unsaved edit") } }

    @Test func writesASecretSafeFileBesideTheSettingsAndFindsItAgain() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let before = Fixtures.read(path)!
        let old = umask(0)
        defer { umask(old) }
        try RecoveryFile.write(edited(), for: path)
        let recovery = dir + "/s.json.recovered.json"
        #expect(RecoveryFile.path(for: path) == recovery)
        #expect(Fixtures.mode(recovery) == 0o600, "it holds the secret")
        #expect(Fixtures.read(path) == before, "the settings file is not touched")
        #expect(Fixtures.historyLines(path).count == 1, "nor its history")
        #expect(!Fixtures.listing(dir).contains { $0.contains(".tmp-") })
        #expect(Audit.collectFiles([dir]) == [path], "audit of the folder does not take it for a settings file")

        let pending = try #require(try RecoveryFile.pending(for: path))
        #expect(pending.path == recovery)
        #expect(pending.settings == edited())
        #expect(pending.settings.text(Fields.secretKey) == TestSecret.value, "the secret survives")
        #expect(!pending.fileChangedSince)

        try RecoveryFile.discard(for: path)
        #expect(try RecoveryFile.pending(for: path) == nil)
        try RecoveryFile.discard(for: path)  // nothing to discard is not an error
    }

    @Test func saysWhenTheFileWasSavedAfterTheEditsWereRecovered() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        try RecoveryFile.write(edited(), for: path)
        usleep(20_000)
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "saved later") }
        #expect(try RecoveryFile.pending(for: path)?.fileChangedSince == true)
    }

    @Test func worksForAFileNotSavedYetAndReplacesAnOlderRecovery() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/new.json"
        try RecoveryFile.write(Settings(), for: path)
        try RecoveryFile.write(edited(), for: path)
        #expect(try RecoveryFile.pending(for: path)?.settings == edited())
        #expect(Fixtures.read(path) == nil, "the settings file is still not created")
    }

    @Test func aDamagedRecoveryFileIsReportedNotIgnored() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write("{\"instance\": {\"name\": ", to: path + ".recovered.json")
        do { _ = try RecoveryFile.pending(for: path); Issue.record("a broken recovery file was taken") } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.path == path + ".recovered.json")
        }
    }

    @Test func aFolderThatRefusesWritesIsAClearError() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let frozen = try ImmutablePath(dir)
        defer { frozen.close() }
        do { try RecoveryFile.write(edited(), for: path); Issue.record("wrote into an immutable folder") } catch {
            #expect(error.code == .unwritable)
            #expect(error.message.contains("permission denied"))
            #expect(!error.description.contains(TestSecret.value))
        }
    }
}
