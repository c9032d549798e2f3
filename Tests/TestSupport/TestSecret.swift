/// The one client secret every test fixture holds. Every test that looks at output,
/// files or screens searches for it (and for its distinctive middle) byte-wise.
public enum TestSecret {
    public static let value = "EXAMPLE-secret-0123456789abcdefXYZW"
    /// A piece of `value` that no mask keeps: output holding it leaked part of the secret.
    public static let distinctivePart = "0123456789abcdef"

    /// Whether `bytes` hold the secret or its distinctive part anywhere.
    public static func isIn(_ bytes: some Sequence<UInt8>) -> Bool {
        let haystack = Array(bytes)
        return [value, distinctivePart].contains { holds(haystack, $0) }
    }

    /// Whether `haystack` holds `needle`'s bytes anywhere: the search every secret check makes.
    public static func holds(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard haystack.count >= n.count else { return false }
        return (0...(haystack.count - n.count)).contains { haystack[$0..<($0 + n.count)].elementsEqual(n) }
    }
}
