/// The one comparison of two versions of a settings document, by leaf: `diff A B`, the
/// changes a save records in the history, what `set` reports and the console's pending
/// changes. Leaves are the values that are not objects (lists are one value, unknown keys
/// included); an empty object holds no leaf, so emptying one (clearing its last key) is no
/// change of its own and a merge never sets it over what another writer put under it.
/// Every comparison is byte for byte: two spellings of "é" (U+00E9, or "e"
/// and U+0301) are two different values and two different keys, as Atlassian compares them.
public enum SettingsDiff {
    /// The leaves that differ, in `old`'s key order, then the keys only in `new` in its order.
    /// Which changes are secret is `Secret`'s decision, with the secrets of both sides.
    public static func compare(_ old: Settings, _ new: Settings) -> [Change] {
        let before = LeafMap(old), after = LeafMap(new)
        let secrets = Secret.values(in: old, new)
        var out: [Change] = []
        for path in LeafMap.union([before, after]) {
            let a = before[path], b = after[path]
            if a != b { out.append(Change(path: path, old: a, new: b, secrets: secrets)) }
        }
        return out
    }

    /// Two key paths with the same bytes (JSONValue's `==` compares values so already).
    public static func samePath(_ a: [String], _ b: [String]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.isSameBytes(as: $1) }
    }
}

/// Every leaf of a settings document by its path, in document order, looked up by the
/// path's bytes (a `String` key would hash canonically equivalent spellings alike).
struct LeafMap {
    private(set) var paths: [[String]] = []
    private var values: [[UInt8]: JSONValue] = [:]

    init(_ settings: Settings) {
        walk(settings.root, [])
    }

    private mutating func walk(_ object: JSONObject, _ prefix: [String]) {
        for (key, value) in object {
            let path = prefix + [key]
            if case .object(let child) = value {
                walk(child, path)
            } else if values.updateValue(value, forKey: Self.id(path)) == nil {
                paths.append(path)
            }
        }
    }

    subscript(path: [String]) -> JSONValue? { values[Self.id(path)] }

    /// A path's bytes, each key behind its length, so ["a.b"] and ["a", "b"] stay apart
    /// whatever the keys hold.
    static func id(_ path: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for part in path {
            let n = part.utf8.count
            out += [
                UInt8(truncatingIfNeeded: n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8),
                UInt8(truncatingIfNeeded: n),
            ]
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
