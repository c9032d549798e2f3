import ArgumentsKit
import SettingsKit

struct InitCommand: Command {
    static let name = "init"
    static let spec = CommandSpec(
        name: name,
        abstract: "Create a new settings file (never overwrites one).",
        discussion: """
            The file starts as a new setup does: Enable for sign-up and sign-in on, Use custom credentials on in \
            production (off in development, which uses shared credentials), the app Not sharing \
            (production), the connection not yet enabled.
            """,
        arguments: [Positional(name: "file", help: "The settings file to create.", completion: .file)],
        options: [
            // Not a closed choice: `validate` words the refusal, naming what was given.
            .value("environment", help: "development or production.", required: true, completion: .values(Fields.environments)),
            .value(
                "redirect-uri",
                help:
                    "The instance's redirect URI: the Callback URL the Clerk Dashboard shows (the Frontend API URL followed by /v1/oauth_callback).",
                required: true),
            .value("name", help: "A name for the instance, e.g. acme-prod."),
        ]
    )

    let file: String
    let environment: String
    let redirectUri: String
    let name: String?

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        environment = arguments.option("environment") ?? ""
        redirectUri = arguments.option("redirect-uri") ?? ""
        name = arguments.option("name")
    }

    func validate() throws {
        guard Environment(named: environment) != nil else {
            throw UsageError("--environment must be development or production, not \"\(environment)\"")
        }
        if redirectUri.trimmingWhitespace.isEmpty { throw UsageError("--redirect-uri must not be empty") }
    }

    func run() throws {
        var settings = Settings()
        settings.setText("instance.name", name)
        settings.setText("instance.environment", environment)
        settings.setText("instance.redirectUri", redirectUri)
        Self.applyDefaults(to: &settings, environment: environment)
        do {
            try SettingsStore.create(settings, at: file, via: "init")
        } catch {
            Output.fileError(error)
            throw ExitCode(2)
        }
        let report = Readiness.evaluate(settings)
        Output.line("created \(file) (\(environment)): \(plural(report.blockers.count, "blocker")) left before production")
        for f in report.findings(for: .instance) where f.severity == .blocker {
            Output.line("  \(Output.mark(f.severity)) \(f.message)")
        }
        Output.line("next: social-console edit \(file)")
    }

    /// What a new setup starts as, so that a file says what the dashboards show before
    /// anything is changed there: Clerk's "Enable for sign-up and sign-in" is on;
    /// production uses its own credentials and development the shared ones; a new
    /// Atlassian app is Not sharing. The connection itself is left off (not set) until
    /// the operator enables it.
    static func applyDefaults(to settings: inout Settings, environment: String) {
        let production = Environment(named: environment) == .production
        settings.setFlag("connection.signUpAndSignIn", true)
        settings.setFlag("connection.useCustomCredentials", production)
        if production { settings.setText("atlassianApp.distribution.status", "not_sharing") }
    }
}
