/// How typed or pasted text becomes values: shared by `set` and the console.
public enum TextInput {
    /// "a, b c" → ["a", "b", "c"]: lists are typed separated by commas or spaces.
    public static func splitList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }

    /// A list shown for editing: the inverse of `splitList`.
    public static func joinList(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// Removes one trailing line break ("\n", "\r\n" or "\r"), as a pasted or piped secret has.
    public static func droppingOneLineBreak(_ text: String) -> String {
        // "\r\n" is a single Character in Swift, so one dropLast removes it whole.
        guard let last = text.last, last == "\n" || last == "\r\n" || last == "\r" else { return text }
        return String(text.dropLast())
    }
}
