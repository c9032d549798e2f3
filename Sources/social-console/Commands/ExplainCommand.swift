import ArgumentsKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

struct ExplainCommand: Command {
    static let name = "explain"
    static let spec = CommandSpec(
        name: name,
        abstract: "Explain an error message seen during sign-in: its causes and the steps that fix them.",
        discussion: """
            Knows Atlassian's messages and Clerk's own (the sign-in page's sentences and error codes such as \
            oauth_token_exchange_error, alone or in Clerk's JSON). Every cause that matches is shown, most \
            likely first; step "user" means nothing in the setup is wrong (the signing-in user's side). A \
            cause's id (explain no-access-to-app) shows that cause. With --file, each cause says whether that \
            settings file shows it (the audit findings that predict it), and fixes name the file's values. \
            Exit code: 0 something matched, 1 nothing did, 2 usage or file error.
            """,
        arguments: [
            Positional(
                name: "text", help: "The message, as seen (quote it, or give it as several words); - reads it from standard input.",
                count: .oneOrMore)
        ],
        options: [
            .value("format", help: "text or json.", values: TextOrJSON.names, default: "text"),
            .value("file", help: "A settings file: say for each cause whether it shows it.", completion: .file),
        ]
    )

    let text: [String]
    let format: TextOrJSON
    let file: String?

    init(_ arguments: ParsedArguments) {
        text = arguments.arguments("text")
        format = arguments.choice("format", default: .text)
        file = arguments.option("file")
    }

    /// A pasted log can be long; a sign-in error is not. More than this is not read.
    static let inputLimit = 1 << 20

    func validate() throws {
        if text.joined().trimmingWhitespace.isEmpty {
            throw UsageError("give the error message to explain (or - to read it from standard input)")
        }
    }

    func run() throws {
        let message = text == ["-"] ? Self.readStandardInput() : text.joined(separator: " ")
        if message.trimmingWhitespace.isEmpty { throw UsageError("no message on standard input") }
        // Loaded first: a file that cannot be read is a file error (exit 2) whatever matched.
        let judged = try file.map { path -> (settings: Settings, verdict: Verdict) in
            let file = try loadOrExit(path)
            return (file.settings, Verdict(Readiness.evaluate(file)))
        }
        // Judged for its environment: what only production needs cannot cause a development sign-in error.
        let found = judged.map { Set($0.verdict.counted.map(\.code)) }
        // A value is named in a fix only if no finding at all says it is wrong.
        let fillFrom = judged.map { ($0.settings, Set($0.verdict.findings.map(\.code))) }
        let matches = Explainer.explain(message).map { ($0, Explainer.fix($0, file: fillFrom)) }
        // Nothing of the message is ever printed: it may hold a token, or the secret itself.
        switch format {
        case .json: Output.line(json(matches, found: found))
        case .text: printText(matches, found: found)
        }
        if matches.isEmpty { throw ExitCode(1) }
    }

    /// Each match with its fix, placeholders filled (`Explainer.fix`).
    typealias Match = (explanation: Explanation, fix: String)

    func json(_ matches: [Match], found: Set<String>?) -> String {
        let items: [JSONValue] = matches.map { match, fix in
            var o = JSONObject([
                ("id", .string(match.id)), ("cause", .string(match.cause)), ("step", .string(match.step)),
                ("fix", .string(fix)), ("codes", .array(match.codes.map(JSONValue.string))),
            ])
            if let found { o["found"] = .array(match.codes.filter(found.contains).map(JSONValue.string)) }
            return .object(o)
        }
        return JSONWriter.compact(.object(JSONObject([("matches", .array(items))])))
    }

    func printText(_ matches: [Match], found: Set<String>?) {
        guard !matches.isEmpty else {
            Output.line("No known sign-in error matches that message.")
            Output.line("Known causes (social-console explain ID shows one): " + Explainer.all.map(\.id).joined(separator: ", ") + ".")
            Output.line("Run social-console audit FILE to check the whole setup.")
            return
        }
        if matches.count > 1 { Output.line("\(matches.count) possible causes, most likely first.") }
        for (i, (match, fix)) in matches.enumerated() {
            if i > 0 || matches.count > 1 { Output.line() }
            let step = Step(rawValue: match.step)?.title ?? "The user's side (nothing to change in the setup)"
            Output.line("\(Output.bold("Cause:")) \(match.cause)")
            Output.line("\(Output.bold("Step:"))  \(step)")
            Output.line("\(Output.bold("Fix:"))   \(fix)")
            if let found, let file {
                let shown = match.codes.filter(found.contains)
                if match.codes.isEmpty {
                    Output.line("\(Output.bold("File:"))  no setting shows this cause; \(file) cannot tell")
                } else if shown.isEmpty {
                    Output.line("\(Output.bold("File:"))  \(file) does not show this cause (none of \(match.codes.joined(separator: ", ")))")
                } else {
                    Output.line("\(Output.bold("File:"))  \(file) shows this cause: \(shown.joined(separator: ", "))")
                }
            } else if !match.codes.isEmpty {
                Output.line("\(Output.bold("Audit:")) social-console audit FILE reports it as \(match.codes.joined(separator: " or "))")
            }
        }
    }

    /// Standard input, up to `inputLimit` bytes, as text (bad UTF-8 replaced).
    static func readStandardInput() -> String {
        String(decoding: SystemIO.readAll(0, limit: inputLimit).prefix(inputLimit), as: UTF8.self)
    }
}
