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

/// Which side wins a conflict.
public enum MergeChoice: Equatable, Sendable {
    case theirs, yours
}

/// The answers to a merge's conflicts, by key or one answer for all of them.
public struct MergeChoices: Equatable, Sendable {
    public var forAll: MergeChoice?
    private var byKey: [(path: [String], choice: MergeChoice)] = []

    public init(forAll: MergeChoice? = nil) { self.forAll = forAll }

    /// No answer yet: every conflict is reported, nothing is chosen.
    public static let none = MergeChoices()

    public mutating func choose(_ choice: MergeChoice, for conflict: MergeConflict) {
        byKey.removeAll { SettingsMerge.samePath($0.path, conflict.path) }
        byKey.append((conflict.path, choice))
    }

    public func choice(for path: [String]) -> MergeChoice? {
        byKey.first { SettingsMerge.samePath($0.path, path) }?.choice ?? forAll
    }

    public static func == (a: MergeChoices, b: MergeChoices) -> Bool {
        a.forAll == b.forAll && a.byKey.count == b.byKey.count
            && zip(a.byKey, b.byKey).allSatisfy { SettingsMerge.samePath($0.path, $1.path) && $0.choice == $1.choice }
    }
}

/// A three-way merge of settings, for a save that finds the file changed on disk since it
/// was loaded. Keys changed only on disk keep the disk's value, keys changed only here
/// take ours, keys changed on both sides to the same value are no conflict; only keys
/// changed on both sides to different values are conflicts, and those are decided by
/// `choices` or reported. So a save never reverts a key this process did not change.
///
/// Keys are leaves as `diff` and the history see them (lists are one value), and every
/// comparison is byte for byte (`JSONValue`'s `==`): two spellings of "é" are two values.
public enum SettingsMerge {
    public struct Result: Equatable, Sendable {
        /// The disk's settings with our changes and the chosen sides applied: unknown keys
        /// and key order are the disk's.
        public let merged: Settings
        /// Conflicts `choices` did not decide; when not empty, `merged` must not be saved.
        public let conflicts: [MergeConflict]
        /// Keys someone else changed on disk that the merge kept (for "merged N changes").
        public let keptFromDisk: [String]
    }

    public static func merge(base: Settings, theirs: Settings, yours: Settings, choices: MergeChoices = .none) -> Result {
        let before = LeafMap(base), onDisk = LeafMap(theirs), mine = LeafMap(yours)
        let secret = [base, theirs, yours].compactMap { $0.text(Fields.secretKey) }
        var merged = theirs
        var conflicts: [MergeConflict] = []
        var kept: [String] = []
        for path in LeafMap.union([before, onDisk, mine]) {
            let b = before[path], t = onDisk[path], y = mine[path]
            let weChanged = b != y, theyChanged = b != t
            guard weChanged else {
                if theyChanged { kept.append(path.joined(separator: ".")) }
                continue
            }
            if !theyChanged || t == y {
                merged.setValue(y, at: path)
                continue
            }
            let conflict = MergeConflict(path: path, base: b, theirs: t, yours: y,
                                         isSecret: [b, t, y].contains { $0.map { holds($0, path, secret) } ?? false })
            switch choices.choice(for: path) {
            case .yours?: merged.setValue(y, at: path)
            case .theirs?: kept.append(conflict.key)
            case nil: conflicts.append(conflict)
            }
        }
        return Result(merged: merged, conflicts: conflicts, keptFromDisk: kept)
    }

    static func samePath(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.isSameBytes(as: $1) }
    }

    private static func holds(_ value: JSONValue, _ path: [String], _ secrets: [String]) -> Bool {
        Redaction.isSecretKey(path.joined(separator: ".")) || Redaction.holdsSecret(value, secrets)
    }
}

/// Every leaf of a settings document by its path, in document order, looked up by the
/// path's bytes (a `[String]` key would hash canonically equivalent spellings alike).
private struct LeafMap {
    private(set) var paths: [[String]] = []
    private var values: [[UInt8]: JSONValue] = [:]

    init(_ settings: Settings) {
        walk(settings.root, [])
    }

    private mutating func walk(_ object: JSONObject, _ prefix: [String]) {
        for (key, value) in object {
            let path = prefix + [key]
            if case .object(let child) = value, !child.isEmpty {
                walk(child, path)
            } else {
                paths.append(path)
                values[Self.id(path)] = value
            }
        }
    }

    subscript(path: [String]) -> JSONValue? { values[Self.id(path)] }

    /// A path's bytes, each key behind its length, so ["a.b"] and ["a", "b"] stay apart
    /// whatever the keys hold.
    private static func id(_ path: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for part in path {
            let n = part.utf8.count
            out += [UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8), UInt8(truncatingIfNeeded: n)]
            out += part.utf8
        }
        return out
    }

    /// Every path of the maps, each once, in the order first seen.
    static func union(_ maps: [LeafMap]) -> [[String]] {
        var seen = Set<[UInt8]>()
        var out: [[String]] = []
        for map in maps { for path in map.paths where seen.insert(id(path)).inserted { out.append(path) } }
        return out
    }
}
