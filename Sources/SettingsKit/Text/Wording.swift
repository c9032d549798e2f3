/// Counted words and table columns for what the program prints, written once so that every
/// command, the console and plain mode say "1 file, 2 blockers" alike and line tables up alike.

/// "1 file", "2 files"; `many` for words whose plural is not word + "s".
public func plural(_ n: Int, _ word: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? word : many ?? word + "s")"
}

/// The form of a word that agrees with a count: `agreeing(n, "is", "are")`.
public func agreeing(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

extension String {
    /// Filled with spaces on the right to `width` characters (never cut).
    public func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    /// Filled with spaces on the left to `width` characters (never cut): numbers in a column.
    public func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
