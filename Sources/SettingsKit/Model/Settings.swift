/// One instance's settings: the JSON document itself, so unknown keys anywhere and the
/// order of keys survive load → save. Typed accessors read and write known keys by
/// their dotted path ("atlassianApp.distribution.status"). A missing key means
/// "not filled in yet".
public struct Settings: Equatable, Sendable, SettingsReading {
    public static let schemaVersion = 1

    public private(set) var root: JSONObject {
        didSet { known = KnownValues(root) }
    }

    /// The known keys' values, found again after every change: the load's type check, the
    /// rules and the console read known keys many times over, and looking each one up from
    /// the top of the document was a sixth of `audit`'s time.
    private(set) var known: KnownValues

    /// A new, empty file.
    public init() {
        self.init(root: JSONObject([("schemaVersion", .number(String(Settings.schemaVersion)))]))
    }

    public init(root: JSONObject) {
        self.root = root
        known = KnownValues(root)
    }

    /// The same document: what is known about it follows from it.
    public static func == (a: Settings, b: Settings) -> Bool { a.root == b.root }

    public var document: JSONValue { .object(root) }

    // MARK: Reading

    public func value(_ key: String) -> JSONValue? {
        if let entry = KnownKeys.entry(of: key) { return known[entry: entry] }
        return value(at: DottedKey.names(of: key))
    }

    /// The value at a path of object keys; the empty path is the whole document.
    public func value(at parts: [String]) -> JSONValue? {
        // Starts at the root object itself: wrapping it in a JSONValue first boxed a copy
        // on the heap for every lookup, a fifth of `audit`'s time.
        guard let first = parts.first else { return .object(root) }
        var current = root[first]
        for part in parts.dropFirst() {
            guard case .object(let object)? = current else { return nil }
            current = object[part]
        }
        return current
    }

    // MARK: Writing

    /// Sets (or, with nil, removes) the value at a dotted key, creating the objects on the
    /// way. A new key is placed where a saved file lists it, before any unknown keys.
    public mutating func setValue(_ value: JSONValue?, for key: String) {
        let path = DottedKey.names(of: key)
        Settings.set(value, at: path[...], parent: [], in: &root)
    }

    /// Sets (or, with nil, removes) the value at a path of object keys; unlike a dotted
    /// key, a path can name a key that itself holds a dot.
    public mutating func setValue(_ value: JSONValue?, at path: [String]) {
        guard !path.isEmpty else { return }
        Settings.set(value, at: path[...], parent: [], in: &root)
    }

    public mutating func setText(_ key: String, _ value: String?) { setValue(value.map(JSONValue.string), for: key) }
    public mutating func setFlag(_ key: String, _ value: Bool?) { setValue(value.map(JSONValue.bool), for: key) }
    public mutating func setList(_ key: String, _ value: [String]?) {
        setValue(value.map { .array($0.map(JSONValue.string)) }, for: key)
    }

    private static func set(_ value: JSONValue?, at path: ArraySlice<String>, parent: [String], in object: inout JSONObject) {
        guard let name = path.first else { return }
        if path.count == 1 {
            if object[name] != nil || value == nil {
                object[name] = value
            } else if let value {
                insertOrdered(name, value, parent: parent, in: &object)
            }
            return
        }
        var child = object[name]?.objectValue ?? JSONObject()
        if value == nil && object[name] == nil { return }
        set(value, at: path.dropFirst(), parent: parent + [name], in: &child)
        if object[name] != nil {
            object[name] = .object(child)
        } else {
            insertOrdered(name, .object(child), parent: parent, in: &object)
        }
    }

    private static func insertOrdered(_ name: String, _ value: JSONValue, parent: [String], in object: inout JSONObject) {
        let rank = Fields.rank(of: name, under: parent)
        let position = object.keys.firstIndex { Fields.rank(of: $0, under: parent) > rank } ?? object.count
        object.insert(name, value, at: position)
    }

    // MARK: Flattening

    /// Every leaf as (dotted key, value), unknown keys included; lists are leaves, and so
    /// is an empty object, which `show` lists among the other keys as it is. (The diff
    /// compares paths of keys, not dotted keys, and holds an empty object for no leaf:
    /// `SettingsDiff`.)
    public var leaves: [(key: String, value: JSONValue)] {
        var out: [(String, JSONValue)] = []
        func walk(_ object: JSONObject, _ prefix: String) {
            for (k, v) in object {
                let key = prefix.isEmpty ? k : prefix + "." + k
                if case .object(let child) = v, !child.isEmpty { walk(child, key) } else { out.append((key, v)) }
            }
        }
        walk(root, "")
        return out
    }
}

extension Settings: CustomStringConvertible, CustomDebugStringConvertible {
    /// Never prints the secret, even by accident in a log or a test failure.
    public var description: String { JSONWriter.compact(Secret.redacted(self).document) }
    public var debugDescription: String { description }
}

extension String {
    /// Without leading and trailing white space (spaces, tabs, line breaks, Unicode spaces).
    public var trimmingWhitespace: String {
        // Most values start and end with an ASCII character that is not white space:
        // answer those without Unicode property lookups.
        // (The ends are read from the bytes in place: UTF8View's `last` walks an index.)
        let ends = utf8.withContiguousStorageIfAvailable { $0.isEmpty ? nil : ($0[0], $0[$0.count - 1]) } ?? utf8.first.map { ($0, utf8.last!) }
        if let (first, last) = ends, first < 0x80, last < 0x80, !String.isASCIIWhitespace(first), !String.isASCIIWhitespace(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    public var containsWhitespace: Bool {
        if isASCII { return utf8.contains(where: String.isASCIIWhitespace) }
        return unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// The ASCII characters with Unicode's White_Space property: tab, line feed, vertical
    /// tab, form feed, carriage return and space.
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
