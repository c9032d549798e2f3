import TestSupport
import Foundation
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// The files beside FILE are never handed to another user, and a file another user put at
/// a side name in a shared (sticky, world-writable) folder is refused, with a clear error.
@Suite(.serialized, .enabled(if: TestUser.isAvailable, "\(TestUser.unavailableReason ?? "")"))
struct SideFileOwnerTests {
    /// A shared folder like /tmp, a settings file owned by the test (root), and a second user.
    func shared() throws -> (dir: String, file: String, other: TestUser) {
        let (dir, file, other) = try sharedFolder()
        try SettingsStore.create(Fixtures.ready, at: file, via: "init")
        return (dir, file, other)
    }

    /// A shared folder like /tmp, the name of a settings file not there yet, a second user.
    func sharedFolder() throws -> (dir: String, file: String, other: TestUser) {
        let dir = TemporaryFolder.make("shared")
        chmod(dir, 0o1777)
        return (dir, dir + "/s.json", try #require(TestUser.make()))
    }

    /// What another user plants: an empty file they own, world-writable so they keep access.
    func plant(_ path: String, for user: TestUser) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o666)
        fchmod(fd, 0o666)
        fchown(fd, user.uid, user.gid)
        close(fd)
    }

    func owner(_ path: String) -> (uid_t, gid_t)? {
        var st = stat()
        return lstat(path, &st) == 0 ? (st.st_uid, st.st_gid) : nil
    }

    func holdsSecret(_ path: String) -> Bool {
        TestSecret.isIn((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
    }

    @Test func aRecoveryFilePlantedByAnotherUserIsRefusedNotHandedOver() throws {
        let (dir, file, other) = try shared()
        defer { other.remove(); TemporaryFolder.remove(dir) }
        let recovery = file + ".recovered.json"
        plant(recovery, for: other)
        let error = #expect(throws: FileError.self) { try RecoveryFile.write(Fixtures.ready, madeTo: try SettingsStore.load(file), for: file) }
        #expect(error?.message.contains("belongs to another user") == true, "\(String(describing: error))")
        #expect(owner(recovery)?.0 == other.uid && !holdsSecret(recovery), "the other user's file got the secret")
        #expect(!Fixtures.listing(dir).contains { $0.contains(".tmp-") })
        // Nor is it offered on the next launch.
        let offered = #expect(throws: FileError.self) { try RecoveryFile.pending(for: file, loaded: try SettingsStore.load(file)) }
        #expect(offered?.message.contains("another user") == true)
    }

    @Test func lockAndHistoryNamesOwnedByAnotherUserAreRefused() throws {
        for side in [".lock", ".history.jsonl"] {
            let (dir, file, other) = try shared()
            defer { other.remove(); TemporaryFolder.remove(dir) }
            try? FileManager.default.removeItem(atPath: file + side)
            plant(file + side, for: other)
            let before = Fixtures.read(file)
            let error = #expect(throws: FileError.self) {
                try SettingsStore.update(file, via: "set") { $0.setText("atlassianApp.name", "Changed") }
            }
            #expect(error?.message.contains("belongs to another user") == true, "\(side): \(String(describing: error))")
            #expect(error.map { !$0.description.contains("\n") } == true, "one line")
            #expect(Fixtures.read(file) == before, "\(side): the file is unchanged")
        }
    }

    /// Root saves a file another user owns: the new file, its lock and its history are that
    /// user's, so they are not locked out of their own file.
    @Test func sideFilesRootCreatesTakeTheFilesOwnerAndGroup() throws {
        let dir = TemporaryFolder.make("owned")
        let other = try #require(TestUser.make())
        defer { other.remove(); TemporaryFolder.remove(dir) }
        let file = dir + "/s.json"
        _ = FileManager.default.createFile(atPath: file, contents: Data(SettingsStore.encode(Fixtures.ready)))
        chmod(file, 0o600)
        chown(file, other.uid, other.gid)
        try SettingsStore.update(file, via: "set") { $0.setText("atlassianApp.name", "By root") }
        for path in [file, file + ".lock", file + ".history.jsonl"] {
            #expect(owner(path)?.0 == other.uid && owner(path)?.1 == other.gid, "\(path) is owned by \(String(describing: owner(path)))")
        }
        #expect(Fixtures.mode(file + ".history.jsonl") == 0o600)
    }

    /// The console had FILE as new; another user created it meanwhile; "overwrite" must
    /// not give the saved secret to them, nor the lock and history it creates.
    @Test func overwritingAFileThatAppearedDoesNotGiveItAway() throws {
        let (dir, file, other) = try sharedFolder()
        defer { other.remove(); TemporaryFolder.remove(dir) }
        plant(file, for: other)
        _ = try SettingsStore.save(Fixtures.ready, to: file, via: "console", base: nil, choices: MergeChoices(forAll: .yours))
        for path in [file, file + ".lock", file + ".history.jsonl"] {
            #expect(owner(path)?.0 == geteuid(), "\(path) went to uid \(String(describing: owner(path)?.0))")
        }
        #expect(Fixtures.mode(file) == 0o600)
    }

    /// A file that appeared while it was new to the saver is someone else's: a save never
    /// merges into it (adopting their file as the base, their owner as its owner); it
    /// stops and says so, and a lock they planted beside it is refused.
    @Test func aFileThatAppearedIsNeverAdoptedByASave() throws {
        let (dir, file, other) = try sharedFolder()
        defer { other.remove(); TemporaryFolder.remove(dir) }
        _ = FileManager.default.createFile(
            atPath: file, contents: Data(SettingsStore.encode(Fixtures.ready { $0.setText("instance.name", "theirs") })))
        chown(file, other.uid, other.gid)
        let before = Fixtures.read(file)
        let error = #expect(throws: FileError.self) {
            try SettingsStore.save(Fixtures.ready, to: file, via: "console", base: nil)
        }
        #expect(error?.code == .appearedOnDisk && error?.message.contains("uid \(other.uid)") == true, "\(String(describing: error))")
        #expect(Fixtures.read(file) == before && owner(file)?.0 == other.uid, "their file is untouched")
        #expect(owner(file + ".lock")?.0 == geteuid(), "our lock is not given to them")
        #expect(!FileManager.default.fileExists(atPath: file + ".history.jsonl"))
        // Their own lock beside it is not ours to use.
        unlink(file + ".lock")
        plant(file + ".lock", for: other)
        let refused = #expect(throws: FileError.self) {
            try SettingsStore.save(Fixtures.ready, to: file, via: "console", base: nil, choices: MergeChoices(forAll: .yours))
        }
        #expect(refused?.message.contains("belongs to another user") == true)
        #expect(Fixtures.read(file) == before)
    }

    /// Root's recovery of edits to a file that was new stays root's, even when another
    /// user has created the file since: the typed secret is never handed to them.
    @Test func theRecoveryOfANewFileIsNotGivenToWhoeverCreatedItSince() throws {
        let (dir, file, other) = try sharedFolder()
        defer { other.remove(); TemporaryFolder.remove(dir) }
        plant(file, for: other)
        try RecoveryFile.write(Fixtures.ready, madeTo: nil, for: file)
        #expect(owner(file + ".recovered.json")?.0 == geteuid())
        #expect(Fixtures.mode(file + ".recovered.json") == 0o600)
    }
}

