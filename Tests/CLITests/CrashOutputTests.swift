import TestSupport
import Foundation
import Testing

/// A crash of any command prints one line and exits 128 + the signal: no backtrace with
/// registers or memory (which held the secret read from stdin), and no carrying on.
@Suite struct CrashOutputTests {
    /// Whether `pid` has `path` open: `set` opens FILE.lock after it has read the secret.
    func holdsOpen(_ pid: pid_t, _ path: String) -> Bool {
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
        return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/fd/\($0)")) == path }
    }

    @Test(arguments: [SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGQUIT])
    func aCrashWhileHoldingTheSecretPrintsOneLineAndNoSecret(_ sig: Int32) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        // Hold the file's lock, so `set` waits with the secret in memory.
        let lock = open(file + ".lock", O_RDWR | O_CREAT, 0o600)
        #expect(flock(lock, LOCK_EX) == 0)
        defer { close(lock) }
        let set = try Spawned(["set", file, "--client-secret-stdin"], dir: ws.path)
        set.send(TestSecret.value + "\n")
        set.closeInput()
        let deadline = Date().addingTimeInterval(20)
        while !holdsOpen(set.pid, file + ".lock") && Date() < deadline { usleep(5_000) }
        #expect(holdsOpen(set.pid, file + ".lock"), "set reached the lock")
        kill(set.pid, sig)
        let r = try #require(set.wait(upTo: 20))
        #expect(set.exitedNormally, "ended by _exit, not by the signal (no core file)")
        #expect(r.code == 128 + sig)
        #expect(!TestSecret.isIn(Data(r.err.utf8)) && !TestSecret.isIn(Data(r.out.utf8)))
        #expect(r.err.hasPrefix("social-console: ") && r.err.filter { $0 == "\n" }.count == 1, "one line: \(r.err)")
        #expect(!r.err.contains("Thread") && !r.err.contains("0x"), "no backtrace or registers: \(r.err)")
        #expect((try ws.json("s.json")["connection"] as? [String: Any])?["clientSecret"] as? String != TestSecret.value, "nothing saved")
    }

    /// A crash while the hidden prompt has echo off leaves the terminal echoing again.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script for a terminal"))
    func aCrashDuringTheHiddenPromptRestoresEcho() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        // Inside a terminal: wait until the prompt turned echo off, crash it, then ask stty.
        let inner =
            "(until stty -a < /dev/tty | grep -q -- ' -echo '; do sleep 0.05; done; kill -SEGV \\$\\$) & exec \(CLI.binary) set \(file) --client-secret-stdin"
        let shell = "sh -c \"\(inner)\"; echo rc=$?; stty -a | grep -o -- ' -\\{0,1\\}echo '"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-q", "-e", "-c", shell, "/dev/null"]
        let out = Pipe(), input = Pipe()  // kept open: an end of input would answer the prompt
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try input.fileHandleForWriting.close()
        #expect(text.contains("rc=139"), "\(text)")
        #expect(text.contains(" echo ") && !text.contains(" -echo "), "echo is back on: \(text)")
    }
}
