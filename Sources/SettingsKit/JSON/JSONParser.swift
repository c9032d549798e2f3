public enum JSONParser {
    /// Deeper nesting than this is refused. Settings files nest four levels.
    public static let maxDepth = 512

    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in
            var parser = Parser(bytes: buffer, locating: nil)
            return try parser.run()
        }
    }

    /// Where the value at `path` starts, for pointing at a value the schema rejects.
    public static func offset(of path: [JSONPathComponent], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer in
            var parser = Parser(bytes: buffer, locating: path)
            do { _ = try parser.run() } catch { return nil }
            return parser.located
        }
    }
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

/// Reads straight from the file's bytes: indexing an Array checks every index against its
/// bounds a second time, after the parser's own checks.
private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let locating: [JSONPathComponent]?
    var located: Int?
    var i = 0
    var stack: [Frame] = []

    init(bytes: UnsafeBufferPointer<UInt8>, locating: [JSONPathComponent]?) {
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
        if let bad = UTF8Check.firstInvalidOffset(bytes) {
            throw fail("invalid UTF-8 byte", at: bad)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }  // a BOM is tolerated and not written back
        skipWhitespace()
        if i == bytes.count { throw fail("the file is empty", at: i) }

        while true {
            // Expect a value.
            skipWhitespace()
            if locating != nil, located == nil, currentPath() == locating { located = i }
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
    func isDuplicate(_ key: String, in frame: ObjectFrame) -> Bool {
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

    mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let n = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: n)
        guard i + n <= bytes.count else {
            if bytes[i...].elementsEqual(expected.prefix(bytes.count - i)) { throw fail("unexpected end of file (truncated?)", at: bytes.count) }
            throw fail(describe(bytes[i]), at: i)
        }
        guard bytes[i..<(i + n)].elementsEqual(expected) else { throw fail(describe(bytes[i]), at: i) }
        i += n
    }

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = i
        func digit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, digit(bytes[i]) else { throw fail("invalid number", at: start) }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, digit(bytes[i]) { throw fail("invalid number (leading zero)", at: start) }
        } else {
            while i < bytes.count, digit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard i < bytes.count, digit(bytes[i]) else { throw fail("invalid number (no digits after '.')", at: start) }
            while i < bytes.count, digit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, digit(bytes[i]) else { throw fail("invalid number (no digits in the exponent)", at: start) }
            while i < bytes.count, digit(bytes[i]) { i += 1 }
        }
        return text(start..<i)
    }

    /// Reads a string starting at the opening quote. The input is known to be valid UTF-8.
    mutating func parseString() throws(JSONParseError) -> String {
        let open = i
        i += 1
        var runStart = i
        var result = ""
        while true {
            guard i < bytes.count else { throw fail("unexpected end of file inside a string (missing '\"'?)", at: open) }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                if result.isEmpty {
                    result = text(runStart..<i)
                } else {
                    result += text(runStart..<i)
                }
                i += 1
                return result
            } else if b == UInt8(ascii: "\\") {
                result += text(runStart..<i)
                try parseEscape(into: &result)
                runStart = i
            } else if b < 0x20 {
                throw fail(
                    b == 0x0A ? "line break inside a string (missing '\"'?)" : "control character inside a string (write it as \\u escape)", at: i)
            } else {
                i += 1
            }
        }
    }

    /// The text of a run of bytes, which are valid UTF-8 (checked before parsing).
    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    mutating func parseEscape(into result: inout String) throws(JSONParseError) {
        let at = i
        i += 1
        guard i < bytes.count else { throw fail("unexpected end of file inside a string", at: at) }
        let c = bytes[i]
        i += 1
        switch c {
        case UInt8(ascii: "\""): result += "\""
        case UInt8(ascii: "\\"): result += "\\"
        case UInt8(ascii: "/"): result += "/"
        case UInt8(ascii: "b"): result += "\u{08}"
        case UInt8(ascii: "f"): result += "\u{0C}"
        case UInt8(ascii: "n"): result += "\n"
        case UInt8(ascii: "r"): result += "\r"
        case UInt8(ascii: "t"): result += "\t"
        case UInt8(ascii: "u"):
            var code = try hex4(at: at)
            if (0xD800...0xDBFF).contains(code) {
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                    throw fail("lone surrogate in a \\u escape", at: at)
                }
                i += 2
                let low = try hex4(at: at)
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("lone surrogate in a \\u escape", at: at) }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw fail("lone surrogate in a \\u escape", at: at)
            }
            result.unicodeScalars.append(Unicode.Scalar(code)!)
        default:
            throw fail("invalid escape in a string", at: at)
        }
    }

    mutating func hex4(at escape: Int) throws(JSONParseError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw fail("incomplete \\u escape", at: escape) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: throw fail("invalid \\u escape", at: escape)
            }
            v = v << 4 | d
            i += 1
        }
        return v
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

/// UTF-8 validation that says where the first bad byte is.
enum UTF8Check {
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidOffset)
    }

    static func firstInvalidOffset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            i = ASCIIScan.firstNonASCII(bytes, from: i)
            guard i < n else { break }
            let b = bytes[i]
            let len: Int
            var minimum: UInt32
            var code: UInt32
            switch b {
            case 0xC2...0xDF: len = 2; code = UInt32(b & 0x1F); minimum = 0x80
            case 0xE0...0xEF: len = 3; code = UInt32(b & 0x0F); minimum = 0x800
            case 0xF0...0xF4: len = 4; code = UInt32(b & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + len <= n else { return i }
            for k in 1..<len {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return i }
                code = code << 6 | UInt32(c & 0x3F)
            }
            if code < minimum || code > 0x10FFFF || (0xD800...0xDFFF).contains(code) { return i }
            i += len
        }
        return nil
    }
}
