import SettingsKit

/// The end of the walkthrough and the save flow (the session's, asked line by line):
/// the review, Save?, a side for each key both changed, replacing a file it may not merge
/// with; the results of effects as text; recovered edits offered at the start; a hangup.
extension PlainSession: EventHandling {
    var changes: [Change] { edit.changes() }

    /// After the last question, or `q`: the changes, what is left to do, then Save?.
    mutating func finish() -> [String] {
        announced = nil
        var out = ["", "Review"]
        // The verdict in the words every report opens with (Verdict.headline), as a sentence.
        let headline = edit.verdict.headline.map(\.text).joined()
        out.append(headline.prefix(1).uppercased() + headline.dropFirst() + ".")
        let blockers = report.blockers
        if !blockers.isEmpty {
            // Development instances use shared credentials: what production needs is not
            // what stops them.
            out.append(isDevelopment ? "What production would need (\(blockers.count)):" : "Blockers left (\(blockers.count)):")
            for finding in blockers {
                out.append("  ✗ \(finding.step.title): \(finding.message) [\(finding.code)]")
                out.append("    fix: \(finding.fix)")
            }
        }
        let made = changes
        if made.isEmpty {
            out.append("No changes; nothing to save.")
            return out + end()
        }
        out.append("Changes (\(made.count)):")
        out += made.map { "  " + $0.line(secrets: edit.secrets) }
        if passesOverProduction { out.append("What production would need was not asked: + asks it before saving.") }
        phase = .confirmingSave
        return out
    }

    /// Ends without saving; restored edits declined this way leave their recovery file.
    mutating func end() -> [String] {
        switch edit.leave() {
        case .quit(let code): phase = .ended(code)
        case let effect: perform(effect)
        }
        return []
    }

    mutating func answerSave(_ line: String) -> [String] {
        switch line.trimmingWhitespace.lowercased() {
        case "y", "yes":
            edit.quitting = true
            perform(edit.save())
            return []
        case "n", "no", "q":
            return ["Not saved."] + end()
        case "<":
            return back(from: Self.questions.count)
        case "+" where passesOverProduction:
            return walkProduction()
        case "?":
            return ["  y writes the changes to \(path); n ends without saving; < goes back to the last question."]
        default:
            return ["  Not taken: answer y or n."]
        }
    }

    mutating func answerReplace(_ line: String) -> [String] {
        switch line.trimmingWhitespace.lowercased() {
        case "y", "yes":
            if let effect = edit.saveWithChoices() { perform(effect) }
            return []
        case "n", "no", "q":
            edit.dropConflicts()
            return ["Not saved."] + end()
        case "?":
            return ["  y replaces the file on disk with your settings; n ends without saving."]
        default:
            return ["  Not taken: answer y or n."]
        }
    }

    // MARK: Keys both changed

    func conflictPrompt() -> Prompt {
        let key = edit.conflicts.map { $0.conflicts[$0.focus].key } ?? ""
        return Prompt(text: render("Conflict › \(key) (t theirs, y yours): "), hidden: false)
    }

    /// The lines before a conflict's question: the three values, or for the secret only
    /// that both sides changed it.
    func describe() -> [String] {
        guard let conflicts = edit.conflicts, conflicts.conflicts.indices.contains(conflicts.focus) else { return [] }
        let conflict = conflicts.conflicts[conflicts.focus]
        if conflict.isSecret { return ["  \(conflict.key): changed both on disk and here (values not shown)"] }
        func shown(_ v: JSONValue?) -> String { v.map(JSONWriter.compact) ?? "(not set)" }
        return ["  \(conflict.key): was \(shown(conflict.base)), on disk now \(shown(conflict.theirs)), yours \(shown(conflict.yours))"]
    }

    mutating func answerConflict(_ line: String) -> [String] {
        guard let asked = edit.conflicts?.focus, let count = edit.conflicts?.conflicts.count else { return [] }
        switch line.trimmingWhitespace.lowercased() {
        case "t", "theirs": edit.conflicts?.choose(.theirs, all: false)
        case "y", "yours": edit.conflicts?.choose(.yours, all: false)
        case "<":
            guard let focus = edit.conflicts?.focus, focus > 0 else { return ["  This is the first conflict."] }
            edit.conflicts?.move(by: -1)
            return describe()
        case "q":
            edit.dropConflicts()
            return ["Not saved."] + end()
        case "?":
            return ["  t keeps the value on disk (someone else's save); y keeps yours."] + describe()
        default:
            return ["  Not taken: answer t (theirs) or y (yours)."] + describe()
        }
        // One key after the other, the ones answered before too after going back.
        if asked + 1 < count {
            let focus = edit.conflicts?.focus ?? asked
            edit.conflicts?.move(by: asked + 1 - focus)
            return describe()
        }
        guard let effect = edit.saveWithChoices() else { return describe() }
        edit.quitting = true
        perform(effect)
        return []
    }

