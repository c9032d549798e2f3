import ArgumentParser
import SettingsKit

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "List the settings that differ between two files, by dotted key.",
        discussion: """
        Unknown keys are compared too. The client secret is compared but never shown: \
        it is listed as "differs" or as only in one file. Exit code: 0 the same, 1 different, 2 a file error.
        """
    )

    @Argument(help: "The first settings file (A).", completion: .file())
    var a: String

    @Argument(help: "The second settings file (B).", completion: .file())
    var b: String

    @Option(name: .long, help: "text or json.")
    var format: TextOrJSON = .text

    func run() throws {
        // Both files are read before giving up, so one run reports every unreadable file.
        var loaded: [LoadedFile] = []
        var failed = false
        for path in [a, b] {
            do { loaded.append(try SettingsStore.load(path)) } catch {
                Output.fileError(error)
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
        let differences = SettingsDiff.compare(loaded[0].settings, loaded[1].settings)
        // A secret pasted into some other field must not leak through that field's value.
        let secrets = loaded.compactMap { $0.settings.text(Fields.secretKey) }
        if format == .json {
            Output.line(Secret.scrub(JSONWriter.compact(json(differences)), secrets: secrets))
        } else {
            for line in text(differences) { Output.line(Secret.scrub(line, secrets: secrets)) }
        }
        if !differences.isEmpty { throw ExitCode(1) }
    }

    func text(_ differences: [Difference]) -> [String] {
        guard !differences.isEmpty else { return ["\(a) and \(b): the same settings"] }
        var lines = ["\(a) → \(b): \(plural(differences.count, "setting")) \(agreeing(differences.count, "differs", "differ"))"]
        for d in differences {
            let change: String
            switch (d.a, d.b) {
            case (nil, _): change = "only in \(b)" + (d.isSecret ? "" : ": " + JSONWriter.compact(d.b!))
            case (_, nil): change = "only in \(a)" + (d.isSecret ? "" : ": " + JSONWriter.compact(d.a!))
            case (let old?, let new?): change = d.isSecret ? "differs" : JSONWriter.compact(old) + " → " + JSONWriter.compact(new)
            }
            lines.append("  \(d.key): \(change)")
        }
        return lines
    }

    /// `{"a": …, "b": …, "same": false, "differences": [{"key": …, "a": …, "b": …}]}`: a side
    /// missing from a file is left out; the secret shows only `"secret": "differs"`
    /// (or "only in a"/"only in b").
    func json(_ differences: [Difference]) -> JSONValue {
        let items: [JSONValue] = differences.map { d in
            var o = JSONObject([("key", .string(d.key))])
            if d.isSecret {
                o["secret"] = .string(d.a == nil ? "only in b" : d.b == nil ? "only in a" : "differs")
            } else {
                if let v = d.a { o["a"] = v }
                if let v = d.b { o["b"] = v }
            }
            return .object(o)
        }
        return .object(JSONObject([
            ("a", .string(a)), ("b", .string(b)), ("same", .bool(differences.isEmpty)), ("differences", .array(items)),
        ]))
    }
}
