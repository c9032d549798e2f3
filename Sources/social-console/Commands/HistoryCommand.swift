import ArgumentsKit
import SettingsKit

struct HistoryCommand: Command {
    static let name = "history"
    static let spec = CommandSpec(
        name: name,
        abstract: "Show what changed in a settings file, when and by whom, newest last.",
        discussion: """
            Reads FILE.history.jsonl, which every save (console, set, init) appends to; FILE itself \
            need not exist any more. A secret change shows only as "changed". A line that cannot be \
            read is reported with its number (exit code 2) and the others are still shown.
            """,
        arguments: [Positional(name: "file", help: "The settings file whose history to show.", completion: .file)],
        options: [
            .value(
                "format",
                help:
                    "text, or json: an array of {time, user, via, changes} (and remote, for a push); the secret only as \"secret\": \"changed\".",
                values: TextOrJSON.names, default: "text")
        ]
    )

    let file: String
    let format: TextOrJSON

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        format = arguments.choice("format", default: .text)
    }

    func run() throws {
        let json = format == .json
        let reader: HistoryReader
        do {
            reader = try HistoryReader(forSettingsFile: file)
        } catch {
            // A file saved only by hand has no history yet: that is not an error.
            if error.code == .notFound, (try? loadForOutput(file)) != nil {
                Output.line(json ? "[]" : "\(file): no changes recorded yet")
                return
            }
            Output.fileError(error)
            throw ExitCode(2)
        }
        // The current secret, if the file can be read, is masked wherever a hand-edited
        // line might quote it.
        let current = (try? loadForOutput(file)).map { Secret.values(in: $0.settings) } ?? []
        var corrupt = 0
        var entries = 0
        var printed: [String] = []
        do {
            while let line = try reader.next() {
                if reader.lastLineWasTooLong {
                    corrupt += 1
                    Output.error(
                        "\(reader.path):\(reader.lineNumber): longer than \(HistoryReader.maximumLineLength / 1_048_576) MiB, not a line a save writes; skipped"
                    )
                    continue
                }
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                switch HistoryEntry.parse(line) {
                case .success(let entry):
                    entries += 1
                    Output.hide(entry.secretValues)
                    let secrets = entry.secretValues + current
                    if json {
                        printed.append(JSONWriter.compact(HistoryCommand.json(entry, secrets: secrets)))
                    } else {
                        for text in lines(entry, secrets: secrets) { Output.line(text) }
                    }
                case .failure(let problem):
                    corrupt += 1
                    // The parser's message may quote a key from the line: mask the secret there too.
                    let message = Secret.scrub(problem.message, secrets: current)
                    Output.error("\(reader.path):\(reader.lineNumber): cannot be read: \(message); skipped")
                }
            }
        } catch {
            Output.fileError(error)
            throw ExitCode(2)
        }
        if json {
            // One entry per line inside the array: readable, and still one JSON document.
            if printed.isEmpty { Output.line("[]") }
            for (i, entry) in printed.enumerated() {
                Output.line((i == 0 ? "[" : " ") + entry + (i == printed.count - 1 ? "]" : ","))
            }
        } else if entries == 0 && corrupt == 0 {
            Output.line("\(file): no changes recorded yet")
        }
        if corrupt > 0 { throw ExitCode(2) }
    }

    /// "2026-11-29T10:00:00Z  alice  via set" ("via push to app_1/production" for a push),
    /// then one line per change.
    /// Values are scrubbed of `secrets` before they are formatted; a missing one (written
    /// as null) reads "(not set)".
    func lines(_ entry: HistoryEntry, secrets: [String]) -> [String] {
        var out = [
            "\(Output.bold(Secret.scrub(entry.time, secrets: secrets)))  \(Secret.scrub(entry.user, secrets: secrets))  via \(Secret.scrub(entry.via, secrets: secrets))"
                + (entry.remote.map { " to " + Secret.scrub($0, secrets: secrets) } ?? "")
        ]
        for change in entry.changes {
            out.append("  " + change.line(secrets: secrets, style: Output.dim))
        }
        return out
    }

    /// One entry as the history file holds it, each change as `Change.json` writes it (the
    /// secret's change only as "changed"), and any secret quoted elsewhere (a hand-edited
    /// line) masked inside the strings, before they are escaped, so that no escaping can
    /// hide it from the mask.
    static func json(_ entry: HistoryEntry, secrets: [String]) -> JSONValue {
        func text(_ s: String) -> JSONValue { .string(Secret.scrub(s, secrets: secrets)) }
        return .object(
            JSONObject(
                [
                    ("time", text(entry.time)), ("user", text(entry.user)), ("via", text(entry.via)),
                ] + (entry.remote.map { [("remote", text($0))] } ?? []) + [
                    ("changes", .array(entry.changes.map { $0.json(secrets: secrets) }))
                ]))
    }
}
