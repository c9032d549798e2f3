/// How much a finding matters: a blocker keeps its step incomplete and the file from
/// production; a warning and a note (info) do not.
public enum Severity: String, CaseIterable, Sendable, Comparable {
    case blocker, warning, info

    public static func < (a: Severity, b: Severity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
