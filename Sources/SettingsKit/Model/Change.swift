/// One leaf that differs between two versions of a settings document: what `diff` lists,
/// what a save records in the history, what `set` and the console report. A side is nil
/// when the key is missing there.
public struct Change: Equatable, Sendable {
    /// The object keys down to the value; `key` is the same, dotted, for people.
    public let path: [String]
    public let old: JSONValue?
    public let new: JSONValue?
    /// The values are never written or shown (`Secret` decides): a secret key, a value
    /// holding the secret, or a key name holding it.
    public let isSecret: Bool

    public var key: String { path.joined(separator: ".") }

    /// The key as it may be shown: any secret it holds (a secret pasted as a key name)
    /// masked. Every way of writing a change starts from this, `description` included.
    public let shownKey: String

    /// The secrets this change was judged with (`Secret.patterns`): every way of writing it
    /// masks them (`Change+Output`).
    let patterns: [[UInt8]]

    public init(path: [String], old: JSONValue?, new: JSONValue?, secrets: [String]) {
        self.path = path
        self.old = old
        self.new = new
        let patterns = Secret.patterns(secrets)
        self.patterns = patterns
        let key = path.joined(separator: ".")
        isSecret =
            Secret.isSecretKey(key)
            || path.contains { Secret.contains($0, patterns) }
            || [old, new].contains { $0.map { Secret.holds($0, patterns: patterns) } ?? false }
        shownKey = patterns.isEmpty ? key : Secret.scrub(key, patterns: patterns)
    }

    /// A change known to be secret or not, as a history line records it (its keys were
    /// masked when the line was written).
    init(path: [String], old: JSONValue?, new: JSONValue?, isSecret: Bool) {
        self.path = path
        self.old = old
        self.new = new
        self.isSecret = isSecret
        shownKey = path.joined(separator: ".")
        patterns = []
    }

    public static func == (a: Change, b: Change) -> Bool {
        SettingsDiff.samePath(a.path, b.path) && a.old == b.old && a.new == b.new && a.isSecret == b.isSecret
    }
}
