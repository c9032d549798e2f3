#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string compared and hashed by its UTF-8 bytes.
///
/// Swift's `String ==`, `Set<String>` and `[String: …]` treat canonically equivalent
/// strings as equal: "é" written as U+00E9 and as "e" + U+0301 are one string to them.
/// Settings are compared the way Atlassian compares a callback URL and the way JSON keys
/// differ: byte for byte. Use this (or `String.isSameBytes(as:)`) wherever two strings
/// from a file are said to be "the same".
public struct ByteString: Hashable, Sendable, CustomStringConvertible {
    public let string: String

    public init(_ string: String) { self.string = string }

    public static func == (a: ByteString, b: ByteString) -> Bool { a.string.isSameBytes(as: b.string) }

    public func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public var description: String { string }
}

extension String {
    /// True when both strings have the same UTF-8 bytes (no Unicode normalization).
    @inline(__always)
    public func isSameBytes(as other: String) -> Bool {
        let a = utf8, b = other.utf8
        guard a.count == b.count else { return false }
        let fast = a.withContiguousStorageIfAvailable { x in
            b.withContiguousStorageIfAvailable { y in
                // The same literal (a known key looked up by name) is the same bytes.
                x.baseAddress == y.baseAddress || x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0
            }
        }
        if let fast, let result = fast { return result }
        return a.elementsEqual(b)
    }
}

extension String {
    /// Whether `needle`'s bytes occur in this string's bytes. Unlike `contains`, which
    /// compares characters, it finds "abc" in "abc\u{301}" (where the last character is
    /// "c" with an accent) and does not find "e\u{301}" in "\u{E9}".
    public func containsBytes(of needle: String) -> Bool { containsBytes(Array(needle.utf8)) }

    /// Whether these bytes occur in this string's UTF-8 bytes (the empty run always does).
    public func containsBytes(_ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        var text = self
        return text.withUTF8 { hay in
            guard hay.count >= needle.count else { return false }
            var i = 0
            let last = hay.count - needle.count
            while i <= last {
                if hay[i] == first {
                    var k = 1
                    while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                    if k == needle.count { return true }
                }
                i += 1
            }
            return false
        }
    }
}

extension Sequence where Element == String {
    /// `contains`, byte for byte.
    public func containsBytes(_ string: String) -> Bool { contains { $0.isSameBytes(as: string) } }
}
