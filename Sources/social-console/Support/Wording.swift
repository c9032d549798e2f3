/// Counted words and table columns for command output, written once so that every command
/// says "1 file, 2 blockers" alike and lines its tables up alike.

/// "1 file", "2 files"; `many` for words whose plural is not word + "s".
func plural(_ n: Int, _ word: String, _ many: String? = nil) -> String {
    "\(n) \(n == 1 ? word : many ?? word + "s")"
}

/// The form of a word that agrees with a count: `agreeing(n, "is", "are")`.
func agreeing(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? one : many }

extension String {
    /// Filled with spaces on the right to `width` characters (never cut).
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    /// Filled with spaces on the left to `width` characters (never cut): numbers in a column.
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
