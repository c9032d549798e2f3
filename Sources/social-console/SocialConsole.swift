import ArgumentParser

struct SocialConsole: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "social-console",
        abstract: "Set up and audit an instance's Atlassian social connection (OAuth 2.0 3LO).",
        discussion: """
            Without a command, opens the full-screen console on FILE (default social-connection.json).
            Exit codes: 0 ready or success, 1 at least one blocker, 2 usage or file error.
            Version \(Version.number).
            """,
        version: Version.line,
        subcommands: [
            EditCommand.self, AuditCommand.self, ShowCommand.self, SetCommand.self, InitCommand.self,
            AuthorizeURLCommand.self, ExplainCommand.self, SchemaCommand.self, DiffCommand.self, HistoryCommand.self,
            PullCommand.self, PushCommand.self, VerifyCommand.self,
        ],
        defaultSubcommand: EditCommand.self
    )

    /// The names a first argument is taken as a command for (`help` is the parser's own).
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
    }
}
