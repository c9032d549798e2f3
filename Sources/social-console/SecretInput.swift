import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Reads the client secret from standard input. On a terminal it prompts with echo
/// turned off; from a pipe it reads everything. One trailing line break is removed.
enum SecretInput {
    static let limit = 64 * 1024

    static func read() -> String? {
        let interactive = isatty(0) == 1
        var saved = termios()
        if interactive {
            writeStandardError("Client Secret (input hidden): ")
            tcgetattr(0, &saved)
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(0, TCSAFLUSH, &quiet)
        }
        defer {
            if interactive {
                tcsetattr(0, TCSAFLUSH, &saved)
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
        guard bytes.count <= limit, var text = String(validating: bytes, as: UTF8.self) else { return nil }
        text = TextInput.droppingOneLineBreak(text)
        return text.isEmpty ? nil : text
    }
}
