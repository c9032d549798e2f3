import ArgumentsKit
import SettingsKit

struct EditCommand: Command {
    static let name = "edit"
    static let spec = CommandSpec(
        name: name,
        abstract: "Open the full-screen console on FILE (created on first save), or on every settings file below a folder.",
        discussion: """
            With --plain, the same walkthrough as one question per line, for screen readers, \
            TERM=dumb, serial consoles and answers piped in from a file. ACCESSIBLE=1 or TERM=dumb \
            starts it without --plain.
            """,
        arguments: [
            Positional(
                name: "file", help: "The settings file, or a folder: the fleet list of every settings file below it.",
                count: .optional(default: defaultFile), completion: .file)
        ],
        options: [
            .flag("read-only", help: "Open the screens with editing and saving disabled."),
            .flag("plain", help: "Ask the questions one per line instead of the full screen (no cursor movement, no colour)."),
            // For Review's live actions (Test with Clerk and Atlassian, Push to Clerk).
            LiveKeyOption.spec,
        ]
    )

    /// The file the console opens when none is named.
    static let defaultFile = "social-connection.json"

    let file: String
    let readOnly: Bool
    let plain: Bool
    let key: LiveKeyOption

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        readOnly = arguments.flag("read-only")
        plain = arguments.flag("plain")
        key = LiveKeyOption(arguments)
    }

    func validate() throws {
        if plain && readOnly { throw UsageError("--plain asks questions to change FILE; to read it use show or audit") }
        if plain && key.apiKeyFile != nil {
            throw UsageError("--api-key-file is for the console's live actions on Review; plain mode has none")
        }
    }

    func run() throws {
        if plain {
            let code = runPlain(path: file)
            if code != 0 { throw ExitCode(code) }
            return
        }
        try EditCommand.open(file, readOnly: readOnly, keyFile: key.apiKeyFile)
    }

    /// The console, or plain mode where the environment asks for it (`ACCESSIBLE`, as
    /// huh reads it, or `TERM=dumb`, which cannot show the console). On a folder, the
    /// console's fleet list of every settings file below it.
    static func open(_ file: String, readOnly: Bool, keyFile: String? = nil) throws {
        let code: Int32
        if let reason = TerminalCheck.plainReason() {
            if readOnly || keyFile != nil {
                Output.error(
                    readOnly
                        ? "\(reason): plain mode asks questions to change FILE; to read it use show or audit"
                        : "\(reason): plain mode has no live actions for --api-key-file")
                throw ExitCode(2)
            }
            code = runPlain(path: file, reason: reason)
        } else if SystemIO.isFolder(file) {
            code = runFleet(folder: file, readOnly: readOnly, keyFile: keyFile)
        } else {
            code = runConsole(path: file, readOnly: readOnly, keyFile: keyFile)
        }
        if code != 0 { throw ExitCode(code) }
    }
}
