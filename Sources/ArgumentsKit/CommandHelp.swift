/// `--help` and the usage line of errors, laid out as swift-argument-parser laid them out
/// (scripts and people already read them so): OVERVIEW, the discussion, USAGE, ARGUMENTS,
/// OPTIONS, each description in a column, wrapped at 80.
public enum CommandHelp {
    /// Lines end before the 80th column, as swift-argument-parser ended them.
    public static let width = 79
    /// Where descriptions start; a longer label puts its description on the next line.
    public static let column = 26

    /// `social-console audit <paths> ... [--format <format>] …`.
    public static func usage(_ spec: CommandSpec, programName: String) -> String {
        if spec.name == programName { return "\(programName) <subcommand>" }
        var parts = ["\(programName) \(spec.name)"]
        for argument in spec.arguments {
            switch argument.count {
            case .one, .oneOrMore: parts.append(argument.label)
            case .optional, .any: parts.append("[\(argument.label)]")
            }
        }
        for option in spec.options {
            let shown = option.label + (option.repeating ? " ..." : "")
            parts.append(option.required ? shown : "[\(shown)]")
        }
        return parts.joined(separator: " ")
    }

    /// A command's `--help`.
    public static func text(_ spec: CommandSpec, programName: String) -> String {
        var out = wrap("OVERVIEW: " + spec.abstract, indent: 0)
        out.append("")
        if !spec.discussion.isEmpty {
            for paragraph in spec.discussion.split(separator: "\n", omittingEmptySubsequences: false) {
                out += wrap(String(paragraph), indent: 0)
            }
            out.append("")
        }
        out.append("USAGE: " + usage(spec, programName: programName))
        out.append("")
        if !spec.arguments.isEmpty {
            out.append("ARGUMENTS:")
            for argument in spec.arguments {
                var help = argument.help
                if case .optional(let fallback) = argument.count { help += " (default: \(fallback))" }
                out += entry("<\(argument.name)>", help)
            }
            out.append("")
        }
        out.append("OPTIONS:")
        for option in spec.allOptions { out += entry(option.helpLabel, optionHelp(option)) }
        out.append("")
        return out.joined(separator: "\n") + "\n"
    }

    /// The program's own `--help`: the commands, each with its abstract.
    public static func rootText(abstract: String, discussion: String, commands: [CommandSpec], defaultCommand: String, programName: String) -> String
    {
        let spec = CommandSpec(name: programName, abstract: abstract, discussion: discussion)
        var out = text(spec, programName: programName).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        out.removeLast()
        out.append("SUBCOMMANDS:")
        for command in commands {
            out += entry(command.name + (command.name == defaultCommand ? " (default)" : ""), command.abstract)
        }
        out.append("")
        out.append("  See '\(programName) help <subcommand>' for detailed help.")
        return out.joined(separator: "\n") + "\n"
    }

    /// An option's help with the values it takes and its default.
    public static func optionHelp(_ option: OptionSpec) -> String {
        var notes: [String] = []
        if !option.values.isEmpty { notes.append("values: " + option.values.joined(separator: ", ")) }
        if let fallback = option.defaultValue { notes.append("default: " + fallback) }
        return notes.isEmpty ? option.help : option.help + " (" + notes.joined(separator: "; ") + ")"
    }

    /// A label and its description in the column, wrapped.
    public static func entry(_ label: String, _ help: String) -> [String] {
        let lead = "  " + label
        var lines = wrap(help, indent: column)
        if lead.count + 2 <= column, let first = lines.first {
            lines[0] = lead + String(repeating: " ", count: column - lead.count) + first.dropFirst(column)
            return lines
        }
        return [lead] + lines
    }

    /// Words to lines of at most `width` columns, every line starting with `indent` spaces.
    /// A word longer than a line has one to itself.
    public static func wrap(_ text: String, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        var lines: [String] = []
        var line = pad
        for word in text.split(separator: " ") {
            if line.count > indent && line.count + 1 + word.count > width {
                lines.append(line)
                line = pad
            }
            line += (line.count > indent ? " " : "") + word
        }
        if line.count > indent || lines.isEmpty { lines.append(line) }
        return lines
    }
}
