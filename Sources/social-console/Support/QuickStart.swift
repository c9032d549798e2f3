/// Start-up without the argument parser for the two commands whose start-up a person
/// feels: `audit` of a few files, and the console. The parser reads every command's
/// properties by reflection before it runs one: that was about half of the instructions
/// of `audit` on one file (a profile is in the README). A command line read here is one
/// the parser reads the same way; anything else (help, `--version`, an unknown or
/// repeated option, `--`, a value that starts with `-`, a value the command would refuse)
/// goes to the parser, which also words every error.
enum QuickStart {
    enum Command {
        case audit(AuditRun)
        case edit(file: String, readOnly: Bool)
    }

    /// The file the console opens when none is named (also `edit`'s default).
    static let defaultFile = "social-connection.json"

    /// The commands read here. Being commands, they are no typo of one: main need not build
    /// every command's configuration to find that out.
    static let commands = ["audit", "edit"]

    static func parse(_ arguments: [String]) -> Command? {
        guard let first = arguments.first else { return .edit(file: defaultFile, readOnly: false) }
        switch first {
        case "audit": return audit(Array(arguments.dropFirst()))
        case "edit": return edit(Array(arguments.dropFirst()))
        default:
            // Without a command, the arguments are the console's; a command name other
            // than these two is left to the parser. A path is no command's name.
            if CommandTypo.isWord(first) && SocialConsole.commandNames.contains(first) { return nil }
            return edit(arguments)
        }
    }

    private static func edit(_ arguments: [String]) -> Command? {
        var file: String?
        var readOnly = false
        for argument in arguments {
            if argument == "--read-only" {
                if readOnly { return nil }
                readOnly = true
            } else if argument.hasPrefix("-") || file != nil {
                return nil
            } else {
                file = argument
            }
        }
        return .edit(file: file ?? defaultFile, readOnly: readOnly)
    }

    private static func audit(_ arguments: [String]) -> Command? {
        var options = AuditRun(paths: [])
        var seen: Set<String> = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            i += 1
            guard argument.hasPrefix("-"), argument != AuditRun.standardInput else {
                options.paths.append(argument)
                continue
            }
            // `--name value` or `--name=value`.
            var name = argument, value: String?
            if let eq = argument.firstIndex(of: "=") {
                name = String(argument[..<eq])
                value = String(argument[argument.index(after: eq)...])
            }
            if name == "-q" { name = "--quiet" }
            // Each option once (the parser words what a repeat means), but --code, which adds up.
            guard seen.insert(name).inserted || name == "--code" else { return nil }
            switch name {
            case "--by-code", "--only-failing", "--quiet":
                if value != nil { return nil }
                switch name {
                case "--by-code": options.byCode = true
                case "--only-failing": options.onlyFailing = true
                default: options.quiet = true
                }
            case "--format", "--jobs", "--for", "--code":
                if value == nil {
                    guard i < arguments.count, !arguments[i].hasPrefix("-") else { return nil }
                    value = arguments[i]
                    i += 1
                }
                switch name {
                case "--format":
                    guard let format = AuditFormat(rawValue: value!) else { return nil }
                    options.format = format
                case "--for":
                    guard let target = AuditTarget(rawValue: value!) else { return nil }
                    options.judgedFor = target
                case "--code":
                    options.codes.append(value!)
                default:
                    guard let jobs = Int(value!) else { return nil }
                    options.jobs = jobs
                }
            default:
                return nil
            }
        }
        guard (try? options.validate()) != nil else { return nil }
        return .audit(options)
    }

    static func run(_ command: Command) throws {
        switch command {
        case .audit(let audit): try audit.run()
        case .edit(let file, let readOnly): try EditCommand.open(file, readOnly: readOnly)
        }
    }
}
