import TestSupport
import Foundation
import Testing

/// The real binary in a real terminal (tmux). Serialized: each test starts its own tmux
/// server, and two consoles drawing at once on 2 cores only make timing noisier.
@Suite(.serialized, .enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the console's end-to-end tests need it"))
struct ConsoleE2ETests {
    static let clientId = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6"
    static let redirect = "https://clerk.acme.com/v1/oauth_callback"

    /// Runs the binary outside tmux (for `init` and the no-terminal checks).
    static func run(_ args: [String], cwd: String, env: [String: String] = [:]) throws -> (code: Int32, out: String, err: String) {
        let output = try ProcessRun.run(TmuxSession.binary, args, cwd: cwd, environment: env)
        return (output.code, output.outText, output.errText)
    }

    static func tempFolder() throws -> String { TemporaryFolder.make("e2e") }

    static func json(_ path: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
    }

    /// The edits a recovery file keeps (beside the version of the file they were made to).
    static func recovered(_ path: String) throws -> [String: Any] {
        try json(path)["recoveredEdits"] as? [String: Any] ?? [:]
    }

    @Test func aNewUserTakesAProductionInstanceToReadyWithSpecsKeys() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let made = try Self.run(
            ["init", "acme.json", "--environment", "production", "--redirect-uri", Self.redirect, "--name", "acme-prod"], cwd: folder)
        #expect(made.code == 0, "init failed: \(made.err)")

        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.wait(for: "✗ Review")

        try t.keys("PgDn")
        try t.wait(for: "Settings tab")
        try t.type("Zoë & Jürgen 日本")
        try t.keys("Enter")
        try t.wait(for: "● unsaved")

        try t.keys("PgDn")
        try t.wait(for: "[ ] read:me")
        try t.keys("Space")
        try t.wait(for: "[x] read:me")

        try t.keys("C-n")
        try t.wait(for: "Use the instance's redirect URI")
        try t.keys("Tab", "Enter")
        try t.wait(for: "Added " + Self.redirect)

        try t.keys("PgDn")
        try t.wait(for: "Client Secret")
        try t.wait(for: "[x] Yes")  // init's default for production: Use custom credentials on
        try t.keys("Down")
        try t.type(Self.clientId)
        try t.keys("Enter")
        try t.wait(for: "▸ Client Secret")
        try t.paste(TestSecret.value + "\n")
        try t.wait(for: String(repeating: "•", count: 8))
        try t.keys("Enter", "Tab", "Space")  // Enabled; Sign-up and sign-in is on from init
        try t.wait(for: "✓ Credentials")

        try t.keys("PgDn")
        try t.wait(for: "(•) Not sharing")
        try t.keys("Space")
        try t.wait(for: "(•) Sharing")
        try t.keys("Tab")
        try t.type("Acme Inc.")
        try t.keys("Enter")
        try t.type("https://acme.com/privacy")
        try t.keys("Enter")
        try t.type("https://acme.com/terms")
        try t.keys("Enter", "Enter", "Space")
        try t.wait(for: "✓ Distribution")

        try t.keys("PgDn")
        try t.wait(for: "│ ready for production")
        try t.keys("C-s")
        try t.wait(for: "Saved acme.json")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")

        let saved = try Self.json(folder + "/acme.json")
        let app = saved["atlassianApp"] as! [String: Any]
        let connection = saved["connection"] as! [String: Any]
        #expect(app["name"] as? String == "Zoë & Jürgen 日本")
        #expect(app["scopes"] as? [String] == ["read:me"])
        #expect(app["callbackUrls"] as? [String] == [Self.redirect])
        #expect(connection["clientSecret"] as? String == TestSecret.value, "pasted, trailing newline stripped")
        #expect(connection["clientId"] as? String == Self.clientId)
        let mode = try FileManager.default.attributesOfItem(atPath: folder + "/acme.json")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let history = try String(contentsOfFile: folder + "/acme.json.history.jsonl", encoding: .utf8)
        #expect(history.contains("\"via\": \"console\""))
        #expect(!history.contains(TestSecret.value))
        let audit = try Self.run(["audit", "acme.json"], cwd: folder)
        #expect(audit.code == 0, "audit agrees: \(audit.out)")

        // Reopened: the same state, nothing to save, the secret still masked.
        let again = try TmuxSession(["edit", "acme.json"], home: folder)
        try again.wait(for: "✓ Distribution")
        try again.keys("PgDn", "PgDn", "PgDn", "PgDn")
        try again.wait(for: "••••••••XYZW")
        try again.keys("PgDn", "PgDn")
        try again.wait(for: "│ ready for production")
        try again.keys("F10")
        try again.wait(for: "__EXIT=0")

        for screen in t.captures + again.captures {
            #expect(!screen.contains(TestSecret.value) && !screen.contains("0123456789abcdef"), "the secret was on screen:\n\(screen)")
        }
    }

    @Test func editingKeysArriveFromARealTerminal() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        try t.type("xabcz")
        try t.keys("Home", "DC", "End", "BSpace", "Left", "BSpace")
        try t.keys("Enter")
        try t.wait(for: "▸ Environment")
        try t.keys("BTab")
        try t.wait(for: "▸ Name")
        try t.keys("Down", "Space")
        try t.wait(for: "(•) development")
        try t.keys("Up", "F2")
        try t.wait(for: "Saved new.json")
        try t.keys("F1")
        try t.wait(for: "Help: Instance")
        try t.keys("F1")
        try t.wait(for: "▸ Name")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        let saved = try Self.json(t.home + "/new.json")
        #expect((saved["instance"] as? [String: Any])?["name"] as? String == "ac")
    }

    @Test func colourOnlyWithoutNoColor() throws {
        func sgrCodes(_ environment: [String: String?]) throws -> String {
            let t = try TmuxSession(["edit", "new.json"], environment: environment)
            try t.wait(for: "│ Instance")
            let styled = try t.run(["capture-pane", "-p", "-e"], output: true)
            try t.keys("C-q")
            try t.wait(for: "__EXIT=0")
            return styled
        }
        // Foreground / background colours are SGR parameters 30-37 and 40-47.
        func usesColour(_ text: String) -> Bool {
            text.components(separatedBy: "\u{1B}[").dropFirst().contains { sequence in
                guard let end = sequence.firstIndex(of: "m") else { return false }
                return sequence[..<end].split(separator: ";").contains { Int($0).map { (30...37).contains($0) || (40...47).contains($0) } ?? false }
            }
        }
        let coloured = try sgrCodes([:])
        #expect(usesColour(coloured))
        let plain = try sgrCodes(["NO_COLOR": "1"])
        #expect(!usesColour(plain))
        #expect(plain.contains("\u{1B}[7m"), "reverse video instead")
    }

    @Test func resizingAtAnyMomentRedrawsDownToOneByOne() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        try t.keys("F1")
        try t.wait(for: "Help: Instance")
        try t.resize(width: 60, height: 16)
        try t.wait(for: "1/7 Instance")
        try t.keys("Escape")
        try t.resize(width: 30, height: 8)
        try t.wait(for: "window too small (need 40x10)")
        try t.resize(width: 1, height: 1)
        try t.wait("a 1x1 window") { $0.split(separator: "\n").first.map { $0.count <= 1 } ?? true }
        try t.resize(width: 100, height: 30)
        try t.wait(for: "│ Instance")
        try t.type("still alive")
        try t.wait(for: "still alive")
        try t.keys("C-q")
        try t.wait(for: "y Save   n Discard   Esc Cancel")
        try t.keys("n")
        try t.wait(for: "__EXIT=0")
        #expect(!FileManager.default.fileExists(atPath: t.home + "/new.json"), "Discard writes nothing")
    }

    @Test func ctrlLRepaintsAScreenAnotherProgramWroteOver() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        // As a `wall` message or a background job would: straight onto the console's terminal.
        let tty = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(try t.consolePID())/fd/1")
        let scribble = FileHandle(forWritingAtPath: tty)
        scribble?.write(Data("\u{1B}[20;40HSCRIBBLED-OVER".utf8))
        try scribble?.close()
        try t.wait(for: "SCRIBBLED-OVER")
        try t.keys("Tab")  // redraws only what changed: the scribble, in an empty area, stays
        try t.wait(for: "▸ Environment")
        #expect(try t.screen().contains("SCRIBBLED-OVER"))
        try t.keys("C-l")
        try t.wait("the scribble gone and the screen whole") { !$0.contains("SCRIBBLED") && $0.contains("│ Instance") && $0.contains("^Q Quit") }
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
    }

    @Test func ctrlZStopsTheConsoleAndFgBringsItBackWhole() throws {
        let t = try TmuxSession(["edit", "new.json"], jobControl: true)
        try t.wait(for: "│ Instance")
        try t.type("typed")
        try t.wait(for: "● unsaved")
        try t.keys("C-z")
        // Stopped, the terminal given back to the shell as it was.
        let shell = try t.wait(for: "__STOPPED")
        #expect(!shell.contains("│ Instance"), "the console's screen is gone while it is stopped")
        #expect(shell.contains(" icanon") || !shell.contains("-icanon"))
        #expect(Self.allOff(try t.modes()), "Ctrl-Z takes the way out any SIGTSTP takes")
        try t.keys("Enter")  // fg
        try t.wait(for: "│ Instance")
        try t.wait(for: "typed")
        try t.type("-more")
        try t.wait(for: "typed-more")
        try t.keys("C-q")
        try t.wait(for: "y Save   n Discard   Esc Cancel")
        try t.keys("n")
        try t.wait(for: "__EXIT=0")
    }

    @Test func sigtermRestoresTheTerminalAndKeepsTheEditsAside() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let original = "{\"schemaVersion\": 1, \"instance\": {\"name\": \"acme-prod\"}}\n"
        try original.write(toFile: folder + "/acme.json", atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json"], home: folder)
        try t.wait(for: "acme-prod")
        try t.type("-half-edited")
        try t.wait(for: "● unsaved")
        kill(try t.consolePID(), SIGTERM)
        try t.wait(for: "__EXIT=143")
        let screen = try t.wait(for: "iexten")  // stty's line of local modes
        #expect(screen.contains(" icanon") && !screen.contains("-icanon"), "canonical mode is back")
        #expect(screen.contains(" echo") && !screen.contains("-echo "), "echo is back")
        #expect(try String(contentsOfFile: folder + "/acme.json", encoding: .utf8) == original)
        // A shutdown's SIGTERM is no "discard": the edits wait in the recovery file.
        #expect(screen.contains("unsaved edits kept in acme.json.recovered.json"))
        let kept = try Self.recovered(folder + "/acme.json.recovered.json")
        #expect((kept["instance"] as? [String: Any])?["name"] as? String == "acme-prod-half-edited")
    }

    @Test func aCrashStillRestoresTheTerminal() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        kill(try t.consolePID(), SIGSEGV)
        try t.wait(for: "__EXIT=139")
        let screen = try t.wait(for: "iexten")
        #expect(screen.contains(" icanon") && !screen.contains("-icanon"))
        #expect(screen.contains(" echo") && !screen.contains("-echo "))
    }

    @Test func ctrlCLeavesWithoutSavingAndRestoresTheTerminal() throws {
        let t = try TmuxSession(["edit", "new.json"])
        try t.wait(for: "│ Instance")
        try t.type("typed")
        try t.wait(for: "● unsaved")
        try t.keys("C-c")
        try t.wait(for: "__EXIT=130")
        let screen = try t.wait(for: "iexten")
        #expect(screen.contains(" icanon") && !screen.contains("-icanon"))
        #expect(!FileManager.default.fileExists(atPath: t.home + "/new.json"))
    }

    @Test func readOnlyShowsTheScreensButEditsNothing() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let file = "{\"schemaVersion\": 1, \"connection\": {\"clientSecret\": \"\(TestSecret.value)\"}}\n"
        try file.write(toFile: folder + "/acme.json", atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "acme.json", "--read-only"], home: folder)
        try t.wait(for: "READ-ONLY")
        try t.type("x")
        try t.wait(for: "Read-only: opened with --read-only")
        try t.keys("PgDn", "PgDn", "PgDn", "PgDn", "Down", "Down", "C-r")
        try t.wait(for: "▸ Client Secret")
        try t.wait(for: "••••••••XYZW")
        try t.keys("C-s")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        #expect(try String(contentsOfFile: folder + "/acme.json", encoding: .utf8) == file)
        for screen in t.captures { #expect(!screen.contains("0123456789abcdef")) }
    }

    @Test func aBrokenFileIsRefusedBeforeTheScreenOpensAndLeftAlone() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        let broken = "{\n  \"instance\": {\"name\" \"x\"}\n}\n"
        try broken.write(toFile: folder + "/broken.json", atomically: true, encoding: .utf8)
        let t = try TmuxSession(["edit", "broken.json"], home: folder, width: 200)
        let screen = try t.wait(for: "__EXIT=2")
        #expect(screen.contains("broken.json:2:") && screen.contains("(file/invalid-json)"))
        #expect(try String(contentsOfFile: folder + "/broken.json", encoding: .utf8) == broken)
        let missing = try TmuxSession(["edit", "missing.json", "--read-only"], width: 200)
        #expect(try missing.wait(for: "__EXIT=2").contains("file/not-found"))
    }

    @Test func refusesWithoutAUsableTerminalInOneLine() throws {
        let folder = try Self.tempFolder()
        defer { TemporaryFolder.remove(folder) }
        // Piped standard input and output: no hang, one line, exit 2.
        let started = Date()
        let piped = try Self.run(["edit", "x.json"], cwd: folder, env: ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8"])
        #expect(piped.code == 2)
        #expect(piped.err.split(separator: "\n").count == 1 && piped.err.contains("not a terminal"))
        #expect(Date().timeIntervalSince(started) < 5)

        // (A locale that is not UTF-8 no longer refuses: theCLocaleDoesNotStopTheConsole.)
        // (TERM=dumb starts plain mode: PlainModeTests.theEnvironmentStartsPlainMode.)
        for (env, expected) in [(["TERM": String?.none], "TERM is not set")] {
            let t = try TmuxSession(["edit", "x.json"], environment: env, width: 200)
            let screen = try t.wait(for: "__EXIT=2")
            #expect(screen.contains(expected))
            let before = screen.components(separatedBy: "__EXIT=2")[0].split(separator: "\n").filter { !$0.isEmpty }
            #expect(before.count == 1, "one line: \(before)")
        }
    }
}
