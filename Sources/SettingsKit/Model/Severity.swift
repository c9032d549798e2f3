/// How much a finding matters: a blocker keeps its step incomplete and the file from
/// production; a warning and a note (info) do not.
public enum Severity: String, CaseIterable, Sendable, Comparable {
    case blocker, warning, info

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The mark a finding of this severity gets wherever findings are listed: the console,
    /// plain mode and every command's text.
    public var glyph: String {
        switch self {
        case .blocker: return "✗"
        case .warning: return "!"
        case .info: return "·"
        }
    }

    /// The severity in words, as lists of findings name it ("2 blockers, 1 note").
    public var word: String {
        switch self {
        case .blocker: return "blocker"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
