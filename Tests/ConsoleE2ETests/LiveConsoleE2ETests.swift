import Foundation
import TestSupport
import Testing

/// Review's live actions in the real binary, in tmux, against the local HTTPS stand-in
/// (127.0.0.1 only, trusted through SSL_CERT_FILE). The key comes from each of its three
/// places: --api-key-file, CLERK_PLATFORM_API_KEY and the console's hidden prompt. Every
/// screen captured, the settings file, its history, any recovery file and the stand-in's
/// request log outside bodies are searched byte-wise for the secret and the key.
@Suite(.serialized, .enabled(if: TmuxSession.tmux != nil, "tmux is not installed: the console's end-to-end tests need it"))
struct LiveConsoleE2ETests {
    let standIn: StandIn
    let folder = TemporaryFolder.make("e2e-live")
    var file: String { folder + "/acme.json" }

    init() throws {
        standIn = try StandIn()
        // The instance's connection is off: the file (enabled) differs from it.
        try standIn.setConnection(["enabled": false])
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let json = try standIn.readySettings()
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o600)
    }

    /// The console on the file, with the stand-in's URLs and certificate; `key` nil starts
    /// it without CLERK_PLATFORM_API_KEY.
    func console(_ arguments: [String] = [], key: String? = StandIn.apiKey, jobControl: Bool = false) throws -> TmuxSession {
        try TmuxSession(
            ["edit", "acme.json"] + arguments, home: folder, environment: standIn.environment(key: key, timeout: 5), jobControl: jobControl)
    }

    func toReview(_ t: TmuxSession) throws {
        try t.wait(for: "acme-prod")
        for _ in 0..<6 { try t.keys("PgDn") }
        try t.wait(for: "[t] Test with Clerk and Atlassian")
    }

    /// Nothing any of it wrote or showed holds the secret or the key.
    func expectNothingLeaked(_ t: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        // The settings file holds its own client secret: only the key is looked for there.
        let settingsFile = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(!StandIn.keyIsIn(settingsFile), "the Platform API key is in the settings file", sourceLocation: sourceLocation)
        var places: [(String, Data)] = t.captures.enumerated().map { ("screen capture \($0.offset)", Data($0.element.utf8)) }
        for side in [".history.jsonl", ".recovered.json"] where FileManager.default.fileExists(atPath: file + side) {
            places.append((side, try Data(contentsOf: URL(fileURLWithPath: file + side))))
        }
        places += try standIn.logOutsideBodies().map { ("the request \($0.request.method) \($0.request.target) outside its body", $0.bytes) }
        for (what, bytes) in places {
            #expect(!TestSecret.isIn(bytes), "the secret is in \(what)", sourceLocation: sourceLocation)
            #expect(!StandIn.keyIsIn(bytes), "the Platform API key is in \(what)", sourceLocation: sourceLocation)
        }
    }

    /// A key file as --api-key-file takes it (mode 0600).
    func keyFile() throws -> String {
        try StandIn.writeKeyFile(folder + "/platform.key")
    }

    @Test func testShowsLiveFindingsAndAnEditMarksThemStale() throws {
        let t = try console()
        try toReview(t)
        try t.keys("t")
        let screen = try t.wait(for: "Live check at")
        #expect(screen.contains("The instance's enabled differ from"), "\(screen)")
        #expect(screen.contains("(live ") && screen.contains(" UTC): "))
        #expect(!screen.contains("clerk check was skipped"), "the key from CLERK_PLATFORM_API_KEY was used")
        let requests = try standIn.requests()
        #expect(requests.contains { $0.method == "POST" && $0.target == "/oauth/token" })
        #expect(requests.filter { $0.target.contains("/config") }.allSatisfy { $0.header("Authorization") == "Bearer " + StandIn.apiKey })
        // Sign-up and sign-in, which the connection's finding judged, turned off: that
        // finding is stale.
        try t.keys("C-p", "C-p")
        try t.wait(for: "▸✓ Credentials")
        for _ in 0..<5 { try t.keys("Tab") }
        try t.wait(timeout: 10, "the sign-up and sign-in toggle focused") { screen in
            screen.split(separator: "\n").contains { $0.contains("│ ▸ ") && $0.lowercased().contains("sign-up and sign-in") }
        }
        try t.keys("Space")
        try t.keys("C-n", "C-n")
        try t.wait(for: "stale: edited since")
        try t.keys("C-q")
        try t.wait(for: "Unsaved changes")
        try t.keys("n")
        try t.wait(for: "__EXIT=0")
        try expectNothingLeaked(t)
    }

    @Test func escStopsASlowCheckWhileResizesAndCtrlZWork() throws {
        try standIn.addFault(["path": "^/oauth/token", "delay": 20, "status": 400, "body": ["error": "invalid_request"]])
        // The key from a file: a stopped job's line, which the shell prints, shows how the
        // test started it (with the variables it set), never what the console read.
        let t = try console(["--api-key-file", try keyFile()], key: nil, jobControl: true)
        try toReview(t)
        try t.keys("t")
        try t.wait(for: "Testing with Clerk and Atlassian… Esc stops it.")
        try t.resize(width: 90, height: 28)
        try t.wait(timeout: 5, "the spinner at the new width") { screen in
            screen.contains("testing") && (screen.split(separator: "\n").first.map { $0.count <= 90 } ?? false)
        }
        try t.keys("C-z")
        try t.wait(for: "__STOPPED")
        try t.keys("Enter")
        try t.wait(for: "Esc stops it.")
        let began = Date()
        try t.keys("Escape")
        try t.wait(for: "Stopped the test with Clerk and Atlassian", timeout: 5)
        #expect(Date().timeIntervalSince(began) < 4, "Esc ended the waiting request at once")
        #expect(!(try t.screen()).contains("Live check at"))
        try t.keys("PgUp")
        try t.wait(for: "▸✓ Distribution")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        try expectNothingLeaked(t)
    }

    @Test func pushAsksForTheKeyShowsTheDryRunAndAppliesWithY() throws {
        let t = try console(key: nil)
        try toReview(t)
        try t.keys("p")
        try t.wait(for: "Key: (nothing typed yet)")
        try t.type(StandIn.apiKey)
        try t.wait(for: "Key: " + String(repeating: "•", count: 8))
        try t.keys("Enter")
        try t.wait(for: "• connection.enabled: false → true")
        let dialog = try t.screen()
        #expect(dialog.contains("• connection.clientSecret: will be replaced"), "\(dialog)")
        #expect(try standIn.connection()["enabled"] as? Bool == false, "nothing written before y")
        try t.keys("y")
        try t.wait(for: "Pushed to \(StandIn.app)/production")
        #expect(try standIn.connection()["enabled"] as? Bool == true)

        // Clerk's dry run with If-Match, then the write with the same If-Match.
        let patches = try standIn.requests().filter { $0.method == "PATCH" }
        #expect(patches.map(\.target).map { $0.contains("dry_run=true") } == [true, false], "\(patches.map(\.target))")
        #expect(patches.allSatisfy { $0.header("If-Match") != nil } && Set(patches.compactMap { $0.header("If-Match") }).count == 1)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.contains("\"via\": \"push\"") && history.contains("\"remote\": \"\(StandIn.app)/production\""), "\(history)")
        try t.keys("C-q")
        try t.wait(for: "__EXIT=0")
        try expectNothingLeaked(t)
    }
}
