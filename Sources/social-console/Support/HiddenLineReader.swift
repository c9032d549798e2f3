import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// One line typed at a terminal without echo: the Client Secret, at `set`'s prompt and in
/// plain mode. The terminal's own line editing is off (non-canonical mode) and the line is
/// edited here (Backspace, the kill character, Ctrl-D on an empty line), so every typed
/// byte is read at once and kept in this process: a suspend with Ctrl-Z and the shell's
/// `fg`, which reset the terminal and throw its pending input away, lose nothing.
/// `TerminalModes` gives the terminal back on every signal that stops or ends the process,
/// and takes it again (echo off) when it continues.
enum HiddenLineReader {
    enum Outcome: Equatable {
        /// The line as typed, without the Enter that ended it.
        case line([UInt8])
        /// Ctrl-D on an empty line, or the terminal went away.
        case endOfInput
        case tooLong
        /// A signal that ends plain mode arrived (its run loop keeps the unsaved answers).
        case stopped
    }

    /// The signals that end the prompt where no run loop takes them (`set`): the terminal
    /// is given back, then the process dies of the signal, as the shell expects.
    static let endingSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Call only with a terminal on standard input. The prompt goes to `fd`, and again
    /// after a suspend; then a line break once the line is read.
    static func read(prompt: String, to fd: Int32, limit: Int) -> Outcome {
        var saved = termios()
        tcgetattr(0, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO | ICANON)
        // A read waits at most a tenth of a second, then returns what came, maybe nothing.
        // Ctrl-C throws the terminal's pending input away as it signals: a read begun just
        // after the poll saw that input (the half-typed secret) would otherwise wait for a
        // key that never comes, and Ctrl-C would seem to do nothing.
        withUnsafeMutableBytes(of: &quiet.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 1
        }
        let keys = withUnsafeBytes(of: saved.c_cc) { cc in (erase: cc[Int(VERASE)], kill: cc[Int(VKILL)], eof: cc[Int(VEOF)]) }
        TerminalModes.setProgram(quiet)
        TerminalModes.lineOpen(on: fd)
        TerminalModes.installStopHandlers()
        let previous = Signals.areInstalled ? [] : dieRestoring(endingSignals)
        _ = TerminalModes.takeContinued()
        // Flushed: anything typed ahead before the prompt was shown with echo on.
        tcsetattr(0, TCSAFLUSH, &quiet)
        var overlong = false
        defer {
            // Not flushed: what is typed after Enter belongs to the next question. Except
            // after a paste too long to be a secret: the rest of it is read and dropped
            // while echo is still off, so none of it is shown once echo is back, nor read by
            // the shell as commands when `set` has ended.
            if overlong { discardPendingInput() }
            tcsetattr(0, overlong ? TCSAFLUSH : TCSANOW, &saved)
            TerminalModes.setProgram(nil)
            TerminalModes.lineOpen(on: nil)
            for (sig, old) in previous {
                var old = old
                sigaction(sig, &old, nil)
            }
            write(fd, "\n")
        }
        write(fd, prompt)
        var line: [UInt8] = []
        var escape = EscapeSkipper()
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            // Back from a suspend: the shell's lines are on the screen, so ask again.
            if TerminalModes.takeContinued() { write(fd, prompt) }
            let n = buffer.withUnsafeMutableBytes { StopAwareRead.read(0, $0) }
            if n < 0 && errno == EINTR {
                if Signals.stopReason() != nil { return .stopped }
                continue
            }
            if n == 0 && !TerminalCheck.isHungUp { continue }  // nothing within the tenth
            if n <= 0 { return .endOfInput }
            for byte in buffer[0..<n] {
                if escape.skips(byte) { continue }
                switch byte {
                case 0x0A, 0x0D:
                    return .line(line)
                case keys.erase, 0x7F, 0x08:
                    // One character: its UTF-8 continuation bytes, then its first byte.
                    while let last = line.last, last & 0xC0 == 0x80 { line.removeLast() }
                    if !line.isEmpty { line.removeLast() }
                case keys.kill:
                    line.removeAll()
                case keys.eof:
                    if line.isEmpty { return .endOfInput }
                case 0x09:
                    line.append(byte)  // kept: the rules report white space in a secret
                case 0..<0x20:
                    break  // other control keys type nothing
                default:
                    line.append(byte)
                    if line.count > limit {
                        overlong = true
                        return .tooLong
                    }
                }
            }
        }
    }

    /// Reads and drops input until none has come for a moment: a terminal sends a long
    /// paste in pieces, so its end is when the pieces stop. Bounded, so a stream that never
    /// pauses ends the wait too.
    static func discardPendingInput(quietMilliseconds: Int32 = 300, atMostSeconds: Int = 10) {
        var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = time(nil) + atMostSeconds
        while time(nil) < deadline {
            let n = poll(&ready, 1, quietMilliseconds)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return }
            let got = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got <= 0 { return }
        }
    }

    /// Handlers that give the terminal back and die of the signal; returns what they replace.
    static func dieRestoring(_ signals: [Int32]) -> [(Int32, sigaction)] {
        // Blocked (inherited from whatever started us), they would wait until after the
        // prompt: Ctrl-C would not end it.
        Signals.unblock(signals)
        return signals.map { sig in
            var action = sigaction(), old = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                TerminalModes.restoreShell()
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(sig, &action, &old)
            return (sig, old)
        }
    }

    private static func write(_ fd: Int32, _ text: String) {
        _ = SystemIO.writeAll(fd, Array(text.utf8))
    }

    /// Arrow keys, Alt-letters and bracketed-paste markers arrive as escape sequences:
    /// none of their bytes is part of the secret.
    struct EscapeSkipper {
        private enum State { case text, escape, csi, ss3 }
        private var state = State.text

        mutating func skips(_ byte: UInt8) -> Bool {
            switch state {
            case .text:
                if byte == 0x1B { state = .escape; return true }
                return false
            case .escape:
                state = byte == UInt8(ascii: "[") ? .csi : byte == UInt8(ascii: "O") ? .ss3 : .text
                return true
            case .csi:
                if (0x40...0x7E).contains(byte) { state = .text }
                return true
            case .ss3:
                state = .text
                return true
            }
        }
    }
}
