import ArgumentsKit
import LiveKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

struct PushCommand: Command {
    static let name = "push"
    static let spec = CommandSpec(
        name: name,
        abstract: "Write FILE's Atlassian connection to the instance at Clerk, after Clerk's own dry run of it.",
        discussion: """
            Sends the keys FILE sets (enabled, authenticatable, client_id, client_secret) to the instance named by \
            clerk.applicationId and clerk.instance. Clerk first dry-runs the change; each key is shown remote → file \
            (the secret only as "will be replaced" or "will be set"). Asks before writing on a terminal; without one, \
            needs --yes. Refuses while the credentials step has blockers. Exit 0 pushed (or declined), 1 refused for \
            blockers, 2 usage, file or network error.
            """,
        arguments: [Positional(name: "file", help: "The settings file.", completion: .file)],
        options: [
            .flag("dry-run", help: "Show Clerk's dry run of the change and write nothing."),
            .flag("yes", help: "Push without asking (needed when standard input is not a terminal)."),
            LiveKeyOption.spec,
        ]
    )

    let file: String
    let dryRun: Bool
    let yes: Bool
    let key: LiveKeyOption

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        dryRun = arguments.flag("dry-run")
        yes = arguments.flag("yes")
        key = LiveKeyOption(arguments)
    }

    func run() throws {
        let loaded = try loadOrExit(file)
        let settings = loaded.settings
        let blockers = Push.blockers(Readiness.evaluate(loaded), settings)
        if !blockers.isEmpty {
            Output.line("\(file): not pushed: the credentials step has \(plural(blockers.count, "blocker")):")
            for f in blockers { Output.line("  \(Output.mark(f.severity)) \(f.code): \(f.message)") }
            throw ExitCode(1)
        }
        if !dryRun && !yes && isatty(0) != 1 {
            Output.error("\(file): push asks before writing; without a terminal, give --yes (or --dry-run). Nothing was sent.")
            throw ExitCode(2)
        }
        let environment = try LiveSetup.environment(key)
        var plan = try prepare(settings, environment)
        show(plan, heading: "Clerk's dry run of pushing \(file) to \(plan.target):")
        if dryRun {
            Output.line("Dry run: nothing was written.")
            return
        }
        var tries = 0
        while true {
            if !yes && !confirm() {
                Output.line("Nothing was pushed.")
                return
            }
            switch LiveJob.run(.pushApply(plan), environment: environment) {
            case .pushed(let pushed, .applied(let version)):
                record(pushed, key: environment.key)
                Output.line("Pushed to \(pushed.target) (config version \(version)).")
                return
            case .pushed(_, .conflict):
                tries += 1
                if tries > 1 {
                    throw LiveSetup.fail(
                        file, LiveError("clerk/conflict", "the instance \(plan.target) changed again while pushing (409 twice); nothing was written"))
                }
                Output.line("The instance changed at Clerk since it was read (409); reading it again.")
                let earlier = plan
                plan = try prepare(settings, environment)
                let changed = plan.changedThere(since: earlier)
                Output.line(
                    changed.isEmpty ? "None of the keys pushed changed there." : "Changed there meanwhile: \(changed.joined(separator: ", ")).")
                show(plan, heading: "Clerk's dry run, again:")
                if yes && !changed.isEmpty {
                    throw LiveSetup.fail(
                        file,
                        LiveError(
                            "clerk/conflict",
                            "not pushed: \(changed.joined(separator: ", ")) changed on the instance meanwhile; look, then push again"))
                }
            case .failed(let e):
                throw LiveSetup.fail(file, e)
            default:
                throw LiveSetup.fail(file, LiveError("clerk/unexpected", "push came to nothing"))
            }
        }
    }

    func prepare(_ settings: Settings, _ environment: LiveEnvironment) throws -> PushPlan {
        switch LiveJob.run(.pushPreview(settings), environment: environment) {
        case .pushPlanned(let plan): return plan
        case .failed(let e): throw LiveSetup.fail(file, e)
        default: throw LiveSetup.fail(file, LiveError("clerk/unexpected", "the dry run came to nothing"))
        }
    }

    func show(_ plan: PushPlan, heading: String) {
        Output.line(heading)
        for line in plan.lines { Output.line("  " + line) }
    }

    /// y or yes, on the terminal.
    func confirm() -> Bool {
        Output.printUnescaped("Push to Clerk? [y/N] ", terminator: "")
        fflush(nil)  // every stream: the prompt shows before the answer is read
        guard case .text(let bytes)? = LineReader(fd: 0, limit: 256).next() else { return false }
        let answer = String(decoding: bytes, as: UTF8.self).trimmingWhitespace.lowercased()
        return answer == "y" || answer == "yes"
    }

    /// The history line: what was pushed, where; the secret only as changed.
    func record(_ plan: PushPlan, key: PlatformKey?) {
        do {
            try plan.recordHistory(in: file, key: key)
        } catch {
            Output.error("\(file): pushed, but the history line could not be written: \(error.message)")
        }
    }
}
