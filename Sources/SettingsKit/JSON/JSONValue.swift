/// A JSON value that keeps everything a settings file can hold: object key order,
/// unknown keys and the exact text of numbers (so huge or precise numbers survive a
/// round trip untouched).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number exactly as written in the file.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// Byte-exact: strings (and object keys) are equal only with the same UTF-8 bytes, so
    /// a value retyped in another Unicode normalization is a change, and a diff shows it.
    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.isSameBytes(as: y)
        case (.string(let x), .string(let y)): return x.isSameBytes(as: y)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)): return x == y
        default: return false
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var objectValue: JSONObject? { if case .object(let o) = self { return o } else { return nil } }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a } else { return nil } }
    /// A list's text items, anything else in it left out; nil when the value is not a list.
    public var textItems: [String]? { arrayValue?.compactMap(\.stringValue) }

    /// What a value is, in words for error messages ("a string", "an object").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "true/false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// A JSON object that keeps its keys in file order.
public struct JSONObject: Equatable, Sendable, Sequence {
    public private(set) var keys: [String] = []
    public private(set) var values: [JSONValue] = []

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Keys are found byte for byte: "é" (U+00E9) and "e\u{301}" are two keys, as they are
    /// two keys in the file.
    public func index(of key: String) -> Int? { keys.firstIndex { $0.isSameBytes(as: key) } }

    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        a.keys.count == b.keys.count && zip(a.keys, b.keys).allSatisfy { $0.isSameBytes(as: $1) } && a.values == b.values
    }

    /// Reading a missing key gives nil; assigning nil removes the key; assigning a new key appends it.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { values[$0] } }
        set {
            if let i = index(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
            }
        }
    }

    /// Inserts a key that is not present yet at a given position.
    public mutating func insert(_ key: String, _ value: JSONValue, at position: Int) {
        precondition(index(of: key) == nil, "insert of an existing key")
        keys.insert(key, at: position); values.insert(value, at: position)
    }

    /// Appends without looking for the key first; the parser has already ruled out duplicates.
    mutating func appendUnchecked(_ key: String, _ value: JSONValue) {
        keys.append(key); values.append(value)
    }

    public func makeIterator() -> Zip2Sequence<[String], [JSONValue]>.Iterator {
        zip(keys, values).makeIterator()
    }
}
