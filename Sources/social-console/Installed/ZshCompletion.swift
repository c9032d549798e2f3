import ArgumentsKit

/// The zsh completion: `_arguments` for each command, from its definition.
enum ZshCompletion {
    static var script: String {
        let program = CompletionScript.program
        let specs = CompletionScript.specs
        var lines = [
            "#compdef \(program)",
            "# zsh completion for \(program); made by `\(program) \(CompletionScript.argument) zsh`.",
            "",
            "_\(program)() {",
            "    local -a commands",
            "    commands=(",
        ]
        for spec in specs {
            lines.append("        \(CompletionScript.singleQuoted(spec.name + ":" + spec.abstract.replacing(text: ":", with: "\\:")))")
        }
        lines += [
            "    )",
            "    local command=\(CompletionScript.defaultSpec.name) program=${words[1]}",
            "    if (( ${commands[(I)${words[2]}:*]} )); then",
            "        command=${words[2]}",
            "        shift words",
            "        (( CURRENT-- ))",
            "    elif (( CURRENT == 2 )) && [[ $PREFIX != -* ]]; then",
            "        _describe -t commands command commands",
            "        _files",
            "        return",
            "    fi",
            "    case $command in",
        ]
        for spec in specs {
            lines.append("        \(spec.name))")
            lines.append("            _arguments -s -S \\")
            for option in spec.allOptions { lines.append("                \(optionSpec(option)) \\") }
            for argument in spec.arguments { lines.append("                \(argumentSpec(argument)) \\") }
            lines[lines.count - 1].removeLast(2)
            lines.append("            ;;")
        }
        lines += [
            "    esac",
            "}",
            "",
            "# set's KEY=VALUE words, from the binary's own field table.",
            "_\(program)_assignment() {",
            "    local -a candidates",
            "    # The words from the command on (the program's name was shifted off), with the program first again.",
            "    candidates=(${(f)\"$(\"$program\" \(SetCompletion.argument) $CURRENT \"$PREFIX\" -- \"$program\" \"${words[@]}\" 2>/dev/null)\"})",
            "    compadd -S '' -- $candidates",
            "}",
            "",
            "_\(program) \"$@\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// `'--format=[text or json.]:format:(text json)'`, `'(-q --quiet)'{-q,--quiet}'[…]'`.
    static func optionSpec(_ option: OptionSpec) -> String {
        let help = "[" + escaped(option.help) + "]"
        let value = option.valueName.map { ":" + escaped($0) + ":" + action(option.completion) } ?? ""
        if let short = option.short {
            let names = "'(-\(short) --\(option.name))'{-\(short),--\(option.name)}"
            return names + CompletionScript.singleQuoted(help + value)
        }
        let lead = (option.repeating ? "*" : "") + "--" + option.name + (option.isFlag ? "" : "=")
        return CompletionScript.singleQuoted(lead + help + value)
    }

    /// `':file:_files'`, `'*:paths:_files'`, `'::file:_files'` (optional).
    static func argumentSpec(_ argument: Positional) -> String {
        let lead: String
        switch argument.count {
        case .one: lead = ":"
        case .optional: lead = "::"
        case .oneOrMore, .any: lead = "*:"
        }
        return CompletionScript.singleQuoted(lead + escaped(argument.name) + ":" + action(argument.completion))
    }

    static func action(_ completion: Completion) -> String {
        switch completion {
        case .none: return " "
        case .file: return "_files"
        case .values(let values): return "(" + values.map(escaped).joined(separator: " ") + ")"
        case .assignment: return "_\(CompletionScript.program)_assignment"
        }
    }

    /// Brackets and colons end an `_arguments` field: quoted with a backslash.
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            if c == "[" || c == "]" || c == ":" || c == "\\" || c == "(" || c == ")" { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
