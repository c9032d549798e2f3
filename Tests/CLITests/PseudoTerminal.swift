import TestSupport
import Foundation
import Testing

/// A pseudo-terminal of the test's own, for the hidden prompt and plain mode. The test
/// keeps both ends: it types into the master, reads all that reaches the screen, and
/// looks at the modes on the slave. Output processing is off (no "\n" → "\r\n"), so the
/// bytes read are exactly the program's own and the line discipline's echo.
final class PseudoTerminal {
    let master: Int32
    let slave: Int32
    let name: String
    /// Everything read from the master so far.
    private(set) var output: [UInt8] = []

    init() throws {
        // posix_openpt and friends are hidden from Swift without _XOPEN_SOURCE; these
        // are the Linux ioctls they wrap (TIOCSPTLCK, TIOCGPTN: the same numbers on
        // x86_64 and arm64, and not imported either).
        let TIOCSPTLCK: UInt = 0x4004_5431, TIOCGPTN: UInt = 0x8004_5430
        // Close-on-exec: a child holding the master would keep the terminal from hanging up
        // when the test closes it.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0, ioctl(master, TIOCSPTLCK, &unlock) == 0, ioctl(master, TIOCGPTN, &number) == 0 else {
            try Test.cancel("no pseudo-terminals here")
        }
        name = "/dev/pts/\(number)"
        slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        var t = termios()
        tcgetattr(slave, &t)
        t.c_lflag |= tcflag_t(ECHO | ICANON | ISIG)
        t.c_oflag &= ~tcflag_t(OPOST)
        tcsetattr(slave, TCSANOW, &t)
    }

    /// What the console is started with on these terminals: colour, UTF-8, a short Esc delay.
    static let consoleEnvironment = ["TERM": "xterm-256color", "LC_ALL": "C.UTF-8", "ESCDELAY": "25"]

    /// The console (`CLI.binary` with `arguments`) started on this terminal at 100x30, as
    /// the console benchmark runs it; killed by the caller's `killIfRunning` if left running.
    func startConsole(_ arguments: [String]) throws -> Child {
        resize(rows: 30, columns: 100)
        return try #require(spawn(CLI.binary, arguments, environment: PseudoTerminal.consoleEnvironment).map { Child(pid: $0) })
    }

    /// The size a program started on this terminal reads (TIOCGWINSZ).
    func resize(rows: UInt16, columns: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
    }

    var echoes: Bool { modes.c_lflag & tcflag_t(ECHO) != 0 }

    var modes: termios {
        var t = termios()
        tcgetattr(slave, &t)
        return t
    }

    /// Types `text` (control characters included: 0x03 is Ctrl-C through the line discipline).
    func type(_ text: String) {
        _ = Array(text.utf8).withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads what is waiting on the master, without blocking.
    func drain() {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            output += chunk[..<n]
        }
    }

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Waits until the output after byte `from` contains `expected`.
    @discardableResult
    func wait(for expected: String, from: Int = 0, seconds: Double = 20) -> Bool {
        PseudoTerminal.poll(seconds: seconds) {
            drain()
            return String(decoding: output.dropFirst(from), as: UTF8.self).contains(expected)
        }
    }

    func close() {
        Glibc.close(slave)
        Glibc.close(master)
    }

    static func poll(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return false
    }

    /// Starts `executable` as the leader of a new session with this terminal as its
    /// controlling terminal and its standard input, output and error, with default signal
    /// handling and no shell in between (an interactive shell puts the modes back itself
    /// after a job dies of a signal and would hide a bug).
    func spawn(_ executable: String, _ args: [String], environment: [String: String] = [:]) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid and without O_NOCTTY: it becomes the controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, name, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The test runner's threads block some signals and a child inherits the mask.
        var none = sigset_t(), defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        for sig in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT] { sigaddset(&defaults, sig) }
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let POSIX_SPAWN_SETSID: Int32 = 0x80  // glibc's value; hidden from Swift without _GNU_SOURCE
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID))
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        for (k, v) in environment { env[k] = v }
        var cEnv = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cEnv.forEach { free($0) } }
        var cArgs = ([executable] + args).map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, &attributes, &cArgs, &cEnv) == 0 else { return nil }
        return pid
    }
}

/// A spawned child that is killed if the test leaves it running.
final class Child {
    let pid: pid_t
    private(set) var status: Int32 = 0

    init(pid: pid_t) { self.pid = pid }

    /// Waits up to `seconds` for it to end.
    func ended(within seconds: Double = 20) -> Bool {
        var s: Int32 = 0
        let pid = self.pid
        let done = PseudoTerminal.poll(seconds: seconds) { waitpid(pid, &s, WNOHANG) == pid }
        if done { status = s }
        return done
    }

    func killIfRunning() {
        var s: Int32 = 0
        if waitpid(pid, &s, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &s, 0)
        }
    }

    var diedOfSignal: Bool { status & 0x7F != 0 && status & 0x7F != 0x7F }
    var exitCode: Int32 { (status >> 8) & 0xFF }
}
