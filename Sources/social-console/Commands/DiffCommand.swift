import ArgumentsKit
import SettingsKit

struct DiffCommand: Command {
    static let name = "diff"
    static let spec = CommandSpec(
        name: name,
        abstract: "List the settings that differ between two files, by dotted key.",
        discussion: """
            Unknown keys are compared too. The client secret is compared but never shown: \
            it is listed as "differs" or as only in one file. Exit code: 0 the same, 1 different, 2 a file error.
            """,
        arguments: [
            Positional(name: "a", help: "The first settings file (A).", completion: .file),
            Positional(name: "b", help: "The second settings file (B).", completion: .file),
        ],
        options: [.value("format", help: "text or json.", values: TextOrJSON.names, default: "text")]
    )

    let a: String
    let b: String
    let format: TextOrJSON

    init(_ arguments: ParsedArguments) {
        a = arguments.argument("a")
        b = arguments.argument("b")
        format = arguments.choice("format", default: .text)
    }

    func run() throws {
        // Both files are read before giving up, so one run reports every unreadable file.
        var loaded: [LoadedFile] = []
        var failed = false
        for path in [a, b] {
            do { loaded.append(try loadForOutput(path)) } catch {
                Output.fileError(error)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        let differences = SettingsDiff.compare(loaded[0].settings, loaded[1].settings)
        // A secret pasted into some other field must not leak through that field's value:
        // values are scrubbed before they are formatted, so JSON escaping cannot hide one.
        let secrets = Secret.values(in: loaded[0].settings, loaded[1].settings)
        if format == .json {
            Output.line(JSONWriter.compact(json(differences, secrets: secrets)))
        } else {
            for line in text(differences, secrets: secrets) { Output.line(line) }
        }
        if !differences.isEmpty { throw ExitCode(1) }
    }

    func text(_ differences: [Change], secrets: [String]) -> [String] {
        guard !differences.isEmpty else { return ["\(a) and \(b): the same settings"] }
        var lines = ["\(a) → \(b): \(plural(differences.count, "setting")) \(agreeing(differences.count, "differs", "differ"))"]
        for d in differences {
            let key = d.shownKey(secrets: secrets)
            func shown(_ value: JSONValue) -> String { d.isSecret ? "" : ": " + JSONWriter.compact(d.shown(value, secrets: secrets)) }
            switch (d.old, d.new) {
            case (nil, let new?): lines.append("  \(key): only in \(b)" + shown(new))
            case (let old?, nil): lines.append("  \(key): only in \(a)" + shown(old))
            default: lines.append("  " + d.line(secrets: secrets, secretWord: "differs"))
            }
        }
        return lines
    }

    /// `{"a": …, "b": …, "same": false, "differences": [{"key": …, "a": …, "b": …}]}`: a side
    /// missing from a file is left out; the secret shows only `"secret": "differs"`
    /// (or "only in a"/"only in b").
    func json(_ differences: [Change], secrets: [String]) -> JSONValue {
        let items: [JSONValue] = differences.map { d in
            d.json(
                secrets: secrets, sides: ("a", "b"), missingAsNull: false,
                secretWord: d.old == nil ? "only in b" : d.new == nil ? "only in a" : "differs")
        }
        return .object(
            JSONObject([
                ("a", .string(a)), ("b", .string(b)), ("same", .bool(differences.isEmpty)), ("differences", .array(items)),
            ]))
    }
}
