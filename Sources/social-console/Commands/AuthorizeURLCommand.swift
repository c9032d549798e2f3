import ArgumentsKit
import SettingsKit

struct AuthorizeURLCommand: Command {
    static let name = "authorize-url"
    static let spec = CommandSpec(
        name: name,
        abstract: "Print the Atlassian consent URL, to test the setup in a browser.",
        arguments: [Positional(name: "file", help: "The settings file.", completion: .file)],
        options: [.value("state", help: "The state parameter (default: random).")]
    )

    let file: String
    let state: String?

    init(_ arguments: ParsedArguments) {
        file = arguments.argument("file")
        state = arguments.option("state")
    }

    func validate() throws {
        // Atlassian sends the state back to the instance, which checks it: an empty one checks nothing.
        if let state, state.isEmpty { throw UsageError("--state must not be empty (leave it out for a random one)") }
    }

    func run() throws {
        let loaded = try loadOrExit(file)
        if Verdict.usesSharedCredentials(loaded.settings) {
            Output.error(
                "\(file): a development instance uses the shared development credentials: there is no app of your own to build a consent URL for. Turn on connection.useCustomCredentials to test your own app."
            )
            throw ExitCode(1)
        }
        switch ConsentURL.build(loaded.settings, state: state ?? ConsentURL.randomState()) {
        case .success(let url):
            Output.line(url)
            let report = Readiness.evaluate(loaded)
            if !report.readyForProduction {
                Output.error("note: \(plural(report.blockers.count, "blocker")) left; sign-in may fail (social-console audit \(file))")
            }
        case .failure(.missing(let keys)):
            Output.error("\(file): cannot build the consent URL: \(keys.joined(separator: " and ")) \(agreeing(keys.count, "is", "are")) not set")
            throw ExitCode(1)
        case .failure(.holdsSecret):
            Output.error(
                "\(file): cannot build the consent URL: one of its values holds the client secret (pasted into the wrong field?); see social-console audit \(file)"
            )
            throw ExitCode(1)
        }
    }
}
