/// The kind of instance a settings file names in `instance.environment`. A development
/// instance uses Clerk's shared credentials and needs only its connection enabled; a
/// production instance needs its own Atlassian app, set up step by step.
public enum Environment: String, CaseIterable, Sendable {
    case development, production

    /// The environment `text` names, byte for byte: "Production" or "prod" name none (the
    /// rules say it is not one of the choices).
    public init?(named text: String?) {
        guard let text, let match = Environment.allCases.first(where: { $0.rawValue.isSameBytes(as: text) }) else { return nil }
        self = match
    }
}
