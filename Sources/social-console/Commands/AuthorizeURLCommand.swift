import ArgumentParser
import SettingsKit

struct AuthorizeURLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "authorize-url",
        abstract: "Print the Atlassian consent URL, to test the setup in a browser."
    )

    @Argument(help: "The settings file.")
    var file: String

    @Option(name: .long, help: "The state parameter (default: random).")
    var state: String?

    func run() throws {
        let loaded = try loadOrExit(file)
        switch ConsentURL.build(loaded.settings, state: state ?? ConsentURL.randomState()) {
        case .success(let url):
            Output.line(url)
            let report = Readiness.evaluate(loaded)
            if !report.readyForProduction {
                Output.error("note: \(plural(report.blockers.count, "blocker")) left; sign-in may fail (social-console audit \(file))")
            }
        case .failure(.missing(let keys)):
            Output.error("\(file): cannot build the consent URL: \(keys.joined(separator: " and ")) \(keys.count == 1 ? "is" : "are") not set")
            throw ExitCode(1)
        }
    }
}
