/// The hidden prompt for the Platform API key.
struct KeyPrompt: Equatable, Sendable {
    /// What runs once the key is given.
    let then: LiveState.Request
    /// What has been typed: never drawn, and masked like the secret wherever it could show.
    var typed = ""
    /// Why the last key given was not taken.
    var problem: String?
}
