import ArgumentParser
import SettingsKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of the settings file."
    )

    func run() throws {
        // Built from the field table (SettingsSchema), so it always matches what loads.
        Output.printUnescaped(SettingsSchema.text, terminator: "")
    }
}
