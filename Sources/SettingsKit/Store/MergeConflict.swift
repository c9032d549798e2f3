/// One key that both this process and someone else changed since `base`, to different
/// values. Values are for the dialog that asks which one to keep; a secret's are never
/// shown (`isSecret`).
public struct MergeConflict: Equatable, Sendable {
    /// The object keys down to the value; `key` is the same, dotted, for people.
    public let path: [String]
    public let base: JSONValue?
    public let theirs: JSONValue?
    public let yours: JSONValue?
    public let isSecret: Bool

    public var key: String { path.joined(separator: ".") }
}
