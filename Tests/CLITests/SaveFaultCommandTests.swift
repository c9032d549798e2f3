import Foundation
import Testing

/// `set` meeting a full disk, a read-only file system, a folder it may not write and a
/// missing folder: one line on stderr naming the file and the cause, exit 2, the old file
/// byte-identical (secret intact), nothing left behind.
@Suite struct SaveFaultCommandTests {
    func expectCleanFailure(
        _ r: CLI.Result, file: String, cause: String, before: Data,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(r.code == 2, sourceLocation: sourceLocation)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count == 1, "one line: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(file), "names the file: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.err.contains(cause), "names the cause: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.out.isEmpty, sourceLocation: sourceLocation)
        #expect(FileManager.default.contents(atPath: file) == before, "the old file is intact", sourceLocation: sourceLocation)
        let dir = (file as NSString).deletingLastPathComponent
        let temps = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".tmp-") }
        #expect(temps.isEmpty, "left behind: \(temps)", sourceLocation: sourceLocation)
    }

    @Test func aFullDisk() throws {
        let ws = try Workspace()
        let disk = ws.path + "/disk"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        try Mounts.tmpfs(at: disk, kib: 256)
        defer { Mounts.unmount(disk) }
        let file = try ws.example("acme-prod.json", as: "disk/s.json")
        #expect(try CLI.run(["set", file, "instance.name=before-full"]).code == 0)
        let before = try #require(FileManager.default.contents(atPath: file))
        Mounts.fill(disk)
        let r = try CLI.run(["set", file, "atlassianApp.name=Too late", "--client-secret-stdin"], stdin: "new-secret-value-9876\n")
        expectCleanFailure(r, file: file, cause: "no space left on the device", before: before)
        #expect(!r.err.contains("new-secret-value"))
        // Space again: the same command works.
        try FileManager.default.removeItem(atPath: disk + "/filler")
        #expect(try CLI.run(["set", file, "atlassianApp.name=Now it fits"]).code == 0)
        #expect((try ws.json("disk/s.json")["atlassianApp"] as? [String: Any])?["name"] as? String == "Now it fits")
    }

    @Test func aReadOnlyFileSystem() throws {
        let ws = try Workspace()
        let source = ws.path + "/rw", view = ws.path + "/ro"
        try FileManager.default.createDirectory(atPath: source, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: view, withIntermediateDirectories: false)
        try ws.example("acme-prod.json", as: "rw/s.json")
        try Mounts.readOnlyBind(source, at: view)
        defer { Mounts.unmount(view) }
        let file = view + "/s.json"
        let before = try #require(FileManager.default.contents(atPath: file))
        let r = try CLI.run(["set", file, "instance.name=x"])
        expectCleanFailure(r, file: file, cause: "read-only file system", before: before)
        #expect(try CLI.run(["show", file]).code == 0, "reading still works")
    }

    @Test(.enabled(if: getuid() == 0, "needs root to run the command as another user"))
    func aFolderTheUserMayNotWriteAndAFileTheyMayNotRead() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json", as: "s.json", mode: 0o644)
        let before = try #require(FileManager.default.contents(atPath: file))
        // nobody may read the file (0644) but not write in the folder (root's, 0755).
        let nobody = (uid: 65534, gid: 65534)
        let set = try Spawned(["set", file, "instance.name=x"], user: nobody, dir: ws.path)
        guard let r = set.wait(upTo: 60) else { return }
        if r.err.contains("setpriv") { try Test.cancel("setpriv cannot switch users here: \(r.err)") }
        expectCleanFailure(r, file: file, cause: "permission denied", before: before)

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file)
        let show = try Spawned(["show", file], user: nobody, dir: ws.path)
        let s = try #require(show.wait(upTo: 60))
        #expect(s.code == 2)
        #expect(s.err.contains(file) && s.err.contains("cannot read: permission denied") && s.err.contains("file/unreadable"), "\(s.err)")
    }

    @Test func aMissingFolder() throws {
        let ws = try Workspace()
        let file = ws.path + "/no/such/folder/s.json"
        let r = try CLI.run(["init", file, "--environment", "production", "--redirect-uri", "https://x.example.com/v1/oauth_callback"])
        #expect(r.code == 2)
        #expect(r.err.split(separator: "\n").count == 1)
        #expect(r.err.contains(file) && r.err.contains("the folder \(ws.path)/no/such/folder does not exist"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/no"))
    }
}