/// The history file is 0600 after every append, and holds no secret in keys or values.
@Suite struct HistoryFileSecrecyTests {
    @Test func aLaxHistoryIsMadePrivateAgainAndASecretKeyNameIsMasked() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let file = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: file, via: "init")
        chmod(file + ".history.jsonl", 0o644)
        let base = try SettingsStore.load(file)
        // The secret pasted as a key name (say, by a merge that took a pasted line apart).
        var edited = base.settings
        edited.setValue(.object(JSONObject([(TestSecret.value, .string("x")), ("client_secret", .string("old-tool-secret-1234"))])), for: "notes")
        _ = try SettingsStore.save(edited, to: file, via: "console", base: base)
        #expect(Fixtures.mode(file + ".history.jsonl") == 0o600)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(!TestSecret.isIn(Data(history.utf8)), "\(history)")
        #expect(!history.contains("old-tool-secret-1234"))
    }
}

/// Root never gives away or writes a file of its own that sits at a side name: a hard link
/// to it (any root file, where fs.protected_hardlinks is 0) or one moved there.
@Suite(.serialized, .enabled(if: TestUser.isAvailable, "\(TestUser.unavailableReason ?? "")"))
struct SideFileLinkTests {
    /// The other user's settings file in their folder, and a root file elsewhere.
    func scene() throws -> (dir: String, file: String, rootFile: String, user: TestUser) {
        let user = try #require(TestUser.make())
        let dir = TemporaryFolder.make("owned")
        let file = dir + "/s.json"
        _ = FileManager.default.createFile(atPath: file, contents: Data(SettingsStore.encode(Fixtures.ready)))
        chmod(file, 0o600)
        chown(file, user.uid, user.gid)
        chown(dir, user.uid, user.gid)
        let rootFile = dir + "/root-only"
        _ = FileManager.default.createFile(atPath: rootFile, contents: Data("root's own\n".utf8))
        chmod(rootFile, 0o640)
        return (dir, file, rootFile, user)
    }

