/// JSON written straight into a byte buffer, byte for byte as `JSONWriter.compact` writes
/// it, for output written thousands of times over (each file of `audit`'s JSON and SARIF):
/// building a `JSONValue` tree first and then writing it took a fifth of the run.
public struct JSONBytes {
    public private(set) var bytes: [UInt8] = []

    public init() { bytes.reserveCapacity(2048) }

    /// What was written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Our own punctuation and key names: a StaticString's bytes are copied straight
    /// (through String's UTF8View each cost a few times as much).
    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func number(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    public mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// Any value, as `JSONWriter.compact` writes it.
    public mutating func value(_ value: JSONValue) { bytes.append(contentsOf: JSONWriter.compact(value).utf8) }

    /// An object's members, each after ", ", as JSONWriter writes them.
    public mutating func members(_ object: JSONObject) {
        for (key, member) in object {
            raw(", "); string(key); raw(": ")
            value(member)
        }
    }

    /// As `JSONWriter.writeString` writes it: printable ASCII with no quote or backslash
    /// (nearly every string) is copied here; anything else is left to the writer itself,
    /// so the escaping rules live in one place.
    public mutating func string(_ text: String) {
        let plain = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard buffer.allSatisfy(JSONWriter.isPlain) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: buffer)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if plain != true {
            var quoted = ""
            JSONWriter.writeString(text, into: &quoted)
            bytes.append(contentsOf: quoted.utf8)
        }
    }
}
