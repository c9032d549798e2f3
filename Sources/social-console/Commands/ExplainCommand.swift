import ArgumentParser
import SettingsKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an error message seen during sign-in: its cause and the step that fixes it."
    )

    @Argument(help: "The message, as seen (quote it, or give it as several words).")
    var text: [String]

    func validate() throws {
        if text.joined().trimmingWhitespace.isEmpty { throw ValidationError("give the error message to explain") }
    }

    func run() throws {
        let message = text.joined(separator: " ")
        let matches = Explainer.explain(message)
        guard !matches.isEmpty else {
            Output.line("No known sign-in error matches that message.")
            Output.line("Known causes: callback URL mismatch (redirect_uri is not registered), scopes not added to the app,")
            Output.line("app not shared, user without an Atlassian site, wrong Client ID or Secret (invalid_client), no refresh token.")
            Output.line("Run social-console audit FILE to check the whole setup.")
            throw ExitCode(1)
        }
        for (i, match) in matches.enumerated() {
            if i > 0 { Output.line() }
            let step = Step(rawValue: match.step)?.title ?? "The user's account (nothing to change in the setup)"
            Output.line("\(Output.bold("Cause:")) \(match.cause)")
            Output.line("\(Output.bold("Step:"))  \(step)")
            Output.line("\(Output.bold("Fix:"))   \(match.fix)")
            if !match.codes.isEmpty {
                Output.line("\(Output.bold("Audit:")) social-console audit FILE reports it as \(match.codes.joined(separator: " or "))")
            }
        }
    }
}