    func status(_ path: String) -> stat {
        var st = stat()
        lstat(path, &st)
        return st
    }

    @Test(arguments: [".lock", ".history.jsonl"])
    func aHardLinkToARootFileAtASideNameIsNeitherChownedNorWritten(_ side: String) throws {
        let (dir, file, rootFile, user) = try scene()
        defer { user.remove(); TemporaryFolder.remove(dir) }
        // As the user would with fs.protected_hardlinks=0 (here made by root for them).
        #expect(link(rootFile, file + side) == 0)
        let before = Fixtures.read(rootFile)
        let error = #expect(throws: FileError.self) { try SettingsStore.update(file, via: "set") { $0.setText("instance.name", "by root") } }
        #expect(error?.message.contains("hard links") == true, "\(String(describing: error))")
        let st = status(rootFile)
        #expect(st.st_uid == 0 && st.st_mode & 0o777 == 0o640, "the root file was given away or chmodded")
        #expect(Fixtures.read(rootFile) == before, "the root file was written")
    }

    @Test(arguments: [".lock", ".history.jsonl"])
    func aRootFileMovedToASideNameIsNotUsedForAnotherUsersFile(_ side: String) throws {
        let (dir, file, rootFile, user) = try scene()
        defer { user.remove(); TemporaryFolder.remove(dir) }
        let r = try user.run("/bin/mv", [rootFile, file + side])  // their folder: they may move it
        #expect(r.code == 0, "\(r.err)")
        let error = #expect(throws: FileError.self) { try SettingsStore.update(file, via: "set") { $0.setText("instance.name", "by root") } }
        #expect(error?.message.contains("not made by this save") == true, "\(String(describing: error))")
        let st = status(file + side)
        #expect(st.st_uid == 0 && st.st_mode & 0o777 == 0o640)
        #expect(Fixtures.read(file + side) == Array("root's own\n".utf8))
    }

    /// What root creates for the user's file is theirs, and the next save uses it.
    @Test func sideFilesRootMakesAreTheOwnersAndServeTheNextSave() throws {
        let (dir, file, _, user) = try scene()
        defer { user.remove(); TemporaryFolder.remove(dir) }
        try SettingsStore.update(file, via: "set") { $0.setText("instance.name", "one") }
        try SettingsStore.update(file, via: "set") { $0.setText("instance.name", "two") }
        for side in [".lock", ".history.jsonl"] { #expect(status(file + side).st_uid == user.uid) }
        #expect(Fixtures.historyLines(file).count == 2)
    }
}