    // MARK: Results of effects

    public mutating func handle(_ event: Event) -> Effect? {
        switch event {
        case .saved(let file, let kept):
            var out = ["Saved \(path)."]
            if !kept.isEmpty {
                out.append("Kept \(plural(kept.count, "change")) made on disk meanwhile: " + kept.joined(separator: ", "))
            }
            say(out)
            return ended(edit.saved(file, keptFromDisk: kept))
        case .saveConflicted(let found):
            edit.saveConflicted(found)
            phase = .resolving
            say(
                [
                    "\(path) was changed on disk since it was read, and \(plural(found.count, "key")) changed both there and here.",
                    "For each, answer t to keep theirs (on disk) or y to keep yours; < goes back, q ends without saving.",
                ] + describe())
        case .saveWaiting:
            // Ctrl-C is SIGINT here: it stops the wait, then ends as it always does.
            say([EditSession.waitingToSave(path, stop: "Ctrl-C stops waiting and ends without saving.")])
        case .saveFailed(let error):
            lastSaveError = error.description
            phase = edit.saveFailed(error) ? .confirmingReplace : .confirmingSave
            say(["Not saved: \(error.description)"])
        case .recoveryDiscarded:
            return ended(edit.recoveryDiscarded())
        case .recoveryDiscardFailed(let error):
            say(["Could not remove \(RecoveryFile.path(for: path)): \(error.message)"])
            return ended(edit.recoveryDiscardFailed())
        case .recoveryKept(let request):
            return ended(edit.recoveryKept(request))
        case .recoveryKeepFailed(let error, let request):
            return ended(edit.recoveryKeepFailed(error, request))
        case .stopRequested(let reason):
            return ended(edit.stopRequested(reason))
        case .key, .resized, .clicked, .scrolled, .diskChecked, .reloaded, .reloadFailed, .live, .opened, .fleet:
            // Plain mode reads lines, never watches the disk, never reloads, has no live
            // actions and opens no other file.
            break
        }
        return nil
    }

    /// After a result: the session's next effect, or the walkthrough goes on (`phase` as
    /// the result left it), or it ends.
    private mutating func ended(_ effect: Effect?) -> Effect? {
        if case .quit(let code)? = effect { phase = .ended(code) }
        if effect == nil, case .performing = phase { phase = edit.quitting ? .ended(0) : .asking(0) }
        return effect
    }

    // MARK: Recovered edits

    /// FILE.recovered.json as it is offered at the start, on a terminal.
    func recoveryLines(_ offer: RecoveryFile.Pending) -> [String] {
        var out = ["", "Unsaved edits to \(edit.fileName) were kept in \(offer.fileName) when its terminal was closed; restoring them makes:"]
        out += edit.recoveryChanges.map { "  " + $0.line(secrets: edit.secrets) }
        if offer.madeToNewFile, edit.base != nil {
            out.append("\(edit.fileName) was not on disk then: someone created it since. Restoring puts your edits (the secret too) into it.")
        } else if offer.fileChanged(since: edit.base) {
            out.append("\(edit.fileName) was saved after that: saving the restored edits merges them with that save.")
        }
        return out
    }

    mutating func answerRecovery(_ line: String) -> [String] {
        let out: [String]
        var effect: Effect?
        switch line.trimmingWhitespace.lowercased() {
        case "r", "restore":
            edit.restoreRecovery()
            out = ["Restored the recovered edits: they are the values in brackets; the review lists them before Save?."]
        case "d", "discard":
            effect = edit.discardRecovery()
            out = ["Discarded the recovered edits."]
        case "l", "later", "":
            edit.postponeRecovery()
            out = ["The recovered edits stay in \(RecoveryFile.path(for: path)) for next time."]
        case "?":
            return ["  r takes the recovered edits as unsaved answers; d removes the recovery file; l keeps it for next time."]
        default:
            return ["  Not taken: answer r, d or l."]
        }
        // The questions start once the recovery file is gone, if it is to go.
        if let effect { perform(effect) } else { phase = .asking(0) }
        return out + heading(for: Self.questions[0])
    }
}
