import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of `edit --plain`: runs a `PlainSession` on standard input and output.
/// This is only the I/O: lines in (the secret through the hidden reader on a terminal),
/// the session's text out, and the save it asks for. Returns the exit code.
func runPlain(path: String) -> Int32 {
    // As the other commands print: ASCII glyphs when the locale is not UTF-8.
    let ascii = !TextLocale.outputIsUTF8
    var base: LoadedFile?
    do {
        base = try SettingsStore.load(path)
    } catch {
        // A missing file is a new one, created on save.
        if error.code != .notFound {
            Output.fileError(error)
            return 2
        }
    }
    let interactive = isatty(0) == 1
    // Inherited blocked signals would make Ctrl-C and Ctrl-Z do nothing.
    Signals.unblock(Signals.stopSignals + [SIGTSTP, SIGCONT])
    var session = PlainSession(
        path: path, settings: base?.settings, fileMode: base?.mode,
        options: .init(ascii: ascii, echoAnswers: !interactive))
    let lines = LineReader(fd: 0, limit: PlainInput.limit)
    write(session.start())
    while true {
        switch session.next {
        case .end(let code):
            return code
        case .ask(let prompt):
            let input: PlainInput
            if prompt.hidden && interactive {
                input = PlainInput(HiddenLineReader.read(prompt: prompt.text, to: 1, limit: PlainInput.limit))
            } else {
                write(prompt.text)
                input = PlainInput(lines.next())
            }
            switch input {
            case .line(let bytes):
                write(session.answer(bytes: bytes))
            case .tooLong:
                write(session.refuse("Not taken: the answer is longer than \(PlainInput.limit / 1024) KiB."))
            case .end:
                // The prompt's line is left open on a pipe: end it before the last word.
                if !interactive { write("\n") }
                Output.error(session.endOfInput())
                return 2
            }
        case .save(let settings, let choices):
            do {
                switch try SettingsStore.save(settings, to: path, via: "plain", base: base, choices: choices) {
                case .saved(let file, let kept):
                    base = file
                    write(session.saved(file.settings, fileMode: file.mode, keptFromDisk: kept))
                case .conflicts(let found):
                    write(session.conflicts(found))
                }
            } catch {
                write(session.saveFailed(error.description, unreadableOnDisk: error.code == .conflict))
            }
        }
    }
}

/// Plain mode's text, unbuffered: a question must be on the screen before its answer is read.
private func write(_ text: String) {
    _ = SystemIO.writeAll(1, Array(text.utf8))
}

/// One answer as read, from either reader.
enum PlainInput {
    static let limit = 64 * 1024

    case line([UInt8])
    case tooLong
    case end

    init(_ line: LineReader.Line?) {
        switch line {
        case .text(let bytes)?: self = .line(bytes)
        case .tooLong?: self = .tooLong
        case nil: self = .end
        }
    }

    init(_ outcome: HiddenLineReader.Outcome) {
        switch outcome {
        case .line(let bytes): self = .line(bytes)
        case .tooLong: self = .tooLong
        case .endOfInput: self = .end
        }
    }
}
