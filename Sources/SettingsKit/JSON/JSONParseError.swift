/// A strict JSON (RFC 8259) parser built for files nobody checked: it never recurses
/// (100,000 nested brackets are an error, not a stack overflow), refuses duplicate keys
/// (a silent last-one-wins would lose data on save), checks UTF-8, and reports where
/// it stopped as a byte offset that `TextPosition` turns into a line and column.
public struct JSONParseError: Error, Equatable, Sendable {
    public let message: String
    /// Byte offset into the input where the problem is.
    public let offset: Int
}
