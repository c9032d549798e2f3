import ArgumentParser
import SettingsKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of the settings file."
    )

    func run() throws {
        let schema = BundledResources.schema
        Output.print(schema, terminator: schema.hasSuffix("\n") ? "" : "\n")
    }
}
