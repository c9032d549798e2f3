import TestSupport
import Foundation
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Root has a user's file open; the user swaps a link in. Root's save writes only the file
/// it loaded: a link put in the file's place, or in a folder's place on its path, is
/// refused with where it now leads named, and the file it leads to is left as it was.
@Suite(.serialized, .enabled(if: TestUser.isAvailable, "\(TestUser.unavailableReason ?? "")"))
struct SaveTargetTests {
    /// A folder of the other user's holding their settings file, and a file of root's
    /// elsewhere that they cannot read.
    struct Scene {
        let user: TestUser
        let home: String  // the user's folder
        let file: String  // the user's settings file, at home/sub/f.json
        let rootDir: String
        let rootFile: String
        let rootBefore: [UInt8]?

        func asUser(_ arguments: [String]) throws {
            let r = try user.run(arguments[0], Array(arguments.dropFirst()))
            #expect(r.code == 0, "\(arguments): \(r.err)")
        }
    }

    func scene() throws -> Scene {
        let user = try #require(TestUser.make())
        let home = TemporaryFolder.make("home")
        let root = TemporaryFolder.make("root")
        chmod(home, 0o755)
        mkdir(home + "/sub", 0o755)
        let file = home + "/sub/f.json"
        Fixtures.write(Fixtures.readyText, to: file)
        for path in [home, home + "/sub", file] { chown(path, user.uid, user.gid) }
        chmod(root, 0o700)
        let rootFile = root + "/f.json"
        Fixtures.write(Fixtures.readyText.replacingFirst("acme-prod", with: "root-only"), to: rootFile)
        return Scene(user: user, home: home, file: file, rootDir: root, rootFile: rootFile, rootBefore: Fixtures.read(rootFile))
    }

    func cleanUp(_ s: Scene) {
        s.user.remove()
        TemporaryFolder.remove(s.home)
        TemporaryFolder.remove(s.rootDir)
    }

    func saveAsRoot(_ s: Scene, base: LoadedFile) throws -> SettingsStore.SaveOutcome {
        var mine = base.settings
        mine.setText("atlassianApp.name", "Saved by root")
        return try SettingsStore.save(mine, to: s.file, via: "console", base: base)
    }

    @Test func aLinkPutInTheFilesPlaceIsRefusedNamingItsTarget() throws {
        let s = try scene()
        defer { cleanUp(s) }
        let base = try SettingsStore.load(s.file)
        try s.asUser(["/bin/ln", "-sfn", s.rootFile, s.file])
        let error = #expect(throws: FileError.self) { try saveAsRoot(s, base: base) }
        #expect(error?.message.contains(s.rootFile) == true, "names the real target: \(String(describing: error))")
        #expect(Fixtures.read(s.rootFile) == s.rootBefore, "root's file was rewritten")
    }

    @Test func aLinkPutInAFoldersPlaceIsRefused() throws {
        let s = try scene()
        defer { cleanUp(s) }
        let base = try SettingsStore.load(s.file)
        try s.asUser(["/bin/mv", s.home + "/sub", s.home + "/old"])
        try s.asUser(["/bin/ln", "-s", s.rootDir, s.home + "/sub"])
        let error = #expect(throws: FileError.self) { try saveAsRoot(s, base: base) }
        #expect(error?.message.contains(s.rootFile) == true, "\(String(describing: error))")
        #expect(Fixtures.read(s.rootFile) == s.rootBefore, "root's file was rewritten")
    }

    /// The owner saving their own file meanwhile (a new file renamed into place) is no
    /// link: root's save merges with it as with any other writer.
    @Test func theOwnersOwnSaveMeanwhileIsMerged() throws {
        let s = try scene()
        defer { cleanUp(s) }
        let base = try SettingsStore.load(s.file)
        let theirs = s.home + "/sub/new.json"
        Fixtures.write(Fixtures.readyText.replacingFirst("\"Sign in to Acme", with: "\"Theirs: sign in to Acme"), to: theirs)
        chown(theirs, s.user.uid, s.user.gid)
        try s.asUser(["/bin/mv", theirs, s.file])
        guard case .saved(let saved, let kept) = try saveAsRoot(s, base: base) else { Issue.record("no conflict expected"); return }
        #expect(kept == ["atlassianApp.description"])
        #expect(saved.settings.text("atlassianApp.name") == "Saved by root")
    }
}
