import SettingsKit

/// Plain mode (`edit --plain`): the console's walkthrough as one question per line, for
/// screen readers, dumb terminals, serial consoles and scripts. A pure value driven by
/// lines in and text out, so every question, answer and verdict is tested without a
/// process; the run loop (Sources/social-console/Plain/) only reads lines, writes the
/// text and runs the save this asks for.
///
/// The questions are the console's rows (`Forms.questions(for:)`), the verdicts the one
/// rule engine (`Readiness.evaluate`), the help the guide's (`BundledResources.help`).
public struct PlainSession: Sendable {
    public struct Options: Equatable, Sendable {
        /// The locale is not UTF-8: ASCII glyphs, other characters as `\u` escapes.
        public var ascii: Bool
        /// Standard input is not a terminal: each answer is written after its question,
        /// so the transcript reads as question and answer (the secret never).
        public var echoAnswers: Bool

        public init(ascii: Bool = false, echoAnswers: Bool = false) {
            self.ascii = ascii
            self.echoAnswers = echoAnswers
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
        /// Save these settings with these answers to conflicts, then report with
        /// `saved`, `conflicts` or `saveFailed`.
        case save(Settings, MergeChoices)
        /// The walkthrough is over.
        case end(code: Int32)
    }

    enum Phase: Equatable, Sendable {
        case asking(Int)
        case confirmingSave
        /// The file on disk can no longer be read: replace it with these settings?
        case confirmingOverwrite
        /// Which side to keep of the `index`th of `conflicts`.
        case resolving(index: Int)
        case saving
        case ended(Int32)
    }

    public let path: String
    /// The settings with every answer so far.
    public private(set) var settings: Settings
    /// As loaded (an empty file's settings for a new one): what the changes are counted from.
    public let original: Settings
    public private(set) var report: Report
    let fileMode: UInt32?
    let isNewFile: Bool
    let options: Options
    private(set) var phase: Phase
    /// The screen whose heading was printed last, so each step is announced once as the
    /// questions enter it.
    private var announced: Screen?
    private var conflicts: [MergeConflict] = []
    private var choices = MergeChoices.none
    /// Every secret seen (the file's, each one typed): no output line may hold any of them.
    private var secrets: [String]
    /// Why the last save failed, for the line on standard error if input then ends.
    private var lastSaveError: String?

    static let questions = PlainQuestion.all
    static let steps = Step.allCases.count

    /// `settings` as loaded from FILE, or nil for a file that does not exist yet.
    public init(path: String, settings: Settings?, fileMode: UInt32?, options: Options = Options()) {
        self.path = path
        self.isNewFile = settings == nil
        self.original = settings ?? Settings()
        self.settings = original
        self.fileMode = fileMode
        self.options = options
        self.report = Readiness.evaluate(original, fileMode: fileMode)
        self.secrets = Secret.values(in: original)
        self.phase = .asking(0)
    }

    // MARK: The run loop's calls

    public var next: Next {
        switch phase {
        case .asking(let i): return .ask(prompt(for: Self.questions[i]))
        case .confirmingSave: return .ask(Prompt(text: render("Save? [y/n]: "), hidden: false))
        case .confirmingOverwrite: return .ask(Prompt(text: render("Overwrite it with yours? [y/n]: "), hidden: false))
        case .resolving(let i): return .ask(conflictPrompt(conflicts[i]))
        case .saving: return .save(settings, choices)
        case .ended(let code): return .end(code: code)
        }
    }

    /// The opening lines: the file, how to answer, and the first step's heading.
    public mutating func start() -> String {
        var out = [
            "social-console plain mode: \(path)" + (isNewFile ? " (a new file: created when you save)" : ""),
            "One question per line; the value now is in brackets. Enter keeps it, - clears it,",
            "? prints the step's help, < goes back one question, q ends.",
        ]
        out += heading(for: Self.questions[0])
        return render(out)
    }

