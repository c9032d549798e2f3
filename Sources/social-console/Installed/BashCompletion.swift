import ArgumentsKit

/// The bash completion: one function, `_social-console`, that finds the command (the
/// first word after the program, else the console's `edit`), then offers what fits the
/// word being completed: an option's values after the option, the command's options
/// after a `-`, else what its arguments take.
enum BashCompletion {
    static var script: String {
        let program = CompletionScript.program
        let specs = CompletionScript.specs
        var lines = [
            "# bash completion for \(program); made by `\(program) \(CompletionScript.argument) bash`.",
            "",
            "_\(program)() {",
            "    local cur=${COMP_WORDS[COMP_CWORD]} prev=\"\" command=\(CompletionScript.defaultSpec.name) first=1 i word skip=\"\"",
            "    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}",
            "    # bash splits `--format=json` and `key=value` at \"=\": the option is the word before it.",
            "    [[ $cur == \"=\" ]] && { prev=${COMP_WORDS[COMP_CWORD-1]}; cur=\"\"; }",
            "    [[ $prev == \"=\" && COMP_CWORD -ge 2 && ${COMP_WORDS[COMP_CWORD-2]} == --* ]] && prev=${COMP_WORDS[COMP_CWORD-2]}",
            "    COMPREPLY=()",
            "    case ${COMP_WORDS[1]} in",
            "        \(specs.map(\.name).joined(separator: "|"))) command=${COMP_WORDS[1]}; first=2 ;;",
            "    esac",
            "    if (( COMP_CWORD == 1 )) && [[ $cur != -* ]]; then",
            "        mapfile -t COMPREPLY < <(compgen -W \(CompletionScript.singleQuoted((specs.map(\.name) + ["help"]).joined(separator: " "))) -- \"$cur\")",
            "        _\(program)_files",
            "        return",
            "    fi",
            "    # Which of the command's arguments the word is: the words before it that are",
            "    # neither options nor their values.",
            "    local position=0",
            "    for (( i = first; i < COMP_CWORD; i++ )); do",
            "        word=${COMP_WORDS[i]}",
            "        if [[ -n $skip ]]; then skip=\"\"; continue; fi",
            "        case $word in",
            "            =) ;;",
            "            -|[!-]*) [[ ${COMP_WORDS[i-1]} == \"=\" ]] || (( position++ )) ;;",
            "            *) [[ ${COMP_WORDS[i+1]} != \"=\" ]] && _\(program)_takes_value \"$command\" \"$word\" && skip=1 ;;",
            "        esac",
            "    done",
            "    case $command in",
        ]
        for spec in specs {
            lines.append("        \(spec.name))")
            lines.append("            case $prev in")
            for option in spec.options where !option.isFlag {
                lines.append("                --\(option.name)) \(reply(option.completion)); return ;;")
            }
            lines.append("            esac")
            let names = spec.allOptions.flatMap { option in (option.short.map { ["-\($0)"] } ?? []) + ["--" + option.name] }
            lines.append(
                "            if [[ $cur == -* ]]; then mapfile -t COMPREPLY < <(compgen -W \(CompletionScript.singleQuoted(names.joined(separator: " "))) -- \"$cur\"); return; fi"
            )
            if !spec.arguments.isEmpty {
                lines.append("            case $position in")
                for (index, argument) in spec.arguments.enumerated() {
                    let last = index == spec.arguments.count - 1
                    lines.append("                \(last && argument.isRepeating ? "*" : "\(index)")) \(reply(argument.completion)) ;;")
                }
                lines.append("            esac")
            }
            lines.append("            ;;")
        }
        lines += [
            "    esac",
            "}",
            "",
            "# Whether an option of a command takes a value (the next word is then not an argument).",
            "_\(program)_takes_value() {",
            "    case \"$1 $2\" in",
        ]
        let valued = specs.flatMap { spec in spec.options.filter { !$0.isFlag }.map { "\(spec.name) --\($0.name)" } }
        lines += [
            "        \(valued.map { CompletionScript.singleQuoted($0) }.joined(separator: "|"))) return 0 ;;",
            "    esac",
            "    return 1",
            "}",
            "",
            "_\(program)_files() {",
            "    compopt -o filenames 2>/dev/null",
            "    local file",
            "    while IFS= read -r file; do COMPREPLY+=(\"$file\"); done < <(compgen -f -- \"$cur\")",
            "}",
            "",
            "# set's KEY=VALUE words, from the binary's own field table.",
            "_\(program)_assignment() {",
            "    mapfile -t COMPREPLY < <(\"${COMP_WORDS[0]}\" \(SetCompletion.argument) \"$COMP_CWORD\" \"$cur\" -- \"${COMP_WORDS[@]}\" 2>/dev/null)",
            "    # A key is offered as `key=`: no space after it, the value comes next.",
            "    [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]] && compopt -o nospace 2>/dev/null",
            "    return 0",
            "}",
            "",
            "complete -F _\(program) \(program)",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The command that fills COMPREPLY for a word completed with `completion`.
    static func reply(_ completion: Completion) -> String {
        switch completion {
        case .none: return ":"
        case .file: return "_\(CompletionScript.program)_files"
        case .values(let values):
            return "mapfile -t COMPREPLY < <(compgen -W \(CompletionScript.singleQuoted(values.joined(separator: " "))) -- \"$cur\")"
        case .assignment: return "_\(CompletionScript.program)_assignment"
        }
    }
}
