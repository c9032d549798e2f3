import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Reads the client secret from standard input. On a terminal it prompts with echo
/// turned off; from a pipe it reads everything. One trailing line break is removed.
enum SecretInput {
    static let limit = 64 * 1024

    /// Why no secret was read; the message never quotes the input.
    enum Refusal: Error {
        case empty, tooLong, notUTF8

        var message: String {
            switch self {
            case .empty: return "no client secret on standard input"
            case .tooLong: return "the client secret on standard input is longer than \(SecretInput.limit / 1024) KiB (the wrong file piped in?)"
            case .notUTF8: return "the client secret on standard input is not UTF-8 text"
            }
        }
    }

    static func read() -> Result<String, Refusal> {
        let interactive = isatty(0) == 1
        var saved = termios()
        var previousHandlers: [(Int32, sigaction)] = []
        if interactive {
            writeStandardError("Client Secret (input hidden): ")
            tcgetattr(0, &saved)
            TerminalRestore.saved = saved
            // Ctrl-C, a closed terminal or a kill while the prompt waits must not leave the
            // operator's terminal without echo.
            previousHandlers = TerminalRestore.install()
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if interactive {
                tcsetattr(0, TCSAFLUSH, &saved)
                TerminalRestore.uninstall(previousHandlers)
                writeStandardError("\n")
            }
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while bytes.count <= limit {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if interactive && bytes.contains(0x0A) { break }
        }
        if bytes.count > limit { return .failure(.tooLong) }
        guard var text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        text = TextInput.droppingOneLineBreak(text)
        return text.isEmpty ? .failure(.empty) : .success(text)
    }
}

/// Puts the terminal back as it was if a signal ends the process during the hidden prompt.
/// The handler does only async-signal-safe work (tcsetattr, write, signal, raise), then
/// dies of the same signal so the shell sees the usual status.
enum TerminalRestore {
    nonisolated(unsafe) static var saved = termios()
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    static func install() -> [(Int32, sigaction)] {
        var previous: [(Int32, sigaction)] = []
        // Blocked (inherited from whatever started us), they would wait until after the
        // prompt, and Ctrl-C would not end it.
        Signals.unblock(signals)
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                tcsetattr(0, TCSANOW, &TerminalRestore.saved)
                var newline: UInt8 = 0x0A  // on the stack: no allocation in a signal handler
                _ = write(2, &newline, 1)
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            var old = sigaction()
            sigaction(sig, &action, &old)
            previous.append((sig, old))
        }
        return previous
    }

    static func uninstall(_ previous: [(Int32, sigaction)]) {
        for (sig, old) in previous {
            var old = old
            sigaction(sig, &old, nil)
        }
    }
}
