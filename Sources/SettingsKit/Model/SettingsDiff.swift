/// One setting that differs between two files, by dotted key. A side is nil when the key
/// is missing there.
public struct Difference: Equatable, Sendable {
    public let key: String
    public let a: JSONValue?
    public let b: JSONValue?

    /// The client secret: compared, but its values are never shown.
    public var isSecret: Bool { key == Fields.secretKey }
}

/// What `diff A B` reports: every leaf that differs, unknown keys included.
public enum SettingsDiff {
    /// The differences in A's key order, then the keys only in B in B's order. Keys and
    /// values are compared byte for byte: "é" and "e\u{301}" are two keys, two values.
    public static func compare(_ a: Settings, _ b: Settings) -> [Difference] {
        let aLeaves = a.leaves, bLeaves = b.leaves
        let inA = Dictionary(aLeaves.map { (ByteString($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        let inB = Dictionary(bLeaves.map { (ByteString($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var out: [Difference] = []
        for (key, value) in aLeaves where inB[ByteString(key)] != value {
            out.append(Difference(key: key, a: value, b: inB[ByteString(key)]))
        }
        for (key, value) in bLeaves where inA[ByteString(key)] == nil {
            out.append(Difference(key: key, a: nil, b: value))
        }
        return out
    }
}
