/// Text search and replacement, with the standard library's results: compared Character
/// by Character (canonical equivalence: a precomposed "é" matches "e" + U+0301, and "e"
/// is not found in "e" + U+0301, whose one Character is "é"). Written here because the
/// standard library's `contains(_:)`, `firstRange(of:)` and `replacing(_:with:)` for
/// strings live in the string-processing module (regular expressions), which our modules
/// do not import (Package.swift), so that the binary need not link it: its data is pages
/// the loader relocates at every start. Inlinable, so that each caller gets a copy made
/// for its own string types (String, Substring) rather than calling generic code.
extension StringProtocol {
    /// The first place `other` appears; an empty `other` appears at the start.
    @inlinable
    public func firstRange(ofText other: some StringProtocol) -> Range<Index>? {
        guard let first = other.first else { return startIndex..<startIndex }
        var from = startIndex
        // Each place the first Character appears is tried in turn, however far the one
        // before matched: "aab" is found in "aaab" at the second "a".
        while let start = self[from...].firstIndex(of: first) {
            var mine = start
            var theirs = other.startIndex
            while mine < endIndex, theirs < other.endIndex, self[mine] == other[theirs] {
                mine = index(after: mine)
                theirs = other.index(after: theirs)
            }
            if theirs == other.endIndex { return start..<mine }
            from = index(after: start)
        }
        return nil
    }

    /// Whether `other` appears in the text; an empty `other` always does.
    @inlinable
    public func contains(text other: some StringProtocol) -> Bool { firstRange(ofText: other) != nil }
}

extension String {
    /// The text with every appearance of `target` replaced, left to right, none
    /// overlapping ("aaa" with "aa" replaced by "b" is "ba"). An empty `target` appears
    /// before and after every Character, as in the standard library.
    public func replacing(text target: String, with replacement: String) -> String {
        var out = ""
        guard !target.isEmpty else {
            out += replacement
            for character in self {
                out.append(character)
                out += replacement
            }
            return out
        }
        var rest = self[...]
        while let range = rest.firstRange(ofText: target) {
            out.append(contentsOf: rest[..<range.lowerBound])
            out += replacement
            rest = rest[range.upperBound...]
        }
        out.append(contentsOf: rest)
        return out
    }
}
