public enum JSONParser {
    /// Deeper nesting than this is refused. Settings files nest four levels.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parser = JSONReader(bytes: buffer, locating: nil)
            return try parser.run()
        }
    }

    /// Where the value at `path` starts, for pointing at a value the schema rejects.
    public static func offset(of path: [JSONPathComponent], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONReader(bytes: buffer, locating: .value(path))
            do { _ = try parser.run() } catch { return nil }
            return parser.located
        }
    }

    /// Where the first key at each of these dotted paths starts (its opening quote), by
    /// path; a path the file does not have is left out. List items are not part of a path:
    /// "a.b" is also the key b of an object inside the list a, as findings name fields.
    /// A second reading of the file, asked for only where positions are printed: the parse
    /// every command needs keeps no positions.
    public static func keyOffsets(of paths: [String], in bytes: [UInt8]) -> [ByteString: Int] {
        bytes.withUnsafeBufferPointer { buffer in
            // What a key must be for a path to end with it: each path's part after each dot.
            var ends = Set<ByteString>()
            for path in paths {
                ends.insert(ByteString(path))
                for (i, b) in path.utf8.enumerated() where b == UInt8(ascii: ".") {
                    ends.insert(ByteString(String(decoding: path.utf8.dropFirst(i + 1), as: UTF8.self)))
                }
            }
            var parser = JSONReader(bytes: buffer, locating: .keys(Set(paths.map(ByteString.init)), ends: ends))
            do { _ = try parser.run() } catch { return [:] }
            return parser.keyOffsets
        }
    }
}

/// What a parse looks for besides the value: where one value starts, or where keys are.
private enum Locating {
    case value([JSONPathComponent])
    /// The dotted paths, and what their last keys may be.
    case keys(Set<ByteString>, ends: Set<ByteString>)
}

/// An open container. Classes, not enum payloads: taking a payload out of an enum to
/// append to it copies the whole list or object (the enum still holds the old buffer), and
/// a file with 300,000 keys then took hours. A class's storage is appended to in place.
private enum Frame {
    case array(ArrayFrame)
    case object(ObjectFrame)
}

/// Lists and objects grow as they fill (1, 2, 4, 8 members: four allocations for a
/// settings object). Reserving room for eight from the start was 5% faster for `audit`,
/// and doubled the memory of a hostile file of a million one-key objects (to 450 MB).
private final class ArrayFrame {
    var items: [JSONValue] = []
}

private final class ObjectFrame {
    var object = JSONObject()
    /// The keys so far, by their bytes ("é" and "e\u{301}" are two keys), once the object
    /// is large enough for hashing to beat a scan of its keys.
    var seen: Set<ByteString>?
    /// The key whose value is being read, and where it starts.
    var key: String
    var keyOffset: Int

    init(key: String, keyOffset: Int) {
        self.key = key
        self.keyOffset = keyOffset
    }
}

/// The parser as it reads: containers here, scalars in JSONReader+Scalars.swift. Reads
/// straight from the file's bytes: indexing an Array checks every index against its
/// bounds a second time, after the parser's own checks.
struct JSONReader {
    let bytes: UnsafeBufferPointer<UInt8>
    fileprivate let locating: Locating?
    var located: Int?
    var keyOffsets: [ByteString: Int] = [:]
    var i = 0
    fileprivate var stack: [Frame] = []

    fileprivate init(bytes: UnsafeBufferPointer<UInt8>, locating: Locating?) {
        self.bytes = bytes
        self.locating = locating
    }

    func fail(_ message: String, at offset: Int) -> JSONParseError {
        JSONParseError(message: message, offset: offset)
    }

    mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return
            }
        }
    }

    func describe(_ byte: UInt8) -> String {
        // Only structural characters are echoed: the text around them may be a secret.
        let shown: Set<UInt8> = Set("{}[]:,\"'=;".utf8)
        if shown.contains(byte) { return "unexpected '\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0 { return "unexpected NUL byte" }
        if byte < 0x20 { return "unexpected control character" }
        return "unexpected text (not a JSON value)"
    }

    mutating func run() throws(JSONParseError) -> JSONValue {
        // Looking for a place is asked of bytes that parsed once already.
        if locating == nil, let bad = UTF8Check.firstInvalidOffset(bytes) {
            throw fail("invalid UTF-8 byte", at: bad)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // a BOM is tolerated and not written back
        skipWhitespace()
        if i == bytes.count { throw fail("the file is empty", at: i) }

        while true {
            // Expect a value.
            skipWhitespace()
            if let locating { locate(locating) }
            guard i < bytes.count else { throw fail("unexpected end of file (truncated?)", at: i) }
            var value: JSONValue
            let start = i
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    value = .object(JSONObject())
                } else {
                    try push(at: start)
                    let (key, keyOffset) = try parseKey()
                    stack.append(.object(ObjectFrame(key: key, keyOffset: keyOffset)))
                    continue
                }
            case UInt8(ascii: "["):
                i += 1
                skipWhitespace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    value = .array([])
                } else {
                    try push(at: start)
                    stack.append(.array(ArrayFrame()))
                    continue
                }
            case UInt8(ascii: "\""):
                value = .string(try parseString())
            case UInt8(ascii: "t"): try literal("true"); value = .bool(true)
            case UInt8(ascii: "f"): try literal("false"); value = .bool(false)
            case UInt8(ascii: "n"): try literal("null"); value = .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = .number(try parseNumber())
            default:
                throw fail(describe(bytes[i]), at: i)
            }

            // Attach the finished value to its parent, closing containers as they end.
            attach: while true {
                guard let top = stack.last else {
                    skipWhitespace()
                    if i < bytes.count { throw fail("unexpected text after the end of the JSON value", at: i) }
                    return value
                }
                switch top {
                case .array(let frame):
                    frame.items.append(value)
                    skipWhitespace()
                    guard i < bytes.count else { throw fail("unexpected end of file inside a list (missing ']'?)", at: i) }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        break attach
                    } else if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        stack.removeLast()
                        value = .array(frame.items)
                    } else {
                        throw fail("expected ',' or ']' after a list item", at: i)
                    }
                case .object(let frame):
                    if isDuplicate(frame.key, in: frame) { throw fail("duplicate key \(quotedKey(frame.key))", at: frame.keyOffset) }
                    frame.object.appendUnchecked(frame.key, value)
                    skipWhitespace()
                    guard i < bytes.count else { throw fail("unexpected end of file inside an object (missing '}'?)", at: i) }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        (frame.key, frame.keyOffset) = try parseKey()
                        break attach
                    } else if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        stack.removeLast()
                        value = .object(frame.object)
                    } else {
                        throw fail("expected ',' or '}' after an object member", at: i)
                    }
                }
            }
        }
    }

    /// Whether the object already has this key, byte for byte; records it when not.
    /// Settings objects hold a handful of keys, where a scan is cheaper than hashing.
    fileprivate func isDuplicate(_ key: String, in frame: ObjectFrame) -> Bool {
        if var seen = frame.seen {
            frame.seen = nil  // keep the set uniquely referenced while it grows
            let inserted = seen.insert(ByteString(key)).inserted
            frame.seen = seen
            return !inserted
        }
        if frame.object.keys.containsBytes(key) { return true }
        if frame.object.count >= 16 { frame.seen = Set((frame.object.keys + [key]).map(ByteString.init)) }
        return false
    }

    mutating func push(at offset: Int) throws(JSONParseError) {
        if stack.count >= JSONParser.maxDepth {
            throw fail("nested deeper than \(JSONParser.maxDepth) levels", at: offset)
        }
    }

    /// Reads `"key" :` and leaves `i` at the value.
    mutating func parseKey() throws(JSONParseError) -> (String, Int) {
        skipWhitespace()
        guard i < bytes.count else { throw fail("unexpected end of file inside an object (missing '}'?)", at: i) }
        guard bytes[i] == UInt8(ascii: "\"") else {
            if bytes[i] == UInt8(ascii: "}") { throw fail("trailing comma before '}'", at: i) }
            throw fail("expected a key in double quotes", at: i)
        }
        let offset = i
        let key = try parseString()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
            // The "key" may be a value that lost its key (the secret, even): not quoted.
            throw fail("expected ':' after a key", at: i)
        }
        i += 1
        return (key, offset)
    }

    /// A key for a message: quoted when it is a name the settings file knows, or too short
    /// to be a secret anyone searches for (`Secret.minimumSearchLength`). Any other key
    /// may be a value pasted as a key, the secret even (a file can hold it as a value and,
    /// twice, as a key), or hold control characters that would act on the terminal: it is
    /// left out, and the line and column still point at it.
    func quotedKey(_ key: String) -> String {
        let printable = key.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        let safe = printable && (key.unicodeScalars.count < Secret.minimumSearchLength || Self.knownKeyNames.contains(key))
        return safe ? "\"\(key)\"" : "(a key not quoted: it may hold a pasted value)"
    }

    /// Every part of every dotted key the settings file defines.
    static let knownKeyNames: Set<String> = Set(KnownKeys.entries.flatMap(\.parts) + ["schemaVersion"])

    /// Notes where the value about to be read starts, or its key, when asked for.
    fileprivate mutating func locate(_ locating: Locating) {
        switch locating {
        case .value(let path):
            if located == nil, currentPath() == path { located = i }
        case .keys(let wanted, let ends):
            // A path is made only for a key that ends one of the few asked for.
            guard case .object(let frame)? = stack.last, ends.contains(ByteString(frame.key)) else { return }
            var dotted = ""
            for case .object(let open) in stack { dotted += dotted.isEmpty ? open.key : "." + open.key }
            let path = ByteString(dotted)
            if keyOffsets[path] == nil, wanted.contains(path) { keyOffsets[path] = frame.keyOffset }
        }
    }

    /// The path of the value about to be read, from the open containers.
    func currentPath() -> [JSONPathComponent] {
        stack.map { frame in
            switch frame {
            case .array(let frame): return .index(frame.items.count)
            case .object(let frame): return .key(frame.key)
            }
        }
    }
}
