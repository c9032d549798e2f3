import SettingsKit

/// Plain mode (`edit --plain`): the console's walkthrough as one question per line, for
/// screen readers, dumb terminals, serial consoles and scripts. It holds the same
/// `EditSession` as the console (the file, the edits, the save flow, the recovery) and
/// adds the question cursor and the transcript. A pure value driven by lines in and text
/// out, so every question, answer and verdict is tested without a process; the run loop
/// (Sources/social-console/Plain/) reads lines, writes the text and has the effect runner
/// do what this asks.
///
/// The questions are the console's rows (`Forms.questions(for:)`), the verdicts the one
/// rule engine (`Readiness.evaluate`), the help the guide's (`BundledResources.help`).
public struct PlainSession: Sendable {
    public struct Options: Equatable, Sendable {
        /// The locale is not UTF-8: ASCII glyphs, other characters as `\u` escapes.
        public var ascii: Bool
        /// Standard input is not a terminal: each answer is written after its question,
        /// so the transcript reads as question and answer (the secret never), and nothing
        /// is asked that a script of answers would not expect (recovered edits).
        public var echoAnswers: Bool
        /// Why plain mode runs though `--plain` was not given (`ACCESSIBLE is set`,
        /// `TERM=dumb`): said on the first line.
        public var reason: String?

        public init(ascii: Bool = false, echoAnswers: Bool = false, reason: String? = nil) {
            self.ascii = ascii
            self.echoAnswers = echoAnswers
            self.reason = reason
        }
    }

    /// A question waiting for its answer: the text to print without a line break.
    public struct Prompt: Equatable, Sendable {
        public let text: String
        /// The answer is the Client Secret: read without echo on a terminal.
        public let hidden: Bool
    }

    /// What the run loop does next.
    public enum Next: Equatable, Sendable {
        /// Print the prompt, read a line, pass it to `answer`.
        case ask(Prompt)
        /// Have the effect runner do this (a save, the recovery file's removal) and give
        /// its result to `handle`.
        case perform(Effect)
        /// The walkthrough is over.
        case end(code: Int32)
    }

    enum Phase: Equatable, Sendable {
        /// Edits an earlier session kept: restore, discard or later?
        case offeringRecovery
        case asking(Int)
        case confirmingSave
        /// The file on disk may only be replaced (unreadable, or it appeared): replace it?
        case confirmingReplace
        /// A side for the focused key of the session's conflicts.
        case resolving
        /// Waiting for the run loop to do an effect.
        case performing(Effect)
        case ended(Int32)
    }

    /// The file, its edits, the save flow and the recovery: shared with the console.
    public internal(set) var edit: EditSession
    let options: Options
    var phase: Phase
    /// The screen whose heading was printed last, so each step is announced once as the
    /// questions enter it.
    var announced: Screen?
    /// Why the last save failed, for the line on standard error if input then ends.
    var lastSaveError: String?
    /// `+` was answered: what production would need is asked too (`asks`).
    var walkingProduction = false
    /// The questions passed over were said to be (once).
    var toldPassingOver = false
    /// First lines to show: recovered edits that cannot be offered, or wait for a
    /// session on a terminal.
    let notices: [String]
    /// Text for the run loop to write (`takeOutput`): the results of effects.
    private var output: [String] = []

    static let questions = PlainQuestion.all
    static let steps = Step.allCases.count

    public init(_ edit: EditSession, notice: StatusMessage? = nil, options: Options = Options()) {
        self.edit = edit
        self.options = options
        var notices = notice.map { [$0.text] } ?? []
        // From a pipe nothing is asked that the answers do not expect: the edits wait.
        if let offer = edit.recoveryOffer, options.echoAnswers {
            self.edit.postponeRecovery()
            notices.append("Recovered edits wait in \(offer.fileName); run edit --plain on a terminal (or the console) to restore them.")
        }
        self.notices = notices
        self.phase = self.edit.recoveryOffer == nil ? .asking(0) : .offeringRecovery
    }

