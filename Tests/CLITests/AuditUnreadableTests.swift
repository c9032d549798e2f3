import TestSupport
import Foundation
import Testing

/// `audit` never passes over what it cannot read: each unreadable folder or file is an
/// error entry, and the exit code is 2. Root reads everything, so this runs as a second user.
@Suite(.enabled(if: TestUser.isAvailable, "\(TestUser.unavailableReason ?? "")"))
struct AuditUnreadableTests {
    @Test func unreadableFoldersAndFilesAreErrorEntries() throws {
        let ws = try Workspace()
        let user = try #require(TestUser.make())
        defer { user.remove() }
        chmod(ws.path, 0o755)
        let fm = FileManager.default
        try fm.createDirectory(atPath: ws.path + "/fleet/locked", withIntermediateDirectories: true)
        chmod(ws.path + "/fleet", 0o755)
        let ok = try ws.example("acme-prod.json", as: "fleet/ok.json", mode: 0o644)
        try ws.example("acme-prod.json", as: "fleet/locked/hidden.json", mode: 0o644)
        try ws.example("acme-prod.json", as: "fleet/private.json", mode: 0o600)
        chmod(ws.path + "/fleet/locked", 0o700)  // root's, unreadable to the user
        let run = try Spawned(["audit", ws.path + "/fleet", "--format", "json"], user: (Int(user.uid), Int(user.gid)), dir: "/tmp")
        let r = try #require(run.wait(upTo: 60))
        #expect(r.code == 2, "\(r.out) \(r.err)")
        let top = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        let files = try #require(top["files"] as? [[String: Any]])
        let errors = files.compactMap { f -> String? in (f["error"] as? [String: Any]).map { _ in f["path"] as! String } }
        #expect(Set(errors) == [ws.path + "/fleet/locked", ws.path + "/fleet/private.json"], "\(files)")
        #expect(files.contains { $0["path"] as? String == ok && $0["error"] == nil })
        let text = try #require(try Spawned(["audit", ws.path + "/fleet"], user: (Int(user.uid), Int(user.gid)), dir: "/tmp").wait(upTo: 60))
        #expect(text.code == 2)
        #expect(text.out.contains("cannot read the folder: permission denied"), "\(text.out)")
    }
}
