import SettingsKit

/// What a cell is, not how it looks: the backend maps each role to a colour pair where
/// the terminal has colour, and to bold / reverse / underline where it does not.
public enum Style: UInt8, CaseIterable, Sendable {
    case normal
    case title
    case heading
    case label
    case focusLabel
    case field
    case focusField
    case stepCurrent
    case complete
    case blocker
    case warning
    case info
    case dim
    case keyName
    case keyBar
    case dialog
    case selected
}

extension Style {
    /// How a finding of `severity` is drawn (its tag, its code's bar).
    init(_ severity: Severity) {
        switch severity {
        case .blocker: self = .blocker
        case .warning: self = .warning
        case .info: self = .info
        }
    }
}