    var path: String { edit.path }
    /// The settings with every answer so far.
    var settings: Settings { edit.settings }
    var report: Report { edit.report }
    var isNewFile: Bool { edit.base == nil }

    // MARK: The run loop's calls

    public var next: Next {
        switch phase {
        case .offeringRecovery: return .ask(Prompt(text: render("Restore them? (r restore, d discard, l later) [r/d/l]: "), hidden: false))
        case .asking(let i): return .ask(prompt(for: Self.questions[i]))
        case .confirmingSave: return .ask(Prompt(text: render("Save? [y/n]: "), hidden: false))
        case .confirmingReplace:
            let verb = edit.conflicts?.reason.isAppeared == true ? "Replace" : "Overwrite"
            return .ask(Prompt(text: render("\(verb) it with yours? [y/n]: "), hidden: false))
        case .resolving: return .ask(conflictPrompt())
        case .performing(let effect): return .perform(effect)
        case .ended(let code): return .end(code: code)
        }
    }

    /// The opening lines: the file, how to answer, recovered edits, the first step's heading.
    public mutating func start() -> String {
        var out = [
            "social-console plain mode" + (options.reason.map { " (\($0))" } ?? "") + ": \(path)"
                + (isNewFile ? " (a new file: created when you save)" : ""),
            "One question per line; the value now is in brackets. Enter keeps it, - clears it,",
            "? prints the step's help, < goes back one question, q ends.",
        ]
        out += notices
        if let offer = edit.recoveryOffer {
            out += recoveryLines(offer)
        } else {
            out += heading(for: Self.questions[0])
        }
        return render(out)
    }

    /// One line typed or piped in, without its line break.
    public mutating func answer(_ line: String) -> String {
        var out: [String] = []
        if options.echoAnswers { out.append(echo(line)) }
        switch phase {
        case .offeringRecovery: out += answerRecovery(line)
        case .asking(let i): out += answerQuestion(i, line)
        case .confirmingSave: out += answerSave(line)
        case .confirmingReplace: out += answerReplace(line)
        case .resolving: out += answerConflict(line)
        case .performing, .ended: break
        }
        return render(out)
    }

    /// One line as read: answered if it is UTF-8 text, else refused.
    public mutating func answer(bytes: [UInt8]) -> String {
        guard let line = String(validating: bytes, as: UTF8.self) else { return refuse("Not taken: the answer is not UTF-8 text.") }
        return answer(line)
    }

    /// A line that is not text (invalid UTF-8, too long): the question is asked again.
    public mutating func refuse(_ reason: String) -> String {
        if case .ended = phase { return "" }
        // From a pipe the question's line is still open: the answer is not echoed (it
        // may be the secret), only ended.
        return render((options.echoAnswers ? [""] : []) + ["  " + reason])
    }

    /// Input ended before the walkthrough did: nothing more is asked and nothing is
    /// saved. Returns the line for standard error; the exit code is 2.
    public mutating func endOfInput() -> String {
        if case .ended = phase { return "" }
        phase = .ended(2)
        var line = "\(path): input ended before the walkthrough did; nothing was saved"
        if let lastSaveError { line += " (the last save failed: \(lastSaveError))" }
        return render(line)
    }

    /// The text the results of effects produced since the last call.
    public mutating func takeOutput() -> String {
        defer { output.removeAll() }
        return render(output)
    }

    mutating func say(_ lines: [String]) { output += lines }

    /// The question is shown once its effect is under way.
    mutating func perform(_ effect: Effect) { phase = .performing(effect) }

    // MARK: Text

    func echo(_ line: String) -> String {
        if case .asking(let i) = phase, Self.questions[i].item.isSecret { return "" }
        return line
    }

    func render(_ lines: [String]) -> String { lines.map { render($0) + "\n" }.joined() }

    /// Every line goes out through here: the secrets masked wherever they appear, then
    /// made safe for any terminal (`PlainText`).
    func render(_ text: String) -> String {
        PlainText.safe(Secret.scrub(text, secrets: edit.secrets), ascii: options.ascii)
    }
}
