import Foundation
import Testing

/// `set --client-secret-stdin` on a terminal turns echo off while the secret is typed.
/// Ctrl-C, SIGTERM or SIGHUP at that prompt must give the terminal back with echo on;
/// Ctrl-Z must give it back while stopped, and `fg` must turn echo off again with what
/// was typed before the suspend kept.
@Suite struct SecretPromptSignalTests {
    @Test(arguments: ["INT", "TERM", "HUP"])
    func aSignalAtTheHiddenPromptGivesTheEchoBack(_ signal: String) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        #expect(terminal.echoes)
        let child = try #require(terminal.spawn(CLI.binary, ["set", file, "--client-secret-stdin"]).map { Child(pid: $0) })
        defer { child.killIfRunning() }
        // The prompt is up once the terminal stops echoing.
        #expect(PseudoTerminal.poll { !terminal.echoes }, "echo never went off")
        terminal.type("half-typed")
        switch signal {
        case "INT": terminal.type("\u{03}")  // Ctrl-C, through the line discipline
        case "TERM": kill(child.pid, SIGTERM)
        default: kill(child.pid, SIGHUP)
        }
        #expect(child.ended(), "set did not end on SIG\(signal)")
        #expect(terminal.echoes, "echo is still off after SIG\(signal)")
        // Died of the signal, as the shell expects, rather than exiting as if it succeeded.
        #expect(child.diedOfSignal, "ended by a signal")
        #expect(try ws.read("s.json") == before, "nothing saved")
    }

    /// Ctrl-Z stops `set` at the prompt under a job-control shell; the test then does what
    /// an interactive shell does while a job is stopped (echo and line mode back on, pending
    /// input flushed) and lets the shell `fg` it. The prompt must be back with echo off,
    /// and the secret saved must be what was typed before and after the suspend.
    @Test func ctrlZAndFgKeepEchoOffAndTheTypedText() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let go = ws.path + "/fg-now"
        // A stopped job is only stopped (not left running) when its process group has a
        // parent in the session: a shell with job control, as operators have.
        let script = #"set -m; "$0" "$@"; while [ ! -e "$GO" ]; do sleep 0.02; done; fg >/dev/null"#
        let shell = try #require(
            terminal.spawn(
                "/bin/bash", ["-c", script, CLI.binary, "set", file, "--client-secret-stdin"],
                environment: ["GO": go]
            ).map { Child(pid: $0) })
        defer { shell.killIfRunning() }
        #expect(terminal.wait(for: "Client Secret (input hidden): "))
        #expect(PseudoTerminal.poll { !terminal.echoes }, "echo never went off")
        terminal.type("EXAMPLE-secret-")
        usleep(200_000)
        terminal.type("\u{1A}")  // Ctrl-Z
        #expect(terminal.wait(for: "Stopped"), "set did not stop on Ctrl-Z")
        #expect(terminal.echoes, "the terminal was not given back before stopping")
        // What an interactive shell does to the terminal while it has it.
        var sane = terminal.modes
        sane.c_lflag |= tcflag_t(ECHO | ICANON)
        tcsetattr(terminal.slave, TCSAFLUSH, &sane)
        let mark = terminal.output.count
        _ = FileManager.default.createFile(atPath: go, contents: nil)
        #expect(terminal.wait(for: "Client Secret (input hidden): ", from: mark), "the prompt was not shown again")
        #expect(PseudoTerminal.poll { !terminal.echoes }, "echo is on after fg")
        terminal.type("0123456789abcdefXYZW\n")
        #expect(shell.ended())
        terminal.drain()
        #expect(!terminal.text.contains("0123456789abcdef"), "the secret was echoed")
        let saved = try ws.json("s.json")["connection"] as? [String: Any]
        #expect(saved?["clientSecret"] as? String == "EXAMPLE-secret-0123456789abcdefXYZW", "typed text lost over the suspend")
    }
}

/// A paste longer than any secret at the hidden prompt: refused, and the rest of it read
/// and dropped before echo comes back, so none of it is shown nor left for the shell.
@Suite struct SecretPromptPasteTests {
    @Test func theRestOfAnOverlongPasteIsNeitherEchoedNorLeftForTheShell() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let child = try #require(terminal.spawn(CLI.binary, ["set", file, "--client-secret-stdin"]).map { Child(pid: $0) })
        defer { child.killIfRunning() }
        #expect(terminal.wait(for: "Client Secret (input hidden): "))
        #expect(PseudoTerminal.poll { !terminal.echoes }, "echo never went off")
        // 96 KiB, then a line a shell would run. Written as fast as the terminal takes it.
        let paste = Array((String(repeating: "A", count: 96 * 1024) + "\necho PWNED\n").utf8)
        var written = 0
        let deadline = Date().addingTimeInterval(15)
        while written < paste.count && Date() < deadline {
            let n = paste.withUnsafeBytes { write(terminal.master, $0.baseAddress! + written, min(4096, paste.count - written)) }
            if n > 0 { written += n } else { terminal.drain(); usleep(1000) }
        }
        #expect(child.ended(), "set did not end")
        #expect(child.exitCode == 2)
        terminal.drain()
        #expect(terminal.text.contains("longer than 64 KiB"), "\(terminal.text.suffix(300))")
        #expect(!terminal.text.contains("PWNED") && !terminal.text.contains(String(repeating: "A", count: 64)), "the rest of the paste was echoed")
        var pending: Int32 = 0
        _ = ioctl(terminal.slave, 0x541B, &pending)  // FIONREAD
        #expect(pending == 0, "\(pending) bytes of the paste were left for the shell")
        #expect(try ws.read("s.json") == before, "nothing saved")
    }
}
