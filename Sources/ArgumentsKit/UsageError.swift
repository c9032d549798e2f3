import SettingsKit

/// A command line the command cannot run: an unknown option, a missing or refused value,
/// or what a command's own `validate` refuses. Printed as the message, the option's or
/// argument's help, the command's usage and where to read more; exit 2.
public struct UsageError: Error {
    public let message: String
    /// The help of the option or argument the message is about.
    public var help: (label: String, text: String)?
    /// The command whose usage is shown; nil: the one being run (the caller fills it in).
    public var command: CommandSpec?

    /// What a command refuses after parsing (`validate`, or `run` before it does anything).
    public init(_ message: String) { self.message = message }

    public init(_ message: String, help: (label: String, text: String)?, command: CommandSpec) {
        self.message = message
        self.help = help
        self.command = command
    }

    public static func unknownOption(_ word: String, in spec: CommandSpec) -> UsageError {
        let names = spec.allOptions.map { "--" + $0.name }
        let near = word.hasPrefix("--") ? EditDistance.nearest(to: word, in: names, limit: 2) : nil
        return UsageError("Unknown option '\(word)'" + (near.map { ". Did you mean '\($0)'?" } ?? ""), help: nil, command: spec)
    }

    public static func missingValue(for option: OptionSpec, in spec: CommandSpec) -> UsageError {
        UsageError("Missing value for '\(option.label)'", help: (option.label, option.help), command: spec)
    }

    public static func invalidValue(_ value: String, for option: OptionSpec, in spec: CommandSpec) -> UsageError {
        var message = "The value '\(value)' is invalid for '\(option.label)'"
        if !option.values.isEmpty { message += ". Please provide one of " + Self.list(option.values.map { "'\($0)'" }) + "." }
        return UsageError(message, help: (option.label, option.help), command: spec)
    }

    public static func valueForFlag(_ value: String, flag: OptionSpec, in spec: CommandSpec) -> UsageError {
        UsageError("The option '--\(flag.name)' does not take any value, but '\(value)' was specified.", help: nil, command: spec)
    }

    public static func missingArgument(_ argument: Positional, in spec: CommandSpec) -> UsageError {
        UsageError("Missing expected argument '\(argument.label)'", help: ("<\(argument.name)>", argument.help), command: spec)
    }

    public static func unexpectedArgument(_ word: String, in spec: CommandSpec) -> UsageError {
        UsageError("Unexpected argument '\(word)'", help: nil, command: spec)
    }

    /// "'a', 'b' and 'c'".
    public static func list(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// The lines printed on standard error.
    public func lines(programName: String) -> [String] {
        var out = ["Error: " + message]
        if let help { out.append("Help:  \(help.label)  \(help.text)") }
        if let command {
            out.append("Usage: " + CommandHelp.usage(command, programName: programName))
            let path = command.name == programName ? programName : "\(programName) \(command.name)"
            out.append("  See '\(path) --help' for more information.")
        }
        return out
    }
}
