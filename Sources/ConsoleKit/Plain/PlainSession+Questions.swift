import SettingsKit

/// The questions: each asked with its value now, each answer judged at once by the rules
/// (its own field's findings, what it broke elsewhere, what it fixed), `?` for help, `<`
/// to go back, and the step headings as the questions enter a step.
extension PlainSession {
    func prompt(for q: PlainQuestion) -> Prompt {
        var text = "\(q.screen.title) › \(q.item.label)"
        if q.item == .useRedirectURI, let uri = settings.filled("instance.redirectUri") { text += ", " + uri }
        if let words = Fields.field(q.key)?.dashboardLabel { text += ", Clerk's " + words }
        text += q.hint + " [\(q.shown(in: settings))]: "
        return Prompt(text: render(text), hidden: q.item.isSecret)
    }

    mutating func answerQuestion(_ i: Int, _ line: String) -> [String] {
        let q = Self.questions[i]
        if q.item.isSecret { edit.noteSecret(line) }
        let result: Result<Settings, PlainRefusal>
        switch line.trimmingWhitespace {
        case "": result = .success(settings)
        case "-": result = q.clear(settings)
        case "?": return help(for: q)
        case "<": return back(from: i)
        case "q", "Q": return finish()
        case "+" where passesOverProduction: return walkProduction()
        default: result = q.apply(line, to: settings)
        }
        switch result {
        case .failure(let refusal):
            return ["  Not taken: \(refusal.reason). Enter keeps the value, ? prints help."]
        case .success(let new):
            let before = report
            // The action says what it did, as the console's status line does.
            let note = q.item == .useRedirectURI && new != settings ? PlainQuestion.redirectFill(in: settings).map { "  " + $0.message } : nil
            edit.update(at: nil) { $0 = new }
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
        let mark = finding.severity.glyph
        let word = edit.verdict.isProductionOnly(finding) ? "for production" : finding.severity.word
        var place = ""
        if elsewhere {
            place = " (\(finding.step.title)" + (Fields.field(finding.field).map { " › " + $0.label } ?? "") + ")"
        }
        return ["  \(mark) \(word)\(place): \(finding.message) [\(finding.code)]", "    fix: \(finding.fix)"]
    }

    var isDevelopment: Bool { report.namedEnvironment == .development }

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
        let more = passesOverProduction ? ", + asks what production would need too" : ""
        out += ["", q.howToAnswer + " Enter keeps the value in brackets, - clears it, < goes back one question\(more), q ends.", ""]
        return out
    }

    /// Whether question `i` is asked now: an action only when it would do something, and
    /// on a development instance using shared credentials only what it uses
    /// (`Verdict.walks`) until `+` asks for what production would need too.
    func asks(_ i: Int) -> Bool {
        let q = Self.questions[i]
        return q.applies(to: settings) && (walkingProduction || Verdict.walks(q.item.key, in: settings))
    }

    /// Questions are passed over now, and `+` would ask them.
    var passesOverProduction: Bool { !walkingProduction && Verdict.usesSharedCredentials(settings) }

    /// `+`: what production would need is asked too, from its first question.
    mutating func walkProduction() -> [String] {
        walkingProduction = true
        guard let first = Self.questions.indices.first(where: { !Verdict.walks(Self.questions[$0].item.key, in: settings) && asks($0) })
        else { return ["  Nothing more to ask."] }
        phase = .asking(first)
        announced = nil
        return ["  Asking what production would need too."] + heading(for: Self.questions[first])
    }

    mutating func back(from i: Int) -> [String] {
        guard let previous = (0..<i).last(where: asks) else {
            return ["  This is the first question."]
        }
        phase = .asking(previous)
        return heading(for: Self.questions[previous])
    }

    mutating func advance(from i: Int) -> [String] {
        let following = ((i + 1)..<Self.questions.count).first(where: asks)
        var out: [String] = []
        // Said once, where questions are first passed over.
        let passed = ((i + 1)..<(following ?? Self.questions.count)).contains { Self.questions[$0].applies(to: settings) }
        if passed, passesOverProduction, !toldPassingOver {
            toldPassingOver = true
            out.append(
                "  A development instance on shared credentials uses none of what only production needs: those questions are passed over (+ asks them too)."
            )
        }
        guard let following else { return out + finish() }
        phase = .asking(following)
        return out + heading(for: Self.questions[following])
    }

    /// "Step 2 of 6. App: …", when the questions move into another step.
    mutating func heading(for q: PlainQuestion) -> [String] {
        guard q.screen != announced else { return [] }
        announced = q.screen
        let first = BundledResources.help(for: q.screen.helpName)?.split(separator: "\n").first.map(String.init) ?? q.screen.title
        return ["", "Step \(q.stepNumber) of \(Self.steps). \(first)"]
    }
}
