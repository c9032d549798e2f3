import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// A first argument that looks like a mistyped command (`shwo`, `audti`) is a usage error,
/// never the name of a new file for the console: opening an empty console on `shwo`, or
/// answering `audti fleet/` with the console's usage, hides what went wrong.
enum CommandTypo {
    /// The command `argument` is within two edits of, when it is not a command itself, not
    /// an option, looks like a word rather than a path (ASCII letters, digits, `-`, `_`:
    /// no dot, no slash), and names no existing file.
    /// `commands` is asked for last: a path (`./acme.json`) never needs it.
    static func suggestion(for argument: String, commands: @autoclosure () -> [String]) -> String? {
        guard isWord(argument), !argument.hasPrefix("-") else { return nil }
        if SystemIO.linkStatus(argument) != nil { return nil }
        let commands = commands()
        guard !commands.contains(argument) else { return nil }
        return EditDistance.nearest(to: argument, in: commands, limit: 2)
    }

    /// Whether `argument` has a command's shape: ASCII letters, digits, `-` and `_`, and
    /// not empty. What has another (a dot, a slash) is neither a command nor a typo of one.
    static func isWord(_ argument: String) -> Bool {
        !argument.isEmpty
            && argument.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
            )
    }

    /// The message for it; exit code 2 like every usage error.
    static func message(_ argument: String, _ command: String) -> String {
        """
        social-console: '\(argument)' is not a command; did you mean '\(command)'?
        (to open a new file of that name in the console: social-console edit \(argument))
        See 'social-console --help'.
        """
    }
}
