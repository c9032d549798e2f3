/// What kind of value a settings key holds.
public enum FieldKind: Equatable, Sendable {
    case text
    case toggle
    /// A string limited to these values.
    case choice([String])
    /// A list of strings, typed as comma- or space-separated values.
    case list

    /// The type in words, for error messages.
    public var expected: String {
        switch self {
        case .text: return "a string"
        case .toggle: return "true or false"
        case .choice(let values): return values.map { "\"\($0)\"" }.joined(separator: " or ")
        case .list: return "a list of strings"
        }
    }
}
