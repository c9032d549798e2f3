import ArgumentParser
import SettingsKit

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of the settings file."
    )

    func run() throws {
        guard let schema = BundledResources.text("schema.json") else {
            Output.error("the JSON Schema was not built into this binary")
            throw ExitCode(2)
        }
        Output.print(schema, terminator: schema.hasSuffix("\n") ? "" : "\n")
    }
}
