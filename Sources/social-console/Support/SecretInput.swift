import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Reads the client secret from standard input for `set`. On a terminal it prompts with
/// echo turned off (`HiddenLineReader`, shared with plain mode); from a pipe it reads
/// everything. One trailing line break is removed.
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
        var bytes: [UInt8] = []
        if isatty(0) == 1 {
            switch HiddenLineReader.read(prompt: "Client Secret (input hidden): ", to: 2, limit: limit) {
            case .line(let line): bytes = line
            case .endOfInput, .stopped: return .failure(.empty)
            case .tooLong: return .failure(.tooLong)
            }
        } else {
            bytes = SystemIO.readAll(0, limit: limit)
        }
        if bytes.count > limit { return .failure(.tooLong) }
        guard var text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        text = TextInput.droppingOneLineBreak(text)
        return text.isEmpty ? .failure(.empty) : .success(text)
    }
}
