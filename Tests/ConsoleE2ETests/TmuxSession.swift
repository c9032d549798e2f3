import TestSupport
import Foundation
import Testing

/// Runs the built console in a detached tmux server of its own (a unique socket, no
/// user config), with a pinned terminal: TERM=xterm-256color, LC_ALL=C.UTF-8,
/// ESCDELAY=25, a temp HOME, no LINES/COLUMNS. Tests drive it with send-keys and poll
/// capture-pane until the expected text shows: no fixed sleeps.
final class TmuxSession {
    static let tmux: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        return dirs.map { $0 + "/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var binary: String { BuiltBinary.path }

    static let pinnedEnvironment = ["TERM=xterm-256color", "LC_ALL=C.UTF-8", "ESCDELAY=25"]

    let socket = "social-console-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
    /// A temp folder that is HOME and the working folder (tests may share one).
    let home: String
    /// This session's own folder: its script and the pid files of what runs in the pane.
    let control: String
    /// Every screen captured so far: tests check none shows the secret.
    private(set) var captures: [String] = []

    /// Starts `arguments` (after the binary) in a 100x30 window. `environment` replaces
    /// the pinned variables of the same name; nil values unset them. `jobControl` runs it
    /// as an interactive shell does, as a job of its own: Ctrl-Z stops it, the pane shows
    /// `__STOPPED`, and Enter then brings it back with `fg`.
    init(
        _ arguments: [String], home: String? = nil, environment: [String: String?] = [:], width: Int = 100, height: Int = 30,
        jobControl: Bool = false
    ) throws {
        let folder = home ?? TemporaryFolder.make("e2e")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        self.home = folder
        control = TemporaryFolder.make("e2e-control")
        var env = Self.pinnedEnvironment.filter { pair in !environment.keys.contains(String(pair.prefix { $0 != "=" })) }
        // NO_COLOR and ACCESSIBLE too: the test runner's own environment may have them.
        var unset = ["LINES", "COLUMNS", "NO_COLOR", "ACCESSIBLE"].filter { environment[$0] == nil }
        for (key, value) in environment {
            if let value { env.append("\(key)=\(value)") } else { unset.append(key) }
        }
        // The console runs in the foreground of the pane; when it ends, the pane shows its
        // exit status and the terminal modes it left behind (stty -a).
        let quoted = ([Self.binary] + arguments).map(Self.shellQuote).joined(separator: " ")
        // A stopped job's status is 128 + SIGTSTP (148); bash's fg continues it.
        let script = """
            \(jobControl ? "set -m" : "")
            echo $$ > \(Self.shellQuote(control))/shell.pid
            cd \(Self.shellQuote(folder))
            sh -c 'echo $$ > \(Self.shellQuote(control))/console.pid; exec "$@"' sh env \(unset.map { "-u " + $0 }.joined(separator: " ")) \
            HOME=\(Self.shellQuote(folder)) \(env.map(Self.shellQuote).joined(separator: " ")) \(quoted)
            status=$?
            \(jobControl ? "while [ $status -eq 148 ]; do echo __STOPPED; read line; fg; status=$?; done" : "")
            echo "__EXIT=$status"
            stty -a
            exec sleep 600
            """
        try script.write(toFile: control + "/run.sh", atomically: true, encoding: .utf8)
        let shell = jobControl ? "bash --norc --noprofile " : "sh "
        try run(["new-session", "-d", "-x", String(width), "-y", String(height), shell + Self.shellQuote(control + "/run.sh")])
    }

    deinit {
        // kill-server alone is not enough where SIGHUP is ignored (inherited by the
        // pane): the pane's processes would keep the server alive. End them first.
        for (file, signal) in [("console.pid", SIGTERM), ("shell.pid", SIGKILL)] {
            if let text = try? String(contentsOfFile: control + "/" + file, encoding: .utf8),
                let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 1
            {
                kill(pid, signal)
            }
        }
        _ = try? run(["kill-server"])
        // A server that ends with its last pane can leave its socket file behind.
        let socketFolder = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(socketFolder)/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(atPath: control)
        try? FileManager.default.removeItem(atPath: home)
    }

    static func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs one tmux command and returns what it printed. posix_spawn and waitpid, not
    /// Foundation's Process: `new-session` leaves a daemon behind that inherits the
    /// descriptors Process watches, and Process then waits forever.
    @discardableResult
    func run(_ args: [String], output: Bool = false) throws -> String {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TERM"] = "xterm-256color"
        return try Self.spawn([Self.tmux!, "-L", socket, "-f", "/dev/null"] + args, environment: env, capture: output)
    }

    static func spawn(_ argv: [String], environment: [String: String], capture: Bool) throws -> String {
        var fds: [Int32] = [-1, -1]
        if capture {
            guard pipe(&fds) == 0 else { throw SpawnFailed() }
            // Close-on-exec, so the tmux server never holds the pipe open.
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
        if capture { close(fds[1]) }
        guard rc == 0 else { if capture { close(fds[0]) }; throw SpawnFailed() }
        var data = [UInt8]()
        if capture {
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = read(fds[0], &chunk, chunk.count)
                if n > 0 { data += chunk[0..<n] } else if n < 0 && errno == EINTR { continue } else { break }
            }
            close(fds[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    struct SpawnFailed: Error {}

    /// tmux key names: "Enter", "Tab", "BTab", "PgDn", "C-s", "F1", "Space", …
    func keys(_ names: String...) throws { try run(["send-keys"] + names) }

    /// Literal text, one character after another, as if typed.
    func type(_ text: String) throws { try run(["send-keys", "-l", "--", text]) }

    /// Text pasted with bracketed paste, as a terminal's paste does.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e"])
    }

    /// The modes a program turned on in the pane's terminal, as tmux keeps them: mouse
    /// reporting (1000, SGR 1006), keypad mode (application keypad and cursor keys), the
    /// alternate screen. All false once a program gave the terminal back.
    func modes() throws -> [String: Bool] {
        let names = ["mouse_standard_flag", "mouse_sgr_flag", "keypad_flag", "keypad_cursor_flag", "alternate_on"]
        let values = try run(["display-message", "-p", names.map { "#{\($0)}" }.joined(separator: " ")], output: true)
            .split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "1" }
        return Dictionary(uniqueKeysWithValues: zip(names, values))
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-x", String(width), "-y", String(height)])
    }

    func screen() throws -> String {
        let text = try run(["capture-pane", "-p"], output: true)
        captures.append(text)
        return text
    }

    /// Polls the screen until `condition` holds; fails with the last screen after `timeout`.
    @discardableResult
    func wait(
        timeout: Double = 10, _ what: String, sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (String) -> Bool
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(20_000)
        }
        Issue.record("timed out waiting for \(what); the screen was:\n\(last)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    @discardableResult
    func wait(for text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try wait(timeout: timeout, "\"\(text)\"", sourceLocation: sourceLocation) { $0.contains(text) }
    }

    struct TimedOut: Error {}

    /// The console's process id (it writes nothing itself: the wrapper records it).
    func consolePID() throws -> pid_t {
        let text = try String(contentsOfFile: control + "/console.pid", encoding: .utf8)
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))!
    }
}
