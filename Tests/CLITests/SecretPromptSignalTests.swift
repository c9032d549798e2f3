import Foundation
import Testing

/// `set --client-secret-stdin` on a terminal turns echo off while the secret is typed.
/// Ctrl-C, SIGTERM or SIGHUP at that prompt must give the terminal back with echo on.
/// `set` runs on a pseudo-terminal of the test's own, as the leader of a new session with
/// that terminal as its controlling terminal, and no shell in between: an interactive
/// shell puts the modes back itself after a job dies of a signal and would hide the bug.
@Suite struct SecretPromptSignalTests {
    /// A pseudo-terminal; the test keeps both ends open to watch the modes.
    struct Terminal {
        let master: Int32
        let slave: Int32
        let name: String

        init() throws {
            // posix_openpt and friends are hidden from Swift without _XOPEN_SOURCE; these
            // are the Linux ioctls they wrap (TIOCSPTLCK, TIOCGPTN: the same numbers on
            // x86_64 and arm64, and not imported either).
            let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var unlock: Int32 = 0, number: UInt32 = 0
            guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
                try Test.cancel("no pseudo-terminals here")
            }
            name = "/dev/pts/\(number)"
            slave = open(name, O_RDWR | O_NOCTTY)
            var t = termios()
            tcgetattr(slave, &t)
            t.c_lflag |= tcflag_t(ECHO | ICANON | ISIG)
            tcsetattr(slave, TCSANOW, &t)
        }

        var echoes: Bool {
            var t = termios()
            tcgetattr(slave, &t)
            return t.c_lflag & tcflag_t(ECHO) != 0
        }

        func close() {
            Glibc.close(slave)
            Glibc.close(master)
        }
    }

    /// Starts `set` in a new session on the terminal, with default signal handling.
    static func spawnOnTerminal(_ terminal: Terminal, args: [String]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid and without O_NOCTTY: it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, terminal.name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads block some signals and a child inherits the mask.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let POSIX_SPAWN_SETSID: Int32 = 0x80  // glibc's value; hidden from Swift without _GNU_SOURCE
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID))
        let argv = [CLI.binary] + args
        var cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, CLI.binary, &actions, &attributes, &cArgs, environ) == 0 else { return nil }
        return pid
    }

    static func poll(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }

    @Test(arguments: ["INT", "TERM", "HUP"])
    func aSignalAtTheHiddenPromptGivesTheEchoBack(_ signal: String) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-staging.json", as: "s.json")
        let before = try ws.read("s.json")
        let terminal = try Terminal()
        defer { terminal.close() }
        #expect(terminal.echoes)
        let pid = try #require(Self.spawnOnTerminal(terminal, args: ["set", file, "--client-secret-stdin"]))
        var status: Int32 = 0
        defer { if waitpid(pid, &status, WNOHANG) == 0 { kill(pid, SIGKILL); waitpid(pid, &status, 0) } }
        // The prompt is up once the terminal stops echoing.
        #expect(Self.poll { !terminal.echoes }, "echo never went off")
        _ = Array("half-typed".utf8).withUnsafeBytes { write(terminal.master, $0.baseAddress, $0.count) }
        switch signal {
        case "INT": _ = [UInt8(3)].withUnsafeBytes { write(terminal.master, $0.baseAddress, 1) }  // Ctrl-C, through the line discipline
        case "TERM": kill(pid, SIGTERM)
        default: kill(pid, SIGHUP)
        }
        #expect(Self.poll { waitpid(pid, &status, WNOHANG) == pid }, "set did not end on SIG\(signal)")
        #expect(terminal.echoes, "echo is still off after SIG\(signal)")
        // Died of the signal, as the shell expects, rather than exiting as if it succeeded.
        #expect(status & 0x7F != 0, "ended by a signal")
        #expect(try ws.read("s.json") == before, "nothing saved")
    }
}
