/// What a sign-in error message means: its cause and the step that fixes it.
public struct Explanation: Equatable, Sendable {
    public let id: String
    /// A setup step ("authorization"), or "user" when nothing in the setup is wrong.
    public let step: String
    public let cause: String
    /// The fix as it reads without a settings file: what to copy from where
    /// (`Explainer.fix(_:file:)` names a file's own values instead).
    public let fix: String
    /// Finding codes that `audit` reports when a settings file shows this cause.
    public let codes: [String]
    /// The fix as explain.json has it, with its placeholders (`{callback URL}`).
    let fixTemplate: String
}
