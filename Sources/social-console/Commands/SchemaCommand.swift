import ArgumentsKit
import SettingsKit

struct SchemaCommand: Command {
    static let name = "schema"
    static let spec = CommandSpec(name: name, abstract: "Print the JSON Schema (2020-12) of the settings file.")

    init(_ arguments: ParsedArguments) {}

    func run() throws {
        // Built from the field table (SettingsSchema), so it always matches what loads.
        Output.printUnescaped(SettingsSchema.text, terminator: "")
    }
}
