import ArgumentsKit
import SettingsKit

struct ShowCommand: Command {
    static let name = "show"
    static let spec = CommandSpec(
        name: name,
        abstract: "Print the settings, with the client secret masked.",
        arguments: [Positional(name: "file", help: "The settings file.", completion: .file)],
        options: [.value("format", help: "text or json.", values: TextOrJSON.names, default: "text")]
    )

    let file: String
    let format: TextOrJSON

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        format = arguments.choice("format", default: .text)
    }

    func run() throws {
        let loaded = try loadOrExit(file)
        let shown = Secret.redacted(loaded.settings)
        if format == .json {
            Output.printUnescaped(JSONWriter.write(shown.document), terminator: "")
            return
        }
        let verdict = Verdict(Readiness.evaluate(loaded))
        let labelWidth = Fields.all.map(\.label.count).max()! + 2
        Output.line("\(Output.bold(file))  \(Output.headline(verdict))")
        for step in Step.allCases {
            Output.line()
            Output.line("\(Output.stepMark(verdict.state(of: step))) \(Output.bold(step.title))")
            for field in Fields.fields(of: step) {
                Output.line("    " + field.label.padded(labelWidth) + display(shown.value(field.key)))
            }
        }
        let known = Set(Fields.all.map(\.key) + ["schemaVersion"])
        let others = shown.leaves.filter { leaf in !known.contains(leaf.key) }
        if !others.isEmpty {
            Output.line()
            Output.line(Output.bold("Other keys (kept as they are)"))
            for (key, value) in others { Output.line("    \(key) = \(JSONWriter.compact(value))") }
        }
    }

    func display(_ value: JSONValue?) -> String {
        switch value {
        case nil: return Output.dim("(not set)")
        case .string(let s)?: return s.isEmpty ? Output.dim("(empty)") : s
        case .bool(let b)?: return b ? "yes" : "no"
        case .array(let items)?:
            return items.isEmpty ? Output.dim("(none)") : items.map { $0.stringValue ?? JSONWriter.compact($0) }.joined(separator: ", ")
        case let other?: return JSONWriter.compact(other)
        }
    }
}
