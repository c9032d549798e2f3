import ArgumentsKit
import SettingsKit

struct SetCommand: Command {
    static let name = "set"
    static let spec = CommandSpec(
        name: name,
        abstract: "Change settings by dotted key, e.g. atlassianApp.name=\"Acme sign-in\".",
        discussion: """
            Values are read as the console reads them: toggles take true or false (yes, no); choices their \
            value or its first letters (prod); lists take comma-separated values (an empty value is an empty \
            list); any other empty value removes the key. After saving, the findings the change brought in are \
            listed (code and message). The client secret is read only from standard input \
            with --client-secret-stdin, never from the command line. Nothing is written unless every \
            value is valid. Keys: \(Fields.all.map(\.key).joined(separator: ", ")).
            """,
        arguments: [
            Positional(name: "file", help: "The settings file (must exist; see init).", completion: .file),
            Positional(name: "assignments", help: "KEY=VALUE assignments.", count: .any, completion: .assignment),
        ],
        options: [.flag("client-secret-stdin", help: "Read connection.clientSecret from standard input (one trailing newline is removed).")]
    )

    let file: String
    let assignments: [String]
    let clientSecretStdin: Bool

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        assignments = arguments.arguments("assignments")
        clientSecretStdin = arguments.flag("client-secret-stdin")
    }

    // Checked here rather than in run(), so the parser prints set's own usage with it.
    func validate() throws {
        if assignments.isEmpty && !clientSecretStdin {
            throw UsageError("nothing to set: give KEY=VALUE or --client-secret-stdin")
        }
    }

    func run() throws {
        // The file first: it must be valid before anything is read from stdin, and its
        // secrets are then masked in every message, a refused value's included (a secret
        // given by mistake as another key's value).
        _ = try loadOrExit(file)
        var edits: [(String, JSONValue?)] = []
        for assignment in assignments {
            switch Assignment.parse(assignment) {
            case .success(let edit): edits.append(edit)
            case .failure(let refusal):
                Output.error("\(file): \(refusal.message); nothing was changed")
                throw ExitCode(2)
            }
        }
        if clientSecretStdin {
            switch SecretInput.read() {
            case .success(let secret):
                Output.hide([secret])
                edits.append((Fields.secretKey, .string(secret)))
            case .failure(let refusal):
                Output.error("\(file): \(refusal.message); nothing was changed")
                throw ExitCode(2)
            }
        }
        let changes: [Change]
        var before = Settings(), after = Settings()
        do {
            changes = try SettingsStore.update(file, via: "set") { settings in
                before = settings
                for (key, value) in edits { settings.setValue(value, for: key) }
                after = settings
            }
        } catch {
            Output.fileError(error)
            throw ExitCode(2)
        }
        if changes.isEmpty {
            Output.line("\(file): no change")
            return
        }
        Output.line("\(file): \(plural(changes.count, "change")) saved")
        // The secret as it was and as it is now: either may be quoted by another value.
        let secrets = Secret.values(in: before, after)
        for change in changes { Output.line("  " + change.line(secrets: secrets)) }
        // What the change broke, said at once rather than at the next audit. Judged without
        // the file mode: the save itself writes 0600.
        let verdict = Verdict(Readiness.evaluate(after))
        let introduced = verdict.report.introduced(since: Readiness.evaluate(before))
        if !introduced.isEmpty {
            Output.line("\(plural(introduced.count, "new finding")):")
            for f in introduced { Output.line("  \(Output.mark(f, in: verdict)) \(f.code): \(f.message)") }
        }
    }
}
