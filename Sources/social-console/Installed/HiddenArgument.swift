import ArgumentsKit

/// The command lines that are not commands, and so not in `--help`: what `make files` runs
/// to write the man page and the completion scripts, and what those scripts run to
/// complete `set`'s KEY=VALUE words.
enum HiddenArgument {
    /// The exit status when `arguments` is one of them; nil otherwise.
    static func run(_ arguments: [String]) -> Int32? {
        guard let first = arguments.first else { return nil }
        switch first {
        case ManPage.argument:
            guard arguments.count == 2 else { return usage("\(ManPage.argument) DATE (YYYY-MM-DD)") }
            Output.printUnescaped(ManPage.page(date: arguments[1]), terminator: "")
        case CompletionScript.argument:
            guard arguments.count == 2, let script = CompletionScript.script(for: arguments[1]) else {
                return usage("\(CompletionScript.argument) " + CompletionScript.shells.joined(separator: "|"))
            }
            Output.printUnescaped(script, terminator: "")
        case SetCompletion.argument:
            guard let candidates = SetCompletion.candidates(arguments) else { return usage("\(SetCompletion.argument) INDEX PREFIX -- WORD...") }
            for candidate in candidates { Output.printUnescaped(candidate) }
        default:
            return nil
        }
        return 0
    }

    private static func usage(_ line: String) -> Int32 {
        Output.error("usage: \(SocialConsole.programName) \(line)")
        return 2
    }
}
