import LiveKit
import SettingsKit

/// What the screen shows of Review's live actions: the two actions (keys and click
/// targets), the spinner while a job runs (on Review and in the title, on every screen),
/// the last test's summary, each live finding's tag, and the key prompt and push dialogs.
enum LiveView {
    /// ASCII, so a terminal without UTF-8 turns it the same.
    static let spinner = ["|", "/", "-", "\\"]

    static func spinnerGlyph(_ running: LiveState.Running) -> String { spinner[running.frame % spinner.count] }

    /// The title's note while a job runs, e.g. "  / testing"; `short`: the spinner alone.
    static func titleNote(_ state: ConsoleState, short: Bool) -> String {
        guard let running = state.live.running else { return "" }
        let glyph = spinnerGlyph(running)
        if short { return " " + glyph }
        switch running.stage {
        case .testing: return "  \(glyph) testing"
        case .planning, .pushing: return "  \(glyph) pushing"
        }
    }

    /// Review's actions by name; their keys and short labels are their key table rows'.
    static let actionNames: [Action: String] = [.testLive: "Test with Clerk and Atlassian", .pushLive: "Push to Clerk"]

    /// Review's actions, each a click target that presses its key (the key table's row),
    /// with what runs now or what the last test found under them. Returns the next row.
    static func drawActions(_ state: ConsoleState, in body: Rect, y top: Int, mask: SecretMask, into buffer: inout CellBuffer) -> Int {
        var y = top
        guard y < body.bottom else { return y }
        // Push edits (the instance and the history): not offered in read-only.
        let actions = KeyTable.bindings(in: .review).filter { actionNames[$0.action] != nil && !($0.edits && state.readOnly) }
        let full = actions.reduce(0) { $0 + DisplayWidth.of($1.bar ?? "") + 6 + DisplayWidth.of(actionNames[$1.action] ?? "") }
        var x = body.x
        for action in actions {
            guard let press = action.keys.first else { continue }
            let start = x
            x = buffer.put("[\(action.bar ?? "")]", x: x, y: y, style: .keyName)
            let label = full <= body.width ? actionNames[action.action] ?? action.label : action.label
            x = buffer.put(" " + label, x: x, y: y, style: .normal, limit: body.right - x)
            buffer.mark(Rect(x: start, y: y, width: x - start, height: 1), .key(press))
            x += 3
        }
        y += 1
        let (text, style): (String, Style)
        if let running = state.live.running {
            text = "\(spinnerGlyph(running)) \(running.stage.doing)…" + (state.live.isCancellable ? " Esc stops it." : "")
            style = .info
        } else if let results = state.live.results {
            text = LiveState.summary(results.verdict)
            style = results.verdict.failed ? .warning : .dim
        } else {
            return y
        }
        for line in TextWrap.wrap(mask.masked(text), width: body.width).prefix(3) where y < body.bottom {
            buffer.put(line, x: body.x, y: y, style: style)
            y += 1
        }
        return y
    }

    /// What marks a live finding of `results` on Review: "live 10:04:05 UTC", and ", stale:
    /// edited since" once a key it judged was edited (or "pushed since").
    static func tag(_ finding: Finding, of results: LiveState.Results, now: Settings) -> String {
        let when = "live " + LiveState.clock(results.verdict.time)
        return results.staleness(finding, now: now).map { when + ", stale: " + $0 } ?? when
    }

    /// The dialog of `dialog`; `choices` are its key table rows.
    static func dialog(_ dialog: LiveDialog, _ state: ConsoleState, mask: SecretMask, choices: [KeyBar.Entry]) -> DialogView.Dialog {
        let file = mask.masked(state.fileName)
        switch dialog {
        case .keyPrompt(let prompt):
            var lines = [
                (prompt.then == .test ? "The Clerk check" : "Push to Clerk")
                    + " needs Clerk's Platform API key (ak_…). Type or paste it: it is kept in memory for this session only, never saved and never shown.",
                "Key: " + (prompt.typed.isEmpty ? "(nothing typed yet)" : Secret.maskText),
            ]
            if prompt.then == .test {
                lines.append("Enter with nothing typed tests without the Clerk check (the Frontend API and Atlassian need no key).")
            }
            if let problem = prompt.problem { lines.insert(mask.masked(problem), at: 1) }
            return DialogView.Dialog(title: "Platform API key", lines: lines, choices: choices)
        case .pushConfirm(let plan, let changedThere):
            var lines: [String] = []
            if let changedThere {
                lines.append(
                    "The instance changed at Clerk since it was read (409). "
                        + (changedThere.isEmpty
                            ? "None of the keys pushed changed there." : "Changed there meanwhile: \(changedThere.joined(separator: ", ")).")
                        + " Clerk's dry run, again:")
            } else {
                lines.append("Clerk's dry run of pushing \(file) to \(plan.target), each key remote → file:")
            }
            if plan.settings != state.edit.saved {
                lines.append("These are the values on screen, unsaved edits included: save them too (^S) to keep \(file) the same.")
            }
            return DialogView.Dialog(
                title: "Push to Clerk", lines: lines, items: plan.lines.map { ["• " + mask.masked($0)] }, scroll: state.dialogScroll,
                choices: choices)
        case .pushRefused(let blockers):
            return DialogView.Dialog(
                title: "Not pushed",
                lines: [
                    "\(file) has \(plural(blockers.count, "blocker")) in the credentials step: a push would send the Client ID and Secret as they are. Fix \(blockers.count == 1 ? "it" : "them") first:"
                ],
                items: blockers.map { ["\(Severity.blocker.glyph) \($0.code): " + mask.masked($0.message)] }, scroll: state.dialogScroll,
                choices: choices)
        }
    }
}
