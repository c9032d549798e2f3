/// A dotted key ("connection.clientId") and the object keys it names, for every place
/// that reads, writes, checks or records a value by its key: one split, so they cannot
/// disagree about where a key's names end.
public enum DottedKey {
    /// The names of `key`, split at each "." a byte at a time (keys are ASCII; splitting
    /// at a Character walked every key a grapheme at a time, a twentieth of the console's
    /// start). Empty names are left out, as "a..b" names a and b.
    public static func names(of key: String) -> [String] {
        let utf8 = key.utf8
        var names: [String] = []
        var start = utf8.startIndex, i = start
        while i < utf8.endIndex {
            if utf8[i] == UInt8(ascii: ".") {
                if start < i { names.append(String(key[start..<i])) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start < utf8.endIndex { names.append(String(key[start...])) }
        return names
    }
}
