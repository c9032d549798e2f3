import ArgumentsKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// The command line: its commands, `--help`, `--version`, `help COMMAND`, and the hidden
/// words `make files` and the shells' completions use. Without a command the words are
/// `edit`'s (the console).
enum SocialConsole {
    static let programName = "social-console"
    static let abstract = "Set up and audit an instance's Atlassian social connection (OAuth 2.0 3LO)."
    static let discussion = """
        Without a command, opens the full-screen console on FILE (default social-connection.json).
        Exit codes: 0 ready or success, 1 at least one blocker, 2 usage or file error.
        Version \(Version.number).
        """

    static let commands: [any Command.Type] = [
        EditCommand.self, AuditCommand.self, ShowCommand.self, SetCommand.self, InitCommand.self,
        AuthorizeURLCommand.self, ExplainCommand.self, SchemaCommand.self, DiffCommand.self, HistoryCommand.self,
        PullCommand.self, PushCommand.self, VerifyCommand.self,
    ]
    static let defaultCommand = EditCommand.self

    /// The names a first argument is taken as a command for.
    static var commandNames: [String] { commands.map { $0.name } + ["help"] }

    static func command(named name: String) -> (any Command.Type)? { commands.first { $0.name == name } }

    /// Runs the command line; returns the exit status.
    static func run(_ arguments: [String]) -> Int32 {
        var type: any Command.Type = defaultCommand
        var words = arguments[...]
        do {
            if let hidden = HiddenArgument.run(arguments) { return hidden }
            switch words.first {
            case "help"?: return try help(Array(words.dropFirst()))
            case "-h"?, "--help"?:
                Output.printUnescaped(rootHelp, terminator: "")
                return 0
            case let first?:
                if let named = command(named: first) {
                    type = named
                    words = words.dropFirst()
                }
            case nil: break
            }
            let options = words.prefix { $0 != "--" }
            // `--help`, `-h`, or `h` among short flags together (`-qh`).
            if options.contains(where: { $0 == "--help" || ($0.hasPrefix("-") && !$0.hasPrefix("--") && $0.contains("h")) }) {
                Output.printUnescaped(CommandHelp.text(type.spec, programName: programName), terminator: "")
                return 0
            }
            if options.contains("--version") {
                Output.line(Version.line)
                return 0
            }
            let command = try type.init(try ArgumentReader.read(Array(words), for: type.spec))
            try command.validate()
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch var usage as UsageError {
            if usage.command == nil { usage.command = type.spec }
            Output.error(lines: usage.lines(programName: programName).joined(separator: "\n"))
            return 2
        } catch {
            Output.error("\(error)")
            return 2
        }
    }

    static var rootHelp: String {
        CommandHelp.rootText(
            abstract: abstract, discussion: discussion, commands: commands.map { $0.spec }, defaultCommand: defaultCommand.spec.name,
            programName: programName)
    }

    /// `help`, `help COMMAND`.
    private static func help(_ words: [String]) throws(UsageError) -> Int32 {
        guard let name = words.first else {
            Output.printUnescaped(rootHelp, terminator: "")
            return 0
        }
        guard words.count == 1, let type = command(named: name) else {
            let near = EditDistance.nearest(to: name, in: commands.map { $0.name }, limit: 2)
            throw UsageError(
                words.count == 1 ? "Unknown command '\(name)'" + (near.map { "; did you mean '\($0)'?" } ?? "") : "help takes one command",
                help: nil, command: CommandSpec(name: programName, abstract: abstract))
        }
        Output.printUnescaped(CommandHelp.text(type.spec, programName: programName), terminator: "")
        return 0
    }
}
