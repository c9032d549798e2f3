import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Entry point of `edit --plain`: runs a `PlainSession` on standard input and output.
/// This is only the I/O: lines in (the secret through the hidden reader on a terminal),
/// the session's text out, the effects it asks for through the effect runner the console
/// uses too, and the signals that end it (a hangup or SIGTERM keeps unsaved answers in
/// FILE.recovered.json, as the console does). Returns the exit code.
/// `reason`: why plain mode runs though `--plain` was not given (`TerminalCheck.plainReason`).
func runPlain(path: String, reason: String? = nil) -> Int32 {
    // As the other commands print: ASCII glyphs when the locale is not UTF-8.
    let ascii = !TextLocale.outputIsUTF8
    let files = StoreFiles(via: "plain") { Signals.stopReason() != nil }
    guard let opened = openForEditing(path, readOnly: false, files: files) else { return 2 }
    let interactive = isatty(0) == 1
    Signals.install()
    var session = PlainSession(opened.session, notice: opened.notice, options: .init(ascii: ascii, echoAnswers: !interactive, reason: reason))
    let runner = EffectRunner(files: files)
    let lines = LineReader(fd: 0, limit: PlainInput.limit)
    write(session.start())
    func finish(_ code: Int32) -> Int32 {
        write(session.takeOutput())
        for line in session.edit.farewell { Output.error(line) }
        return code
    }
    func stop(_ reason: StopReason) -> Int32 {
        // The question's line is left open: end it before the last words.
        write("\n")
        return finish(runner.send(.stopRequested(reason), to: &session) ?? reason.exitCode)
    }
    while true {
        if let reason = Signals.stopReason() { return stop(reason) }
        switch session.next {
        case .end(let code):
            return finish(code)
        case .perform(let effect):
            if runner.announceWait(before: effect, to: &session) { write(session.takeOutput()) }
            if let code = runner.perform(effect, for: &session) { return finish(code) }
            write(session.takeOutput())
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
            case .stopped:
                continue
            case .end:
                // A terminal that hung up ends its input as Ctrl-D does, and its SIGHUP may
                // come after the read or not at all (one its shell started gets it only if
                // the shell passes it on): the answers are kept as on SIGHUP.
                if let reason = Signals.stopReason() ?? (interactive && TerminalCheck.isHungUp ? .hangUp : nil) { return stop(reason) }
                // The prompt's line is left open on a pipe: end it before the last word.
                if !interactive { write("\n") }
                Output.error(session.endOfInput())
                return 2
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
    /// A signal asked plain mode to end while it waited for the line.
    case stopped
    case end

    init(_ line: LineReader.Line?) {
        switch line {
        case .text(let bytes)?: self = .line(bytes)
        case .tooLong?: self = .tooLong
        case .stopped?: self = .stopped
        case nil: self = .end
        }
    }

    init(_ outcome: HiddenLineReader.Outcome) {
        switch outcome {
        case .line(let bytes): self = .line(bytes)
        case .tooLong: self = .tooLong
        case .stopped: self = .stopped
        case .endOfInput: self = .end
        }
    }
}
