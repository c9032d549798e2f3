import SettingsKit

/// A one-line message on the status line, e.g. "Saved" or why a save failed.
public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
    public init(_ text: String, isError: Bool = false) { self.text = text; self.isError = isError }
}
