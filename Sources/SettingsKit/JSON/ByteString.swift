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
        if needle.isEmpty { return true }
        var text = self
        return text.withUTF8 { $0.firstOffset(of: needle) != nil }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// Where `needle` (not empty) first occurs at or after `start`, byte for byte: memchr
    /// to each candidate first byte, memcmp for the rest. Every value of every audited
    /// file is searched for the secret.
    func firstOffset(of needle: [UInt8], from start: Int = 0) -> Int? {
        guard let first = needle.first, let base = baseAddress.map(UnsafeRawPointer.init), count - start >= needle.count else { return nil }
        return needle.withUnsafeBytes { n in
            let last = count - needle.count
            var i = start
            while i <= last {
                guard let found = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                if memcmp(found, n.baseAddress!, needle.count) == 0 { return base.distance(to: found) }
                i = base.distance(to: found) + 1
            }
            return nil
        }
    }
}

extension Sequence where Element == String {
    /// `contains`, byte for byte.
    public func containsBytes(_ string: String) -> Bool { contains { $0.isSameBytes(as: string) } }
}

/// Finding the end of a run of ASCII bytes eight at a time: settings files, their values
/// and `audit`'s output are nearly all ASCII, and a byte-by-byte check of each was a few
/// percent of `audit`.
enum ASCIIScan {
    /// The offset of the first byte at or after `start` that is not ASCII, or the count.
    static func firstNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int {
        var i = start
        let n = bytes.count
        if n - i >= 8 {
            let raw = UnsafeRawBufferPointer(bytes)
            while i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        }
        while i < n, bytes[i] < 0x80 { i += 1 }
        return i
    }
}

extension String {
    /// Whether every byte is ASCII.
    public var isASCII: Bool {
        utf8.withContiguousStorageIfAvailable { ASCIIScan.firstNonASCII($0) == $0.count } ?? utf8.allSatisfy { $0 < 0x80 }
    }
}
