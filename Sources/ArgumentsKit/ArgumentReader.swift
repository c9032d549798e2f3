/// Reads a command's words against its `CommandSpec`, as swift-argument-parser did (the
/// program's parser until it was replaced: that package links Foundation, whose data the
/// loader relocated at every start; Benchmarks/README.md, "Start-up, first frame and fleet speed"):
/// - `--name value` and `--name=value`; a value is the next word unless that word looks
///   like an option (`-` alone is a value: standard input); `--name=-x` gives one that does.
/// - `-q`, and short flags together (`-qh`).
/// - `--` ends the options: every word after it is an argument.
/// - An option given twice keeps its last value; a repeatable one keeps them all.
/// - Arguments fill the command's positionals in order; a repeating one takes the rest.
public enum ArgumentReader {
    public static func read(_ words: [String], for spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments(spec: spec)
        var loose: [String] = []
        var i = 0
        var optionsEnded = false
        while i < words.count {
            let word = words[i]
            i += 1
            if optionsEnded || !looksLikeOption(word) {
                loose.append(word)
                continue
            }
            if word == "--" {
                optionsEnded = true
                continue
            }
            if word.hasPrefix("--") {
                let body = word.dropFirst(2)
                let equals = body.firstIndex(of: "=")
                let name = String(equals.map { body[..<$0] } ?? body)
                let inline = equals.map { String(body[body.index(after: $0)...]) }
                guard let option = spec.option(named: name) else { throw .unknownOption(equals == nil ? word : "--" + name, in: spec) }
                if option.isFlag {
                    if let inline { throw .valueForFlag(inline, flag: option, in: spec) }
                    parsed.flags.insert(option.name)
                    continue
                }
                let value: String
                if let inline {
                    // `--format=`: as swift-argument-parser read it, no value at all.
                    if inline.isEmpty { throw .missingValue(for: option, in: spec) }
                    value = inline
                } else if i < words.count, !looksLikeOption(words[i]) {
                    value = words[i]
                    i += 1
                } else {
                    throw .missingValue(for: option, in: spec)
                }
                try add(value, to: option, in: &parsed)
                continue
            }
            // Short options: `-q`, or several flags together (`-qh`).
            var letters = word.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let option = spec.option(short: letter) else {
                    throw .unknownOption(word.count == 2 ? word : "-\(letter)", in: spec)
                }
                if option.isFlag {
                    parsed.flags.insert(option.name)
                } else if !letters.isEmpty {
                    try add(String(letters), to: option, in: &parsed)
                    letters = ""
                } else if i < words.count, !looksLikeOption(words[i]) {
                    try add(words[i], to: option, in: &parsed)
                    i += 1
                } else {
                    throw .missingValue(for: option, in: spec)
                }
            }
        }
        try place(loose, in: &parsed)
        if let missing = spec.options.first(where: { $0.required && parsed.options[$0.name] == nil }) {
            throw UsageError("Missing expected argument '\(missing.label)'", help: (missing.label, missing.help), command: spec)
        }
        return parsed
    }

    /// Whether a word is taken as an option: it starts with `-` and is not `-` alone.
    public static func looksLikeOption(_ word: String) -> Bool { word.hasPrefix("-") && word != "-" }

    private static func add(_ value: String, to option: OptionSpec, in parsed: inout ParsedArguments) throws(UsageError) {
        if !option.values.isEmpty && !option.values.contains(value) { throw .invalidValue(value, for: option, in: parsed.spec) }
        if option.repeating {
            parsed.options[option.name, default: []].append(value)
        } else {
            parsed.options[option.name] = [value]
        }
    }

    /// The words that are not options, to the command's positionals in order.
    private static func place(_ words: [String], in parsed: inout ParsedArguments) throws(UsageError) {
        var rest = words[...]
        for argument in parsed.spec.arguments {
            switch argument.count {
            case .one:
                guard let word = rest.popFirst() else { throw .missingArgument(argument, in: parsed.spec) }
                parsed.positionals[argument.name] = [word]
            case .optional(let fallback):
                parsed.positionals[argument.name] = [rest.popFirst() ?? fallback]
            case .oneOrMore, .any:
                if rest.isEmpty && argument.count == .oneOrMore { throw .missingArgument(argument, in: parsed.spec) }
                parsed.positionals[argument.name] = Array(rest)
                rest = []
            }
        }
        if let extra = rest.first { throw .unexpectedArgument(extra, in: parsed.spec) }
    }
}
