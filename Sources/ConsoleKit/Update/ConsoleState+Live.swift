import LiveKit
import SettingsKit

/// Review's live actions, Test with Clerk and Atlassian and Push to Clerk, as effects like
/// saving: the reducer asks (`Effect.start` with a `LiveWork`), the session runs the
/// requests off the input thread, and their news comes back as `Event.live`.
extension ConsoleState {
    mutating func performLive(_ action: Action) -> Effect? {
        switch action {
        case .testLive: return request(.test)
        case .pushLive: return request(.push)
        case .cancelLive: return cancelLive()
        case .useKey: return useTypedKey()
        case .eraseKey: editKeyPrompt { if !$0.typed.isEmpty { $0.typed.removeLast() } }
        case .clearKey: editKeyPrompt { $0.typed = "" }
        case .applyPush: return applyPush()
        case .closeLive: closeLiveDialog()
        default: break
        }
        return nil
    }

    /// t or p on Review: asks for the key first when the action needs one and none was
    /// given; a push is refused while the credentials step has blockers.
    mutating func request(_ request: LiveState.Request) -> Effect? {
        if let running = live.running {
            status = StatusMessage(
                running.stage.doing + " is under way: wait for it" + (live.isCancellable ? ", or Esc stops it" : ""), isError: true)
            return nil
        }
        commitEditor()
        if request == .push {
            guard allowsEditing() else { return nil }
            guard edit.base != nil else {
                status = StatusMessage("Save \(fileName) first (^S): a push is recorded in its history", isError: true)
                return nil
            }
            let blockers = Push.blockers(report, settings)
            if !blockers.isEmpty {
                panel = .live(.pushRefused(blockers))
                return nil
            }
        }
        // Only the Clerk check needs the key, and only for a file that names its application.
        let needsKey = request == .push || ClerkTarget.of(settings) != nil
        if live.key == nil && needsKey {
            panel = .live(.keyPrompt(KeyPrompt(then: request)))
            return nil
        }
        return start(request)
    }

    /// Starts the request on the settings on screen.
    mutating func start(_ request: LiveState.Request) -> Effect {
        switch request {
        case .test:
            return launch(.testing, .verify(settings), settings)
        case .push:
            live.conflicted = nil
            return launch(.planning, .pushPreview(settings), settings)
        }
    }

    mutating func launch(_ stage: LiveState.Stage, _ task: LiveTask, _ settings: Settings, historyPath: String? = nil) -> Effect {
        live.lastJob += 1
        let id = Job.ID(live.lastJob)
        live.running = LiveState.Running(id: id, stage: stage, settings: settings)
        status = StatusMessage(stage.doing + "…" + (live.isCancellable ? " Esc stops it." : ""))
        return .start(Job(id: id, work: LiveWork(task: task, key: live.key, historyPath: historyPath)))
    }

    mutating func cancelLive() -> Effect? {
        guard let running = live.running, live.isCancellable else { return nil }
        live.running = nil
        live.conflicted = nil
        status = StatusMessage(running.stage.stopped)
        return .cancel(running.id)
    }

    /// Enter at the prompt: the key is checked as the command line checks one; with
    /// nothing typed a test runs the checks that need no key.
    mutating func useTypedKey() -> Effect? {
        guard case .live(.keyPrompt(var prompt)) = panel else { return nil }
        if prompt.typed.isEmpty {
            guard prompt.then == .test else {
                prompt.problem = "Push to Clerk needs the key: type or paste it, or Esc"
                panel = .live(.keyPrompt(prompt))
                return nil
            }
            panel = nil
            return start(.test)
        }
        switch PlatformKey.make(prompt.typed, from: "The key typed") {
        case .success(let key):
            live.key = key
            panel = nil
            return start(prompt.then)
        case .failure(let error):
            prompt.typed = ""
            prompt.problem = error.message
            panel = .live(.keyPrompt(prompt))
            return nil
        }
    }

    /// A character or a paste at the prompt (never drawn: the dialog shows a fixed mask).
    mutating func typeIntoKeyPrompt(_ key: Key) {
        let text: String
        switch key {
        case .char(let c): text = String(c)
        case .paste(let pasted): text = Self.pasted(pasted)
        default: return
        }
        editKeyPrompt { prompt in
            prompt.problem = nil
            // Longer than any key file may be: a paste of something else.
            if prompt.typed.utf8.count + text.utf8.count > PlatformKey.fileLimit {
                prompt.typed = ""
                prompt.problem = "That is too long to be a Platform API key (the wrong thing pasted?): nothing kept"
            } else {
                prompt.typed += text
            }
        }
    }