    /// One line typed or piped in, without its line break.
    public mutating func answer(_ line: String) -> String {
        var out: [String] = []
        if options.echoAnswers { out.append(echo(line)) }
        switch phase {
        case .asking(let i): out += answerQuestion(i, line)
        case .confirmingSave: out += answerSave(line)
        case .confirmingOverwrite: out += answerOverwrite(line)
        case .resolving(let i): out += answerConflict(i, line)
        case .saving, .ended: break
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

    /// The save asked for by `.save` was written. `keptFromDisk`: keys someone else
    /// changed on disk meanwhile that the merge kept.
    public mutating func saved(_ saved: Settings, fileMode: UInt32?, keptFromDisk: [String]) -> String {
        settings = saved
        report = Readiness.evaluate(saved, fileMode: fileMode)
        phase = .ended(0)
        var out = ["Saved \(path)."]
        if !keptFromDisk.isEmpty {
            out.append("Kept \(plural(keptFromDisk.count, "change")) made on disk meanwhile: " + keptFromDisk.joined(separator: ", "))
        }
        return render(out)
    }

    /// The save stopped: someone else changed these keys on disk too. Each is asked, then
    /// the save runs again with the answers.
    public mutating func conflicts(_ found: [MergeConflict]) -> String {
        guard !found.isEmpty else { return "" }
        conflicts = found
        phase = .resolving(index: 0)
        return render(
            [
                "\(path) was changed on disk since it was read, and \(plural(found.count, "key")) changed both there and here.",
                "For each, answer t to keep theirs (on disk) or y to keep yours; < goes back, q ends without saving.",
            ] + describe(found[0]))
    }

    /// The save failed (disk full, permission): the edits are kept and Save? is asked
    /// again. `unreadableOnDisk`: someone else left a file that can no longer be read, so
    /// there is nothing to merge with; replacing it is asked first, as the console does.
    public mutating func saveFailed(_ message: String, unreadableOnDisk: Bool = false) -> String {
        lastSaveError = message
        phase = unreadableOnDisk ? .confirmingOverwrite : .confirmingSave
        return render("Not saved: \(message)")
    }

    // MARK: Questions

    func prompt(for q: PlainQuestion) -> Prompt {
        var text = "\(q.screen.title) › \(q.item.label)"
        if q.item == .useRedirectURI, let uri = settings.filled("instance.redirectUri") { text += ", " + uri }
        text += q.hint + " [\(q.shown(in: settings))]: "
        return Prompt(text: render(text), hidden: q.item.isSecret)
    }

    mutating func answerQuestion(_ i: Int, _ line: String) -> [String] {
        let q = Self.questions[i]
        if q.item.isSecret, !line.isEmpty { secrets.append(line) }
        let result: Result<Settings, PlainRefusal>
        switch line.trimmingWhitespace {
        case "": result = .success(settings)
        case "-": result = q.clear(settings)
        case "?": return help(for: q)
        case "<": return back(from: i)
        case "q", "Q": return finish()
        default: result = q.apply(line, to: settings)
        }
        switch result {
        case .failure(let refusal):
            return ["  Not taken: \(refusal.reason). Enter keeps the value, ? prints help."]
        case .success(let new):
            let before = report
            // The action says what it did, as the console's status line does.
            let note = q.item == .useRedirectURI && new != settings ? PlainQuestion.redirectFill(in: settings).map { "  " + $0.message } : nil
            if new != settings {
                settings = new
                report = Readiness.evaluate(settings, fileMode: fileMode)
            }
            return (note.map { [$0] } ?? []) + judge(q, before: before) + advance(from: i)
        }
    }

    /// The answer's verdict: the findings of its own field (whatever the answer, so a kept
    /// value is judged too), the ones it caused elsewhere, and the ones it fixed.
    func judge(_ q: PlainQuestion, before: Report) -> [String] {
        func id(_ f: Finding) -> String { f.code + "\u{0}" + f.field }
        let had = Set(before.findings.map(id)), has = Set(report.findings.map(id))
        var out: [String] = []
        for finding in report.findings(forField: q.key) { out += lines(for: finding, elsewhere: false) }
        for finding in report.findings where finding.field != q.key && !had.contains(id(finding)) {
            out += lines(for: finding, elsewhere: true)
        }
        for finding in before.findings where !has.contains(id(finding)) {
            out.append("  ✓ fixed: \(finding.message)")
        }
        return out
    }

    func lines(for finding: Finding, elsewhere: Bool) -> [String] {
        let mark: String, word: String
        switch finding.severity {
        case .blocker: (mark, word) = ("✗", isDevelopment ? "for production" : "blocker")
        case .warning: (mark, word) = ("!", "warning")
        case .info: (mark, word) = ("·", "note")
        }
        var place = ""
        if elsewhere {
            place = " (\(finding.step.title)" + (Fields.field(finding.field).map { " › " + $0.label } ?? "") + ")"
        }
        return ["  \(mark) \(word)\(place): \(finding.message) [\(finding.code)]", "    fix: \(finding.fix)"]
    }

    var isDevelopment: Bool { report.environment == "development" }

    /// `?`: the guide's help for the step (the scope catalogue with it on Permissions) and
    /// how to answer this question; then the question again.
    func help(for q: PlainQuestion) -> [String] {
        var out: [String] = [""]
        if let text = BundledResources.help(for: q.screen.helpName) {
            out += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            while out.last == "" { out.removeLast() }
        }
        if q.key == FormItem.appScopesKey {
            out += ["", "The scope catalogue (type the names, separated by spaces or commas):"]
            // The console's checklist: scopes only requested at sign-in (offline_access)
            // are not enabled on the app.
            for scope in ScopeCatalogue.appScopes { out.append("  \(scope.name) (\(scope.product)): \(scope.description)") }
        }
        out += ["", q.howToAnswer + " Enter keeps the value in brackets, - clears it, < goes back one question, q ends.", ""]
        return out
    }

    mutating func back(from i: Int) -> [String] {
        guard let previous = (0..<i).last(where: { Self.questions[$0].applies(to: settings) }) else {
            return ["  This is the first question."]
        }
        phase = .asking(previous)
        return heading(for: Self.questions[previous])
    }

    mutating func advance(from i: Int) -> [String] {
        guard let following = ((i + 1)..<Self.questions.count).first(where: { Self.questions[$0].applies(to: settings) }) else {
            return finish()
        }
        phase = .asking(following)
        return heading(for: Self.questions[following])
    }

    /// "Step 2 of 6. App: …", when the questions move into another step.
    mutating func heading(for q: PlainQuestion) -> [String] {
        guard q.screen != announced else { return [] }
        announced = q.screen
        let first = BundledResources.help(for: q.screen.helpName)?.split(separator: "\n").first.map(String.init) ?? q.screen.title
        return ["", "Step \(q.stepNumber) of \(Self.steps). \(first)"]
    }

    // MARK: The end

    public var changes: [Change] { SettingsDiff.compare(original, settings) }

    /// After the last question, or `q`: the changes, what is left to do, then Save?.
    mutating func finish() -> [String] {
        announced = nil
        var out = ["", "Review"]
        let blockers = report.blockers
        if isDevelopment {
            // Development instances use shared credentials: what production needs is not
            // what stops them.
            out.append(
                report.readyForDevelopment
                    ? "Ready for development: the connection is enabled."
                    : "Not ready for development: the connection is not enabled.")
        }
        if blockers.isEmpty {
            out.append("No blockers left: ready for production.")
        } else {
            out.append(isDevelopment ? "What production would need (\(blockers.count)):" : "Blockers left (\(blockers.count)):")
            for finding in blockers {
                out.append("  ✗ \(finding.step.title): \(finding.message) [\(finding.code)]")
                out.append("    fix: \(finding.fix)")
            }
        }
        let made = changes
        if made.isEmpty {
            out.append("No changes; nothing to save.")
            phase = .ended(0)
            return out
        }
        out.append("Changes (\(made.count)):")
        out += made.map { "  " + $0.line(secrets: secrets) }
        phase = .confirmingSave
        return out
    }

    mutating func answerSave(_ line: String) -> [String] {
        let word = line.trimmingWhitespace.lowercased()
        switch word {
        case "y", "yes":
            phase = .saving
            return []
        case "n", "no", "q":
            phase = .ended(0)
            return ["Not saved."]
        case "<":
            return back(from: Self.questions.count)
        case "?":
            return ["  y writes the changes to \(path); n ends without saving; < goes back to the last question."]
        default:
            return ["  Not taken: answer y or n."]
        }
    }

    mutating func answerOverwrite(_ line: String) -> [String] {
        switch line.trimmingWhitespace.lowercased() {
        case "y", "yes":
            choices = MergeChoices(forAll: .yours)
            phase = .saving
            return []
        case "n", "no", "q":
            phase = .ended(0)
            return ["Not saved."]
        case "?":
            return ["  y replaces the file on disk with your settings; n ends without saving."]
        default:
            return ["  Not taken: answer y or n."]
        }
    }

    // MARK: Conflicts

    func conflictPrompt(_ conflict: MergeConflict) -> Prompt {
        Prompt(text: render("Conflict › \(conflict.key) (t theirs, y yours): "), hidden: false)
    }

    /// The lines before a conflict's question: the three values, or for the secret only
    /// that both sides changed it.
    func describe(_ conflict: MergeConflict) -> [String] {
        if conflict.isSecret { return ["  \(conflict.key): changed both on disk and here (values not shown)"] }
        func shown(_ v: JSONValue?) -> String { v.map(JSONWriter.compact) ?? "(not set)" }
        return ["  \(conflict.key): was \(shown(conflict.base)), on disk now \(shown(conflict.theirs)), yours \(shown(conflict.yours))"]
    }

    mutating func answerConflict(_ i: Int, _ line: String) -> [String] {
        let conflict = conflicts[i]
        switch line.trimmingWhitespace.lowercased() {
        case "t", "theirs": choices.choose(.theirs, for: conflict)
        case "y", "yours": choices.choose(.yours, for: conflict)
        case "<":
            guard i > 0 else { return ["  This is the first conflict."] }
            phase = .resolving(index: i - 1)
            return describe(conflicts[i - 1])
        case "q":
            phase = .ended(0)
            return ["Not saved."]
        case "?":
            return ["  t keeps the value on disk (someone else's save); y keeps yours."] + describe(conflict)
        default:
            return ["  Not taken: answer t (theirs) or y (yours)."] + describe(conflict)
        }
        if i + 1 < conflicts.count {
            phase = .resolving(index: i + 1)
            return describe(conflicts[i + 1])
        }
        phase = .saving
        return []
    }

    // MARK: Text

    func echo(_ line: String) -> String {
        if case .asking(let i) = phase, Self.questions[i].item.isSecret { return "" }
        return line
    }

    func render(_ lines: [String]) -> String { lines.map { render($0) + "\n" }.joined() }

    /// Every line goes out through here: the secrets masked wherever they appear, then
    /// made safe for any terminal (`PlainText`).
    func render(_ text: String) -> String {
        PlainText.safe(Secret.scrub(text, secrets: secrets), ascii: options.ascii)
    }

}
