import TestSupport
import Foundation
import Testing

/// Faults around a real terminal and a shared file: the terminal closing with unsaved
/// edits, and someone else saving the file while the console has it open.
extension ConsoleE2ETests {
    static let acme = """
        {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production"},
         "connection": {"clientSecret": "\(TestSecret.value)"}}

        """

    static func mode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }

    /// Polls for a file for up to 10 s (a closed terminal shows nothing to wait for).
    static func waitForFile(_ path: String) -> Bool {
        for _ in 0..<500 {
            if FileManager.default.fileExists(atPath: path) { return true }
            usleep(20_000)
        }
        return false
    }

    /// A console on a new acme.json with `typed` added to the name but not confirmed
    /// with Enter: the text being typed must be kept too.
    static func editing(_ typed: String) throws -> (t: TmuxSession, folder: String, file: String, recovered: String) {
        let folder = try tempFolder()
        let file = folder + "/acme.json"
        try acme.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.type(typed)
        try t.wait(for: "● unsaved")
        return (t, folder, file, file + ".recovered.json")
    }

    @Test func aHangupKeepsUnsavedEditsAndTheNextLaunchOffersThemBack() throws {
        let (t, folder, file, recovered) = try Self.editing("-edited")
        kill(try t.consolePID(), SIGHUP)
        try t.wait(for: "__EXIT=129")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme, "the file itself is untouched")
        let kept = try Self.recovered(recovered)
        #expect((kept["instance"] as? [String: Any])?["name"] as? String == "acme-prod-edited")
        #expect((kept["connection"] as? [String: Any])?["clientSecret"] as? String == TestSecret.value)
        #expect(try Self.mode(recovered) == 0o600, "it holds the secret")

        // The next launch offers them; restoring makes them unsaved edits, saving removes the recovery.
        let again = try TmuxSession(["edit", "acme.json"], home: folder)
        try again.wait(for: "Recovered edits")
        try again.wait(for: "r Restore   d Discard   Esc Later")
        try again.keys("r")
        try again.wait(for: "acme-prod-edited")
        try again.wait(for: "● unsaved")
        try again.keys("C-s")
        try again.wait(for: "Saved acme.json")
        #expect(!FileManager.default.fileExists(atPath: recovered))
        try again.keys("C-q")
        try again.wait(for: "__EXIT=0")
        #expect((try Self.json(file)["instance"] as? [String: Any])?["name"] as? String == "acme-prod-edited")
        for screen in t.captures + again.captures { #expect(!screen.contains("0123456789abcdef")) }
    }

    @Test func closingTheTerminalWindowKeepsTheEditsToo() throws {
        let (t, _, file, recovered) = try Self.editing("-closed")
        // The terminal itself dies (as when an SSH connection drops or the emulator is
        // killed): its side of the pty closes and the console's reads hit a hangup.
        let console = try t.consolePID()
        let server = try t.run(["display-message", "-p", "#{pid}"], output: true)
        kill(pid_t(server.trimmingCharacters(in: .whitespacesAndNewlines))!, SIGKILL)
        #expect(Self.waitForFile(recovered), "no recovery file after the terminal closed")
        var ended = false
        for _ in 0..<250 where !ended { ended = kill(console, 0) != 0; usleep(20_000) }
        #expect(ended, "the console ends instead of reading a dead terminal forever")
        #expect((try Self.recovered(recovered)["instance"] as? [String: Any])?["name"] as? String == "acme-prod-closed")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme)
    }

    @Test func declinedDamagedAndReadOnlyRecoveries() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let file = folder + "/acme.json", recovered = file + ".recovered.json"
        try Self.acme.write(toFile: file, atomically: true, encoding: .utf8)
        let kept = Self.acme.replacingOccurrences(of: "acme-prod", with: "acme-kept")
        try kept.write(toFile: recovered, atomically: true, encoding: .utf8)

        // Read-only offers nothing and touches nothing, but says the edits wait.
        let viewer = try TmuxSession(["edit", "acme.json", "--read-only"], home: folder)
        try viewer.wait(for: "Recovered edits wait in acme.json.recovered.json")
        try viewer.keys("C-q")
        try viewer.wait(for: "__EXIT=0")
        #expect(FileManager.default.fileExists(atPath: recovered))

        // Discard removes it; the file keeps its own values.
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "Recovered edits")
        try t.keys("d")
        try t.wait(for: "Discarded the recovered edits")
        #expect(!FileManager.default.fileExists(atPath: recovered))
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")

        // Restored, then discarded at quit: the operator dropped those edits, so they go.
        try kept.write(toFile: recovered, atomically: true, encoding: .utf8)
        let q = try TmuxSession(["edit", "acme.json"], home: folder)
        try q.wait(for: "Recovered edits")
        try q.keys("r")
        try q.wait(for: "acme-kept")
        try q.keys("C-q")
        try q.wait(for: "y Save   n Discard   Esc Cancel")
        try q.keys("n")
        try q.wait(for: "__EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: recovered))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme)

        // A damaged one is reported and left for the operator to look at.
        let damaged = "{\"schemaVersion\": 1, \"instance\": {"
        try damaged.write(toFile: recovered, atomically: true, encoding: .utf8)
        let d = try TmuxSession(["edit", "acme.json"], home: folder, width: 160)
        try d.wait(for: "acme.json.recovered.json cannot be restored")
        try d.wait(for: "file/invalid-json")
        try d.keys("C-q")
        try d.wait(for: "__EXIT=0")
        #expect(try String(contentsOfFile: recovered, encoding: .utf8) == damaged)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme)
    }

    @Test func someoneElsesSaveIsNoticedAndTheOperatorChoosesReloadOrASide() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let file = folder + "/acme.json"
        try Self.acme.write(toFile: file, atomically: true, encoding: .utf8)
        func name() throws -> String? { (try Self.json(file)["instance"] as? [String: Any])?["name"] as? String }

        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.type("-mine")
        #expect(try Self.run(["set", "acme.json", "instance.name=theirs"], cwd: folder).code == 0)
        try t.wait(for: "! changed on disk")
        try t.keys("C-s")
        try t.wait(for: "instance.name   ? choose t or y")
        try t.wait(for: "old \"acme-prod\"  theirs \"theirs\"  yours \"acme-prod-mine\"")
        try t.keys("Escape")
        try t.wait(for: "your edits are kept")
        #expect(try name() == "theirs", "Cancel writes nothing")

        // Reload: their file replaces the edits.
        try t.keys("C-s")
        try t.wait(for: "Changed on disk")
        try t.keys("r")
        try t.wait(for: "Reloaded acme.json from disk")
        try t.wait(for: "theirs")
        #expect(try !t.screen().contains("changed on disk"))

        // Their change to another key is merged, not reverted, from the quit dialog too.
        try t.keys("End")
        try t.type("-and-mine")
        #expect(try Self.run(["set", "acme.json", "instance.environment=development"], cwd: folder).code == 0)
        try t.keys("C-q")
        try t.wait(for: "y Save   n Discard   Esc Cancel")
        try t.keys("y")
        try t.wait(for: "__EXIT=0")
        #expect(try name() == "theirs-and-mine")
        #expect(
            (try Self.json(file)["instance"] as? [String: Any])?["environment"] as? String == "development",
            "their change to another key was reverted")
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.split(separator: "\n").count == 3, "two sets and the console's save:\n\(history)")
    }

    @Test func aConsoleWithNothingUnsavedFollowsTheFileOnDisk() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let file = folder + "/acme.json"
        try Self.acme.write(toFile: file, atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder, width: 140)
        let viewer = try TmuxSession(["edit", "acme.json", "--read-only"], home: folder, width: 140)
        try t.wait(for: "acme-prod")
        try viewer.wait(for: "acme-prod")

        #expect(try Self.run(["set", "acme.json", "instance.name=theirs"], cwd: folder).code == 0)
        for session in [t, viewer] {
            try session.wait(for: "Reloaded acme.json: it was changed on disk")
            try session.wait(for: "theirs")
        }
        // Someone writing the file in place, caught half way: what is shown stays.
        try "{\"schemaVersion\": 1, \"instance\": {".write(toFile: file, atomically: false, encoding: .utf8)
        try viewer.wait(for: "acme.json changed on disk and cannot be read now")
        #expect(try viewer.screen().contains("theirs"))
        try Self.acme.write(toFile: file, atomically: false, encoding: .utf8)
        try viewer.wait(for: "acme-prod")
        try t.wait(for: "acme-prod")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        try viewer.keys("C-q")
        try viewer.wait(for: "__EXIT=0")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == Self.acme, "following the file never writes it")
    }
}
