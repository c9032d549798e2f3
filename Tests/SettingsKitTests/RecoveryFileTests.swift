import TestSupport
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Unsaved edits, kept when the terminal of the console or plain mode goes away.
@Suite struct RecoveryFileTests {
    func edited() -> Settings { Fixtures.ready { $0.setText("atlassianApp.name", "Unsaved edit") } }

    @Test func writesASecretSafeFileBesideTheSettingsWithTheVersionTheEditsWereMadeTo() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let before = Fixtures.read(path)!
        let loaded = try SettingsStore.load(path)
        let old = umask(0)
        defer { umask(old) }
        try RecoveryFile.write(edited(), madeTo: loaded, for: path)
        let recovery = dir + "/s.json.recovered.json"
        #expect(RecoveryFile.path(for: path) == recovery)
        #expect(Fixtures.mode(recovery) == 0o600, "it holds the secret")
        #expect(Fixtures.read(path) == before, "the settings file is not touched")
        #expect(Fixtures.historyLines(path).count == 1, "nor its history")
        #expect(!Fixtures.listing(dir).contains { $0.contains(".tmp-") })
        #expect(Audit.collectFiles([dir]) == [path], "audit of the folder does not take it for a settings file")

        let pending = try #require(try RecoveryFile.pending(for: path, loaded: loaded))
        #expect(pending.path == recovery)
        #expect(pending.edits == edited())
        #expect(pending.base == loaded.settings, "the version the edits were made to is kept with them")
        #expect(pending.edits.text(Fields.secretKey) == TestSecret.value, "the secret survives")
        #expect(!pending.fileChanged(since: loaded))

        try RecoveryFile.discard(for: path)
        #expect(try RecoveryFile.pending(for: path, loaded: loaded) == nil)
        try RecoveryFile.discard(for: path)  // nothing to discard is not an error
    }

    @Test func saysWhenTheFileWasSavedAfterTheEditsWereRecovered() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        try RecoveryFile.write(edited(), madeTo: try SettingsStore.load(path), for: path)
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "saved later") }
        let now = try SettingsStore.load(path)
        let pending = try #require(try RecoveryFile.pending(for: path, loaded: now))
        #expect(pending.fileChanged(since: now))
        #expect(pending.base?.text("instance.name") != "saved later", "the base is the version the edits were made to")
    }

    @Test func worksForAFileNotSavedYetAndReplacesAnOlderRecovery() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/new.json"
        try RecoveryFile.write(Settings(), madeTo: nil, for: path)
        try RecoveryFile.write(edited(), madeTo: nil, for: path)
        let pending = try #require(try RecoveryFile.pending(for: path, loaded: nil))
        #expect(pending.edits == edited() && pending.base == nil && pending.madeToNewFile)
        #expect(Fixtures.read(path) == nil, "the settings file is still not created")
    }

    /// What an older version wrote (the settings document alone) is still offered, with
    /// no base: restoring then asks about every key that differs.
    @Test func aRecoveryFileOfAnOlderVersionIsStillRead() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        Fixtures.write(String(decoding: SettingsStore.encode(edited()), as: UTF8.self), to: path + ".recovered.json")
        let pending = try #require(try RecoveryFile.pending(for: path, loaded: try SettingsStore.load(path)))
        #expect(pending.edits == edited() && pending.base == nil && !pending.madeToNewFile)
    }

    @Test func aDamagedRecoveryFileIsReportedNotIgnored() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write("{\"instance\": {\"name\": ", to: path + ".recovered.json")
        do { _ = try RecoveryFile.pending(for: path, loaded: nil); Issue.record("a broken recovery file was taken") } catch {
            #expect(error.code == .invalidJSON)
            #expect(error.path == path + ".recovered.json")
        }
    }

    /// The recovery file is opened without following links and checked on what was
    /// opened: a link planted at its name, pointing at another settings file (whose secret
    /// a restore and a save would copy into this one), is refused, never read.
    @Test func aLinkAtTheRecoveryNameIsNeverFollowed() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json", other = dir + "/other.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        try SettingsStore.create(Fixtures.ready { $0.setText(Fields.secretKey, "OTHER-files-secret-0123456789") }, at: other, via: "init")
        symlink(other, path + ".recovered.json")
        do {
            _ = try RecoveryFile.pending(for: path, loaded: try SettingsStore.load(path))
            Issue.record("the link was followed")
        } catch {
            #expect(error.message.contains("symbolic link") && error.path == path + ".recovered.json", "\(error)")
            #expect(!error.description.contains("OTHER-files-secret"))
        }
    }

    /// Nor is a hard link at its name read: with `fs.protected_hardlinks=0` a user can link
    /// any root file there (root's other settings file, which root may read and the user
    /// may not), and its owner, root, is one the check trusts. A file with another name is
    /// refused, as a save refuses to write one (`SideFile.claim`).
    @Test func aHardLinkAtTheRecoveryNameIsNeverRead() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json", other = dir + "/other.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        try RecoveryFile.write(
            Fixtures.ready { $0.setText(Fields.secretKey, "OTHER-files-secret-0123456789") }, madeTo: nil, for: other)
        #expect(link(other + ".recovered.json", path + ".recovered.json") == 0)
        do {
            let pending = try RecoveryFile.pending(for: path, loaded: try SettingsStore.load(path))
            Issue.record("a hard-linked recovery file was offered: \(pending.map { _ in "edits" } ?? "nothing")")
        } catch {
            #expect(error.message.contains("hard link") && error.path == path + ".recovered.json", "\(error)")
            #expect(!error.description.contains("OTHER-files-secret"))
        }
    }

    /// Another process holding FILE.lock (a stuck `set`, a console saving) must not cost
    /// the edits of a terminal that closed: the recovery file is a side file of its own
    /// and never waits on FILE's lock (which would take 30 s and then fail).
    @Test func writingTheRecoveryFileNeverWaitsOnTheFilesLock() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let holder = open(path + ".lock", O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0, "the lock is held here, as another writer would")
        let started = ContinuousClock.now
        try RecoveryFile.write(edited(), madeTo: try SettingsStore.load(path), for: path)
        #expect(ContinuousClock.now - started < .seconds(5), "it waited on FILE.lock")
        #expect(try RecoveryFile.pending(for: path, loaded: nil)?.edits == edited())
    }

    @Test func aFolderThatRefusesWritesIsAClearError() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let frozen = try ImmutablePath(dir)
        defer { frozen.close() }
        do { try RecoveryFile.write(edited(), madeTo: nil, for: path); Issue.record("wrote into an immutable folder") } catch {
            #expect(error.code == .unwritable)
            #expect(error.message.contains("permission denied"))
            #expect(!error.description.contains(TestSecret.value))
        }
    }
}
