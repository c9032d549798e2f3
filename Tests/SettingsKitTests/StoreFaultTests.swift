import TestSupport
import Testing
@testable import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Each test injects one real fault into a save and checks the three promises: the old
/// file is byte-identical (secret intact), the error names the file and the cause in one
/// line, and nothing is left behind (no temp file, no broken history line).
@Suite struct StoreFaultTests {
    /// A settings file with the secret, created by the store (so its lock and history exist).
    func makeFile(in dir: String) throws -> (path: String, before: [UInt8]) {
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        return (path, Fixtures.read(path)!)
    }

    func expectCleanFailure(
        _ error: FileError, path: String, cause: String, before: [UInt8], historyLines: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(error.code == .unwritable, sourceLocation: sourceLocation)
        #expect(error.message.contains(cause), "message: \(error.message)", sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(path + ": "), "names the file", sourceLocation: sourceLocation)
        #expect(!error.description.contains("\n"), "one line", sourceLocation: sourceLocation)
        #expect(!error.description.contains(TestSecret.value), sourceLocation: sourceLocation)
        #expect(Fixtures.read(path) == before, "the old file is intact", sourceLocation: sourceLocation)
        #expect(
            (try? SettingsStore.load(path))?.settings.text(Fields.secretKey) == TestSecret.value, "the secret is intact",
            sourceLocation: sourceLocation)
        let dir = SystemIO.directory(of: path)
        #expect(!Fixtures.listing(dir).contains { $0.contains(".tmp-") }, "no temp file left", sourceLocation: sourceLocation)
        #expect(Fixtures.historyLines(path).count == historyLines, "no history line for a save that failed", sourceLocation: sourceLocation)
    }

    func renamed(_ settings: Settings, _ name: String) -> Settings {
        var s = settings
        s.setText("atlassianApp.name", name)
        return s
    }

    // MARK: Full disk

    @Test func aFullDiskFailsCleanlyAndTheSameSaveCanBeRetried() throws {
        let disk = try ScratchMount.tmpfs(kib: 256)
        defer { disk.close() }
        let (path, before) = try makeFile(in: disk.path)
        let base = try SettingsStore.load(path)
        let filler = disk.fill()
        let mine = renamed(base.settings, "Edited while the disk was full")
        do {
            _ = try SettingsStore.save(mine, to: path, via: "console", base: base)
            Issue.record("saved onto a full disk")
        } catch {
            expectCleanFailure(error, path: path, cause: "no space left on the device", before: before, historyLines: 1)
        }
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("updated onto a full disk")
        } catch {
            expectCleanFailure(error, path: path, cause: "no space left on the device", before: before, historyLines: 1)
        }
        // The console keeps the edits and the base; once there is room the same save works,
        // with no false conflict (the failed save changed nothing).
        disk.free(pages: 16, of: filler)
        let saved = try #require(try SettingsStore.save(mine, to: path, via: "console", base: base).file)
        #expect(saved.settings.text("atlassianApp.name") == "Edited while the disk was full")
        let reloaded = try SettingsStore.load(path)
        #expect(reloaded.settings == mine)
        #expect(reloaded.settings.text(Fields.secretKey) == TestSecret.value)
        #expect(Fixtures.historyLines(path).count == 2)
    }

    @Test func aDiskThatFillsUpWhileWritingTheHistoryTakesTheWholeSaveBack() throws {
        let disk = try ScratchMount.tmpfs(kib: 256)
        defer { disk.close() }
        let (path, before) = try makeFile(in: disk.path)
        // A history of exactly one page: the next line needs a new page, the new settings
        // file (about 1.5 KiB) fits in the single page left free.
        let history = SettingsStore.historyPath(for: path)
        let head = #"{"time": "2026-11-29T10:00:00Z", "user": "test", "via": "init", "changes": [], "pad": ""#
        let line = head + String(repeating: "p", count: 4096 - head.utf8.count - 3) + "\"}\n"
        Fixtures.write(line, to: history)
        #expect(Fixtures.read(history)?.count == 4096)
        let filler = disk.fill()
        disk.free(pages: 1, of: filler)
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("atlassianApp.name", "Never half saved") }
            Issue.record("saved without its history line")
        } catch {
            expectCleanFailure(error, path: path, cause: "no space left on the device", before: before, historyLines: 1)
            #expect(error.message.contains("history"), "says it was the history that failed: \(error.message)")
        }
        #expect(Fixtures.read(history)?.count == 4096, "no half line appended")
    }

    // MARK: Read-only file system, permission denied, missing folder

    @Test(arguments: [true, false])
    func aReadOnlyFileSystemFailsCleanly(lockFileExists: Bool) throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (_, before) = try makeFile(in: dir)
        if !lockFileExists { unlink(dir + "/s.json.lock") }
        let view = try ScratchMount.readOnlyView(of: dir)
        defer { view.close() }
        let path = view.path + "/s.json"
        let base = try SettingsStore.load(path)
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("wrote to a read-only file system")
        } catch {
            expectCleanFailure(error, path: path, cause: "read-only file system", before: before, historyLines: 1)
        }
        do {
            _ = try SettingsStore.save(renamed(base.settings, "y"), to: path, via: "console", base: base)
            Issue.record("wrote to a read-only file system")
        } catch {
            expectCleanFailure(error, path: path, cause: "read-only file system", before: before, historyLines: 1)
        }
    }

    @Test(arguments: [true, false])
    func aFolderThatRefusesWritesIsPermissionDenied(lockFileExists: Bool) throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, before) = try makeFile(in: dir)
        if !lockFileExists { unlink(dir + "/s.json.lock") }
        let frozen = try ImmutablePath(dir)
        defer { frozen.close() }
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("wrote into an immutable folder")
        } catch {
            expectCleanFailure(error, path: path, cause: "permission denied", before: before, historyLines: 1)
            #expect(error.message.contains("folder \(dir)"), "points at the folder, not the file: \(error.message)")
        }
    }

    @Test func aMissingFolderIsNamed() {
        let path = "/tmp/social-console-no-such-folder-\(getpid())/s.json"
        for attempt in 0..<2 {
            do {
                if attempt == 0 {
                    _ = try SettingsStore.save(Fixtures.ready, to: path, via: "console", base: nil)
                } else {
                    try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
                }
                Issue.record("saved into a missing folder")
            } catch {
                #expect(error.description.hasPrefix(path + ": "))
                #expect(error.code == .unwritable)
                #expect(error.message.contains("folder /tmp/social-console-no-such-folder-\(getpid()) does not exist"))
            }
        }
    }

    @Test func aHistoryThatCannotBeWrittenStopsTheSave() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write(Fixtures.readyText, to: path)
        let before = Fixtures.read(path)!
        mkdir(SettingsStore.historyPath(for: path), 0o700)
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("saved without history")
        } catch {
            expectCleanFailure(error, path: path, cause: "s.json.history.jsonl", before: before, historyLines: 0)
        }
    }

    // MARK: The lock file's own failure modes

    @Test func aLockFileThatIsAFolderIsAClearError() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, before) = try makeFile(in: dir)
        unlink(path + ".lock")
        mkdir(path + ".lock", 0o700)
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("saved without a lock")
        } catch {
            expectCleanFailure(error, path: path, cause: "s.json.lock", before: before, historyLines: 1)
        }
    }

    @Test func aLinkPlantedAsTheLockFileIsNeverFollowed() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, before) = try makeFile(in: dir)
        unlink(path + ".lock")
        symlink(dir + "/elsewhere", path + ".lock")
        do {
            try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
            Issue.record("saved through a planted link")
        } catch {
            expectCleanFailure(error, path: path, cause: "symbolic link", before: before, historyLines: 1)
        }
        #expect(!SystemIO.exists(dir + "/elsewhere"), "the link's target was not created")
    }

    @Test func aLockHeldByAStuckWriterEndsInAnErrorNotAHang() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, before) = try makeFile(in: dir)
        let holder = open(path + ".lock", O_RDONLY)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        do {
            _ = try FileLock.withLock(path, in: SaveFolder(holding: dir, for: path, shownPath: path), shownPath: path, owner: nil, timeout: 0.3) { () throws(FileError) in
                Issue.record("got a lock someone else holds")
            }
        } catch {
            expectCleanFailure(error, path: path, cause: "is locked", before: before, historyLines: 1)
        }
    }

    /// A process forked by another thread during a save (a test's child, a helper) holds a
    /// copy of the lock's descriptor until it runs its program: the save's end must free
    /// the lock all the same. A `dup` of the descriptor stands in for that copy here.
    @Test func theLockIsFreeWhenTheSaveEndsWhateverCopiesOfItsDescriptorLive() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, _) = try makeFile(in: dir)
        var copy: Int32 = -1
        try FileLock.withLock(path, in: SaveFolder(holding: dir, for: path, shownPath: path), shownPath: path, owner: nil) { () throws(FileError) in
            copy = dup(Self.descriptor(of: path + ".lock"))
        }
        defer { close(copy) }
        #expect(copy >= 0, "the lock's descriptor was found")
        let other = open(path + ".lock", O_RDONLY | O_CLOEXEC)
        defer { close(other) }
        #expect(flock(other, LOCK_EX | LOCK_NB) == 0, "the lock is still held by the copy")
    }

    /// This process's descriptor open on `path` (/proc/self/fd), or -1.
    static func descriptor(of path: String) -> Int32 {
        for fd in Int32(3)..<Int32(1024) {
            var target = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/fd/\(fd)", &target, target.count - 1)
            if n > 0, String(decoding: target[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) == path { return fd }
        }
        return -1
    }

    /// A save asks first whether it would wait, so that the wait is said: true only while
    /// another program holds the lock, and the look makes no lock file.
    @Test func aSaveSaysWhetherItWouldWaitForTheLock() throws {
        let folder = TemporaryFolder("would-wait")
        let path = folder.file("acme.json")
        _ = try SettingsStore.save(Settings(), to: path, via: "test", base: nil)
        #expect(!SettingsStore.saveWouldWait(path))
        let fresh = folder.file("new.json")
        #expect(!SettingsStore.saveWouldWait(fresh) && !SystemIO.exists(fresh + ".lock"), "no lock file is made by looking")
        let holder = open(path + ".lock", O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX | LOCK_NB) == 0)
        #expect(SettingsStore.saveWouldWait(path), "another holds it")
        flock(holder, LOCK_UN)
        #expect(!SettingsStore.saveWouldWait(path))
    }

    @Test func aLockFileOthersCannotWriteStillServes() throws {
        // Made read-only (as when another user created it); flock needs no write access.
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, _) = try makeFile(in: dir)
        let lock = path + ".lock"
        chmod(lock, 0o400)
        let frozen = try ImmutablePath(lock)  // refuses O_RDWR even to root
        defer { frozen.close() }
        let fd = try FileLock.openLockFile(path, in: SaveFolder(holding: dir, for: path, shownPath: path), shownPath: path, owner: nil)
        close(fd)
    }

    // MARK: Links, FIFOs, stale temp files

    @Test func aLinkedSettingsFileIsSavedThroughTheLink() throws {
        let real = TemporaryFolder.make(), links = TemporaryFolder.make()
        defer { TemporaryFolder.remove(real); TemporaryFolder.remove(links) }
        let (target, _) = try makeFile(in: real)
        let link = links + "/link.json"
        symlink(target, link)
        try SettingsStore.update(link, via: "set") { $0.setText("instance.name", "through the link") }
        var st = stat()
        lstat(link, &st)
        #expect((st.st_mode & S_IFMT) == S_IFLNK, "the link is still a link")
        #expect(try SettingsStore.load(target).settings.text("instance.name") == "through the link")
        #expect(Fixtures.historyLines(target).count == 2, "one history for every name of the file")
        #expect(Fixtures.listing(links) == ["link.json"], "no lock, history or temp file beside the link")
        let base = try SettingsStore.load(link)
        _ = try SettingsStore.save(renamed(base.settings, "console via link"), to: link, via: "console", base: base)
        #expect(try SettingsStore.load(target).settings.text("atlassianApp.name") == "console via link")
    }

    @Test func aFIFONamedLikeASettingsFileIsRefusedWithoutWaiting() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        mkfifo(dir + "/pipe.json", 0o600)
        // Before the fix this open blocked forever waiting for a writer.
        do { _ = try SettingsStore.load(dir + "/pipe.json"); Issue.record("loaded a FIFO") } catch {
            #expect(error.code == .unreadable)
            #expect(error.message.contains("not a regular file"))
        }
    }

    @Test func onlyThisFilesTempFilesAreRemoved() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, _) = try makeFile(in: dir)
        Fixtures.write("stale", to: dir + "/.s.json.tmp-123-abc9")
        // Another file whose name starts like ours: its temp file is under its own lock.
        Fixtures.write("in flight", to: dir + "/.s.json.tmp-x.json.tmp-77-zz")
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
        #expect(Fixtures.listing(dir) == [".s.json.tmp-x.json.tmp-77-zz", "s.json", "s.json.history.jsonl", "s.json.lock"])
        #expect(StagedFile.isTempName(".s.json.tmp-123-abc9", of: "s.json"))
        #expect(!StagedFile.isTempName(".s.json.tmp-x.json.tmp-77-zz", of: "s.json"))
    }

    // MARK: Versions, conflicts, history, owner

    @Test func aNewerVersionIsNeverOverwrittenNotEvenWhenForced() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        Fixtures.write("{\"schemaVersion\": 2, \"future\": true}\n", to: path)
        let before = Fixtures.read(path)!
        do {
            _ = try SettingsStore.save(Fixtures.ready, to: path, via: "console", base: nil, choices: MergeChoices(forAll: .yours));
            Issue.record("overwrote")
        } catch {
            #expect(error.code == .unsupportedVersion)
        }
        #expect(Fixtures.read(path) == before)
    }

    @Test func aConflictIsAboutContentNotTimestamps() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, before) = try makeFile(in: dir)
        let base = try SettingsStore.load(path)
        // Touched, same content: no conflict.
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, path, &times, 0)
        #expect(!SettingsStore.changedOnDisk(since: base, path: path))
        let saved = try #require(try SettingsStore.save(renamed(base.settings, "mine"), to: path, via: "console", base: base).file)
        #expect(!SettingsStore.changedOnDisk(since: saved, path: path), "our own save is not a change on disk")
        // Rewritten in place by an editor: same inode, same size, the old timestamps put back.
        // Their edit and ours change the same key (the app's name, "mine"), so the save
        // must stop at a conflict, not merge.
        var edited = Fixtures.read(path)!
        let mine = Array("\"mine\"".utf8)
        let at = (0...(edited.count - mine.count)).first { edited[$0..<($0 + mine.count)].elementsEqual(mine) }! + 1
        edited[at] = UInt8(ascii: "M")
        var st = stat()
        stat(path, &st)
        let fd = open(path, O_WRONLY)
        _ = edited.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        times = [st.st_atim, st.st_mtim]
        futimens(fd, &times)
        close(fd)
        #expect(SettingsStore.changedOnDisk(since: saved, path: path))
        guard case .conflicts(let conflicts) = try SettingsStore.save(renamed(saved.settings, "again"), to: path, via: "console", base: saved) else {
            Issue.record("no conflict"); return
        }
        #expect(conflicts.map(\.key) == ["atlassianApp.name"])
        #expect(Fixtures.read(path) == edited)
        #expect(edited != before)
    }

    @Test func aCutHistoryLineDoesNotSwallowTheNextOne() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, _) = try makeFile(in: dir)
        let history = SettingsStore.historyPath(for: path)
        let fd = open(history, O_WRONLY | O_APPEND)
        _ = Array(#"{"time": "2026-11-2"#.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "after the cut") }
        let lines = Fixtures.text(history)!.split(separator: "\n")
        #expect(lines.count == 3)
        let last = try JSONParser.parse(Array(lines[2].utf8)).objectValue
        #expect(last?["via"] == .string("set"))
    }

    @Test(.enabled(if: geteuid() == 0, "only root can save a file another user owns"))
    func rootSavingAnotherUsersFileKeepsTheOwner() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let (path, _) = try makeFile(in: dir)
        // Given to the user with the files beside it, as `chown user FILE*` does: root's
        // own lock and history left behind are not root's to use for the user's file.
        chown(path, 65534, 65534)
        let refused = #expect(throws: FileError.self) { try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") } }
        #expect(refused?.message.contains("give it to them or remove it") == true, "\(String(describing: refused))")
        for side in [".lock", ".history.jsonl"] { chown(path + side, 65534, 65534) }
        try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "x") }
        var st = stat()
        stat(path, &st)
        #expect(st.st_uid == 65534 && st.st_gid == 65534)
        #expect(st.st_mode & 0o777 == 0o600)
    }
}
