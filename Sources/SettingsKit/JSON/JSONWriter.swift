/// Writes JSON the way settings files are stored: 2-space indentation, keys in the
/// object's order, lists of plain values on one line, a final newline. The output is
/// a fixed point: parsing it and writing it again gives the same bytes.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> String {
        var out = ""
        out.reserveCapacity(1024)
        write(value, indent: 0, into: &out)
        out += "\n"
        return out
    }

    /// One line, no indentation (for JSON Lines output).
    public static func compact(_ value: JSONValue) -> String {
        var out = ""
        writeCompact(value, into: &out)
        return out
    }

    static func write(_ value: JSONValue, indent: Int, into out: inout String) {
        switch value {
        case .object(let object):
            if object.isEmpty { out += "{}"; return }
            out += "{\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, (key, child)) in object.enumerated() {
                out += pad
                writeString(key, into: &out)
                out += ": "
                write(child, indent: indent + 2, into: &out)
                out += i == object.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        case .array(let items):
            if items.allSatisfy(isScalar) {
                writeCompact(value, into: &out)
                return
            }
            out += "[\n"
            let pad = String(repeating: " ", count: indent + 2)
            for (i, item) in items.enumerated() {
                out += pad
                write(item, indent: indent + 2, into: &out)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        default:
            writeCompact(value, into: &out)
        }
    }

    static func writeCompact(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += ", " }
                writeCompact(item, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, (key, child)) in object.enumerated() {
                if i > 0 { out += ", " }
                writeString(key, into: &out)
                out += ": "
                writeCompact(child, into: &out)
            }
            out += "}"
        }
    }

    static func isScalar(_ value: JSONValue) -> Bool {
        switch value {
        case .array, .object: return false
        default: return true
        }
    }

    /// A byte a JSON string holds as it is: printable ASCII other than the quote and the
    /// backslash.
    static func isPlain(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")
    }

    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        // Most strings are printable ASCII with no quote or backslash: copy those whole
        // instead of scalar by scalar. Anything else takes the careful path below.
        if s.utf8.allSatisfy(isPlain) {
            out += s
            out += "\""
            return
        }
        out += s.rewritingScalars { scalars, i in escape(scalars[i]).map { ($0, scalars.index(after: i)) } }
        out += "\""
    }

    /// How a character is written inside a JSON string when not as itself.
    private static func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        // DEL and the C1 controls too: JSON allows them raw, but printed to a terminal
        // (show --format json) some act as escape sequences.
        // The bidi controls as well (U+202E and kin): a terminal that lays out
        // right-to-left text would reorder what follows them. All are below U+FFFF.
        // And the invisible separators (U+2028, U+2029, U+FEFF, U+200B), and the bytes of
        // a file name that is not UTF-8 (`SystemPath`: U+EF80 to U+EFFF).
        case _ where scalar.isHiddenFromDisplay:
            return scalar.unicodeEscape
        default:
            return nil
        }
    }
}
