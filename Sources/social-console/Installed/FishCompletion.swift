import ArgumentsKit

/// The fish completion: a `complete` line per command and per option, each applying
/// while that command is the one being typed.
enum FishCompletion {
    static var script: String {
        let program = CompletionScript.program
        let specs = CompletionScript.specs
        let names = specs.map(\.name).joined(separator: " ")
        var lines = [
            "# fish completion for \(program); made by `\(program) \(CompletionScript.argument) fish`.",
            "",
            "# The command being typed: the first word after the program, else the console's.",
            "function __\(program)_command",
            "    set -l words (commandline -opc)",
            "    if test (count $words) -ge 2; and contains -- $words[2] \(names)",
            "        echo $words[2]",
            "    else",
            "        echo \(CompletionScript.defaultSpec.name)",
            "    end",
            "end",
            "",
            "function __\(program)_using",
            "    test (__\(program)_command) = $argv[1]",
            "end",
            "",
            "# set's KEY=VALUE words, from the binary's own field table.",
            "function __\(program)_assignment",
            "    set -l words (commandline -opc) (commandline -ct)",
            "    $words[1] \(SetCompletion.argument) (math (count $words) - 1) (commandline -ct) -- $words 2>/dev/null",
            "end",
            "",
            "complete -c \(program) -f",
            "complete -c \(program) -n '__fish_use_subcommand' -F",
        ]
        for spec in specs {
            lines.append(
                "complete -c \(program) -n '__fish_use_subcommand' -a \(spec.name) -d \(CompletionScript.singleQuoted(spec.abstract))")
        }
        for spec in specs {
            let when = "-n " + CompletionScript.singleQuoted("__\(program)_using \(spec.name)")
            for option in spec.allOptions {
                var line = "complete -c \(program) \(when)"
                if let short = option.short { line += " -s \(short)" }
                line += " -l \(option.name)"
                switch option.completion {
                case _ where option.isFlag: break
                case .file: line += " -r -F"
                case .values(let values): line += " -x -a " + CompletionScript.singleQuoted(values.joined(separator: " "))
                case .none, .assignment: line += " -x"
                }
                lines.append(line + " -d " + CompletionScript.singleQuoted(option.help))
            }
            for argument in spec.arguments {
                switch argument.completion {
                case .file: lines.append("complete -c \(program) \(when) -F")
                case .assignment: lines.append("complete -c \(program) \(when) -a '(__\(program)_assignment)'")
                case .values(let values):
                    lines.append("complete -c \(program) \(when) -a " + CompletionScript.singleQuoted(values.joined(separator: " ")))
                case .none: break
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
