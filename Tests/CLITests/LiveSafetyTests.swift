import Foundation
import TestSupport
import Testing

/// What an attacker or a crash could get: kill -9 during a pull, the secret and the key in
/// any process's command line or environment, a machine without libcurl.
@Suite struct LiveSafetyTests {
    /// The program started on `arguments` against `live`'s stand-in (its key in the
    /// environment), its output thrown away, not waited for.
    static func started(_ arguments: [String], _ live: LiveCLI) throws -> Process {
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in live.standIn.environment() { environment[k] = v }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func killDuringPullLeavesTheFileWhole() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        try live.standIn.update { $0["latency"] = 0.05 }
        var generator = SplitMix64(seed: 0x9_0111)
        for i in 0..<25 {
            try live.standIn.setConnection(["enabled": i % 2 == 0])
            let process = try Self.started(["pull", file], live)
            usleep(UInt32.random(in: 20_000...160_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let json = try #require(try? live.ws.json("acme.json"), "iteration \(i): FILE is not whole")
            #expect((json["connection"] as? [String: Any])?["clientSecret"] as? String == TestSecret.value)
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: live.ws.path).filter { $0.contains(".tmp-") }
        #expect(left.count <= 1, "temporary files pile up: \(left)")
        _ = try live.history(file)
    }

    /// The key is a secret of every output sink, not only of what Clerk says back: a file
    /// named after it (as a file named after its own client secret) is shown masked by
    /// `verify` in every format. `run` searches all output for the key.
    @Test func aFileNamedAfterTheKeyIsShownMasked() throws {
        let live = try LiveCLI()
        let file = try live.readyFile(StandIn.apiKey + ".json")
        for format in ["text", "json", "jsonl"] {
            let r = try live.run(["verify", file, "--format", format])
            #expect(r.out.contains("••••••••"), "\(format): \(r.out.prefix(300))")
        }
    }

    /// A file named after its own client secret is read by its real name (verify read it
    /// again by the masked one and said it was not found) and shown masked.
    @Test func aFileNamedAfterItsOwnSecretIsVerifiedAndShownMasked() throws {
        let live = try LiveCLI()
        let file = try live.readyFile(TestSecret.value + ".json")
        for format in ["text", "json", "jsonl"] {
            let r = try live.run(["verify", file, "--format", format])
            #expect(r.code == 0 && !r.out.contains("not found") && r.out.contains("••••••••"), "\(format): \(r.code) \(r.out.prefix(300))\(r.err)")
        }
    }

    @Test func noChildEverHoldsTheKeyOrTheSecret() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        // Slow answers, so the process is looked at while it works.
        try live.standIn.update { $0["latency"] = 0.4 }
        for command in [["verify", file], ["pull", file], ["push", file, "--yes"]] {
            let process = try Self.started(command, live)
            let pid = process.processIdentifier
            let cmdline = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline"))
            LiveCLI.expectNoSecrets(cmdline, "the command line of \(command[0])")
            var seen = 0
            while process.isRunning {
                for child in Self.children(of: pid) {
                    seen += 1
                    for part in ["cmdline", "environ"] {
                        if let data = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(child)/\(part)")) {
                            LiveCLI.expectNoSecrets(data, "/proc/\(child)/\(part), a child of \(command[0])")
                        }
                    }
                }
                usleep(20_000)
            }
            #expect(seen == 0, "\(command[0]) started no program")
        }
    }

    /// unsetenv leaves the variable's bytes in the block /proc/PID/environ shows; they are
    /// wiped once read, while the command still works with the key.
    @Test func theKeyIsWipedFromTheProcesssOwnEnvironmentOnceRead() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        try live.standIn.update { $0["latency"] = 0.4 }
        #expect(live.standIn.environment()["CLERK_PLATFORM_API_KEY"] != nil, "the stand-in gives the key in the environment")
        let process = try Self.started(["verify", file], live)
        // The first request has come: the key was read long before.
        #expect(PseudoTerminal.poll(seconds: 20) { ((try? live.standIn.requests()) ?? []).count > 0 })
        let environ = try Data(contentsOf: URL(fileURLWithPath: "/proc/\(process.processIdentifier)/environ"))
        process.waitUntilExit()
        LiveCLI.expectNoSecrets(environ, "the command's own /proc/PID/environ")
        #expect(process.terminationStatus == 0, "verify still worked with the key")
    }

    @Test func aServerThatSendsTheKeyBackAsTheClientIDIsRefusedAndNothingIsWritten() throws {
        // Recorded, the key would sit in FILE as its Client ID, in a file people share; and
        // quoted, in pull's and push's remote → file lines (`run` searches every output).
        let live = try LiveCLI()
        let file = try live.readyFile()
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        try live.standIn.setConnection(["client_id": StandIn.apiKey])
        for command in [["pull", file], ["pull", file, "--dry-run"], ["push", file, "--dry-run"]] {
            let r = try live.run(command)
            #expect(r.code == 2 && r.err.contains("clerk/unexpected") && r.err.contains("client_id"), "\(command): \(r.out)\(r.err)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before, "FILE untouched")
    }

    static func children(of pid: Int32) -> [Int32] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.flatMap { task -> [Int32] in
            let text = (try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/children", encoding: .utf8)) ?? ""
            return text.split(separator: " ").compactMap { Int32($0) }
        }
    }

    @Test func withoutLibcurlTheLiveCommandsSayOneLineAndTheRestWorks() throws {
        // libcurl made unloadable in a mount namespace of the test's own: needs root.
        guard getuid() == 0, FileManager.default.fileExists(atPath: "/usr/bin/unshare") else {
            try Test.cancel("hiding libcurl needs root and unshare(1)")
        }
        let live = try LiveCLI()
        let file = try live.readyFile()
        let libraries = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/lib/x86_64-linux-gnu"]
        let found = libraries.map { $0 + "/libcurl.so.4" }.filter { FileManager.default.fileExists(atPath: $0) }
        let hide = found.map { "mount --bind /dev/null '\($0)'" }.joined(separator: " && ")
        let script = "\(hide) && '\(CLI.binary)' verify '\(file)'; echo \"exit $?\"; '\(CLI.binary)' audit '\(file)' >/dev/null; echo \"audit $?\""
        let r = try ProcessRun.run("/usr/bin/unshare", ["-m", "sh", "-c", script], environment: live.standIn.environment())
        if r.errText.contains("unshare failed") || r.errText.contains("Operation not permitted") {
            try Test.cancel("mount namespaces are not permitted here")
        }
        #expect(r.outText.contains("exit 2") && r.outText.contains("audit 0"), "\(r.outText)\(r.errText)")
        let lines = r.errText.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains("need libcurl"), "\(r.errText)")
    }
}