    mutating func editKeyPrompt(_ change: (inout KeyPrompt) -> Void) {
        guard case .live(.keyPrompt(var prompt)) = panel else { return }
        change(&prompt)
        panel = .live(.keyPrompt(prompt))
    }

    /// y in the dry run's dialog: the write, with the If-Match its dry run used.
    mutating func applyPush() -> Effect? {
        guard case .live(.pushConfirm(let plan, _)) = panel else { return nil }
        panel = nil
        return launch(.pushing, .pushApply(plan), plan.settings, historyPath: path)
    }

    mutating func closeLiveDialog() {
        guard case .live(let dialog) = panel else { return }
        panel = nil
        live.conflicted = nil
        switch dialog {
        case .keyPrompt: status = StatusMessage("No key given: nothing was asked of Clerk")
        case .pushConfirm: status = StatusMessage("Not pushed: nothing was written to Clerk")
        case .pushRefused: status = nil
        }
    }

    /// A live job's news. News of a job that is no longer the one under way (stopped with
    /// Esc, or superseded) is dropped.
    mutating func liveNews(_ news: LiveNews) -> Effect? {
        switch news {
        case .working(let id):
            if live.running?.id == id { live.running?.frame += 1 }
            return nil
        case .finished(let id, let result, let historyError):
            guard let running = live.running, running.id == id else { return nil }
            live.running = nil
            return finished(running, result, historyError: historyError)
        }
    }

    mutating func finished(_ running: LiveState.Running, _ result: LiveResult, historyError: String?) -> Effect? {
        switch result {
        case .verified(let verdict):
            live.results = LiveState.Results(verdict: verdict, checked: running.settings)
            if screen == .review { focus = max(0, min(focus, focusCount - 1)) }
            // Review shows the summary under its actions; elsewhere the status line says it.
            status = StatusMessage(
                screen == .review
                    ? "Tested with Clerk and Atlassian at \(LiveState.clock(verdict.time))"
                    : LiveState.summary(verdict) + " The findings are on Review.",
                isError: verdict.failed)
        case .pushPlanned(let plan):
            // A dialog opened meanwhile (quitting: y saves) keeps its keys: its y must never push.
            switch overlay {
            case nil, .help?: break
            default:
                live.conflicted = nil
                status = StatusMessage("Not pushed: Clerk's dry run came back while another dialog was open; press p on Review again", isError: true)
                return nil
            }
            panel = .live(.pushConfirm(plan, changedThere: live.conflicted.map { plan.changedThere(since: $0) }))
            status = nil
        case .pushed(let plan, .applied(let version)):
            live.conflicted = nil
            live.results?.pushedSince = true
            status = StatusMessage(
                "Pushed to \(plan.target) (config version \(version))"
                    + (historyError.map { ", but its history line could not be written: " + $0 } ?? "; recorded in the history of \(fileName)"),
                isError: historyError != nil)
        case .pushed(let plan, .conflict):
            // Someone changed the instance since the dry run: read it again and ask again,
            // once; a second 409 ends the push.
            guard live.conflicted == nil else {
                live.conflicted = nil
                status = StatusMessage(
                    "Not pushed: the instance \(plan.target) changed again while pushing (409 twice); nothing was written (clerk/conflict)",
                    isError: true)
                return nil
            }
            live.conflicted = plan
            let effect = launch(.planning, .pushPreview(plan.settings), plan.settings)
            status = StatusMessage("The instance changed at Clerk since it was read (409): reading it again…")
            return effect
        case .pulled:
            break
        case .failed(let error):
            live.conflicted = nil
            status =
                error.isCancellation
                ? StatusMessage(running.stage.stopped)
                : StatusMessage("\(running.stage.failed): \(error.description)", isError: true)
        }
        return nil
    }

    /// Texts the screen masks besides the file's secrets: the key, and what the prompt holds.
    var liveSecrets: [String] {
        var out = live.key.map { [$0.textToHide] } ?? []
        if case .live(.keyPrompt(let prompt)) = panel, !prompt.typed.isEmpty { out.append(prompt.typed) }
        return out
    }

    /// The dry run's dialog is open: y pushes.
    var showsPushPlan: Bool {
        if case .live(.pushConfirm) = panel { return true }
        return false
    }
}
