import TestSupport
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// `set` and the console's save resolve FILE, wait for its lock, then read it. A link put
/// at FILE's name while they wait (another writer holds the lock) must not be read
/// through: the file it leads to (root's, with its secret, when root runs `set` on a
/// user's file) would be written at FILE's name and given FILE's owner.
@Suite struct UpdateTargetTests {
    final class Outcome: @unchecked Sendable {
        var error: FileError?
        var saved = false
    }

    /// Runs `write` while FILE's lock is held here, as another writer would hold it; once
    /// `write` waits for it, `swap` changes the disk, then the lock is let go.
    static func write(
        _ path: String, holdingTheLockWhile write: @escaping @Sendable () throws(FileError) -> Void, then swap: @escaping @Sendable () -> Void
    ) -> Outcome {
        let holder = open(path + ".lock", O_RDWR)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0, "the lock is held here, as another writer would")
        let outcome = Outcome()
        Threads.runAll([
            {
                do throws(FileError) {
                    try write()
                    outcome.saved = true
                } catch {
                    outcome.error = error
                }
            },
            {
                usleep(300_000)
                swap()
                flock(holder, LOCK_UN)
            },
        ])
        return outcome
    }

    /// Runs `write` on FILE while the lock is held here, swaps a link to another file (with
    /// a secret of its own) in at FILE's name, lets go of the lock, and checks that the
    /// write was refused and that neither FILE's name nor the other file was written.
    func expectRefusedWhenALinkIsSwappedIn(
        _ write: @escaping @Sendable (_ path: String, _ base: LoadedFile) throws(FileError) -> Void
    ) throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/f.json", other = dir + "/other.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let base = try SettingsStore.load(path)
        try SettingsStore.create(Fixtures.ready { $0.setText(Fields.secretKey, "OTHER-files-secret-0123456789") }, at: other, via: "init")
        let otherBefore = Fixtures.read(other)
        let outcome = Self.write(path, holdingTheLockWhile: { () throws(FileError) in try write(path, base) }) {
            rename(path, dir + "/f.moved")
            symlink(other, path)
        }
        #expect(!outcome.saved, "the file the link leads to was read and written at FILE's name")
        #expect(outcome.error?.message.contains("a link was put in its place") == true, "\(String(describing: outcome.error))")
        #expect(!(outcome.error?.description.contains("OTHER-files-secret") ?? false))
        #expect(SystemIO.linkStatus(path).map { ($0.st_mode & S_IFMT) == S_IFLNK } == true, "FILE's name was written")
        #expect(Fixtures.read(other) == otherBefore)
    }

    /// FILE's folder moved away while a write waits for the lock, and a link to another
    /// folder put at its name (by a user who may write in the folder above): the write is
    /// refused, and nothing is written in either folder.
    func expectRefusedWhenTheFolderIsSwapped(_ write: @escaping @Sendable (_ path: String) throws(FileError) -> Void) throws {
        let root = TemporaryFolder.make()
        defer { TemporaryFolder.remove(root) }
        let team = root + "/team", elsewhere = root + "/elsewhere"
        mkdir(team, 0o700)
        mkdir(elsewhere, 0o700)
        let path = team + "/f.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let before = Fixtures.read(path)
        let outcome = Self.write(path, holdingTheLockWhile: { () throws(FileError) in try write(path) }) {
            rename(team, root + "/team.moved")
            symlink(elsewhere, team)
        }
        #expect(!outcome.saved, "written while its folder's name led elsewhere")
        #expect(outcome.error?.message.contains("was moved or replaced while saving; nothing was written") == true, "\(String(describing: outcome.error))")
        let written = Self.names(in: elsewhere)
        #expect(written.isEmpty, "written in the other folder: \(written)")
        #expect(Fixtures.read(root + "/team.moved/f.json") == before, "the file in its own folder is as it was")
    }

    /// The names in `folder`, but "." and "..".
    static func names(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return ["(cannot list \(folder))"] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    @Test func aFolderSwappedWhileSetWaitsForTheLockIsRefused() throws {
        try expectRefusedWhenTheFolderIsSwapped { path throws(FileError) in
            try SettingsStore.update(path, via: "set") { $0.setText("atlassianApp.name", "Saved by set") }
        }
    }

    @Test func aFolderSwappedWhileASaveWaitsForTheLockIsRefused() throws {
        try expectRefusedWhenTheFolderIsSwapped { path throws(FileError) in
            let base = try SettingsStore.load(path)
            var edited = base.settings
            edited.setText("atlassianApp.name", "Saved by the console")
            _ = try SettingsStore.save(edited, to: path, via: "console", base: base)
        }
    }

    @Test func aLinkPutInTheFilesPlaceWhileItWaitsForTheLockIsRefused() throws {
        try expectRefusedWhenALinkIsSwappedIn { path, _ throws(FileError) in
            try SettingsStore.update(path, via: "set") { $0.setText("atlassianApp.name", "Saved by set") }
        }
    }

    /// The console's save as well, even when the operator has said to overwrite what is on
    /// disk (the answer to an unreadable file): the linked-to file is never merged into FILE.
    @Test(arguments: [MergeChoices.none, MergeChoices(forAll: .yours)])
    func aLinkPutInTheFilesPlaceWhileASaveWaitsIsRefused(_ choices: MergeChoices) throws {
        try expectRefusedWhenALinkIsSwappedIn { path, base throws(FileError) in
            var edited = base.settings
            edited.setText("atlassianApp.name", "Saved by the console")
            _ = try SettingsStore.save(edited, to: path, via: "console", base: base, choices: choices)
        }
    }
}
