import ArgumentParser

struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the full-screen console on FILE (created on first save)."
    )

    @Argument(help: "The settings file.", completion: .file())
    var file: String = "social-connection.json"

    @Flag(name: .long, help: "Open the screens with editing and saving disabled.")
    var readOnly = false

    func run() throws { try EditCommand.open(file, readOnly: readOnly) }

    static func open(_ file: String, readOnly: Bool) throws {
        let code = runConsole(path: file, readOnly: readOnly)
        if code != 0 { throw ExitCode(code) }
    }
}
