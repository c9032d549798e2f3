/// How a value differs from the one it should be when the two are close: a trailing slash,
/// or a few characters in one place (`oauth-callback` for `oauth_callback`, `http` for
/// `https`). Compared by Unicode scalars, as exact comparisons are by bytes: two spellings
/// of `é` are a difference, not a match.
struct NearMiss: Equatable {
    enum Difference: Equatable {
        /// The value is the expected one with a `/` after it.
        case trailingSlash
        /// These characters stand where the expected value has those.
        case replaced(String, String)
        /// These characters are one too many.
        case extra(String)
        /// The expected value has these characters here; the value lacks them.
        case missing(String)
    }

    let difference: Difference
    /// Where the difference starts, in Unicode scalars from the start of the value.
    let offset: Int

    /// At most this many characters differ, on either side, in one place.
    static let span = 3
    /// And at least this many around them are the same: else the values are not close.
    static let same = 8

    /// How `value` differs from `expected`, if it is a near miss of it (nil when equal or far).
    static func between(_ value: String, _ expected: String) -> NearMiss? {
        let a = Array(value.unicodeScalars), b = Array(expected.unicodeScalars)
        guard a != b else { return nil }
        if a.count == b.count + 1, a.last == "/", a.dropLast().elementsEqual(b) {
            return NearMiss(difference: .trailingSlash, offset: b.count)
        }
        var prefix = 0
        while prefix < min(a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(a.count, b.count) - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let mine = a[prefix..<(a.count - suffix)], theirs = b[prefix..<(b.count - suffix)]
        guard mine.count <= span, theirs.count <= span, prefix + suffix >= same else { return nil }
        func text(_ s: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(s)) }
        if mine.isEmpty { return NearMiss(difference: .missing(text(theirs)), offset: prefix) }
        if theirs.isEmpty { return NearMiss(difference: .extra(text(mine)), offset: prefix) }
        return NearMiss(difference: .replaced(text(mine), text(theirs)), offset: prefix)
    }

    /// The finding of `value`, this near miss of `expected`: a trailing slash has a message
    /// and fix of its own; any other names the character and where it is (`description`).
    func hit(value: String, expected: String = "") -> Hit {
        difference == .trailingSlash
            ? Hit(value: value, expected: expected, message: "trailingSlash", fix: "trailingSlash", mark: offset)
            : Hit(value: value, hint: description, expected: expected, message: "nearMiss", mark: offset)
    }

    /// In words, naming the character and where it is (counted from 1).
    var description: String {
        let at = "character \(offset + 1)"
        func quoted(_ s: String) -> String { s.unicodeScalars.count == 1 ? "'\(s)'" : "\"\(s)\"" }
        switch difference {
        case .trailingSlash: return "it ends in a slash (\(at)) the other does not have: remove the trailing slash"
        case .replaced(let mine, let theirs): return "\(quoted(mine)) at \(at) should be \(quoted(theirs))"
        case .extra(let mine): return "\(quoted(mine)) at \(at) is one too many"
        case .missing(let theirs): return "\(quoted(theirs)) is missing at \(at)"
        }
    }
}
