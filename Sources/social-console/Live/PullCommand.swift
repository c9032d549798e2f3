import ArgumentsKit
import LiveKit
import SettingsKit

struct PullCommand: Command {
    static let name = "pull"
    static let spec = CommandSpec(
        name: name,
        abstract: "Record the instance's Atlassian connection and primary domain (from Clerk) in FILE.",
        discussion: """
            Reads the instance's connection_oauth_atlassian (enabled, authenticatable, client_id) and, for production, \
            the redirect URI of its primary domain, through Clerk's Platform API (\(PlatformKey.variable)). The Client \
            Secret is never read back: paste it with set --client-secret-stdin. Saves like set (merge, lock, history \
            "via": "pull"). Exit 0 saved or no change, 2 usage, file or network error.
            """,
        arguments: [Positional(name: "file", help: "The settings file (created when missing).", completion: .file)],
        options: [
            .value("app", help: "The Clerk application (app_…); default FILE's clerk.applicationId."),
            .value("instance", help: "production, development or an instance id (ins_…); default FILE's clerk.instance."),
            .flag("dry-run", help: "Show the changes without writing FILE."),
            LiveKeyOption.spec,
        ]
    )

    let file: String
    let app: String?
    let instance: String?
    let dryRun: Bool
    let key: LiveKeyOption

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        app = arguments.option("app")
        instance = arguments.option("instance")
        dryRun = arguments.flag("dry-run")
        key = LiveKeyOption(arguments)
    }

    func run() throws {
        let exists = SystemIO.exists(file)
        let before = exists ? try loadOrExit(file).settings : Settings()
        let environment = try LiveSetup.environment(key)
        guard let platformKey = environment.key else { throw LiveSetup.fail(file, LiveJob.noKey) }
        let target: ClerkTarget
        switch ClerkTarget.of(before, app: app, instance: instance) {
        case nil: throw LiveSetup.fail(file, LiveError("clerk/invalid-target", "no Clerk application: give --app or set clerk.applicationId"))
        case .failure(let e)?: throw LiveSetup.fail(file, e)
        case .success(let t)?: target = t
        }
        let remote: Pull.Remote
        switch Pull.read(target, for: before, key: platformKey, environment: environment) {
        case .success(let r): remote = r
        case .failure(let e): throw LiveSetup.fail(file, e)
        }

        var after = before
        Pull.apply(remote, to: &after)
        // A new file learns the instance's kind from its name.
        if !exists, ["production", "development"].contains(target.instance) { after.setText("instance.environment", target.instance) }
        var changes = SettingsDiff.compare(before, after)
        if !dryRun && !changes.isEmpty {
            do {
                if exists {
                    changes = try SettingsStore.update(file, via: "pull") { Pull.apply(remote, to: &$0) }
                } else {
                    try SettingsStore.create(after, at: file, via: "pull")
                }
            } catch {
                Output.fileError(error)
                throw ExitCode(2)
            }
        }
        let secrets = Secret.values(in: before, after)
        if changes.isEmpty {
            Output.line("\(file): no change (the file already matches \(target))")
        } else {
            Output.line("\(file): \(plural(changes.count, "change")) \(dryRun ? "found (dry run: nothing written)" : "saved") from \(target)")
            for change in changes { Output.line("  " + change.line(secrets: secrets)) }
        }
        if Pull.secretMissingInFile(remote, after) {
            Output.line(
                "The instance has a Client Secret and \(file) has none; Clerk never reads it back. Paste it: social-console set \(file) --client-secret-stdin"
            )
        }
    }
}
