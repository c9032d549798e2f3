import SettingsKit

/// A JSON Schema (2020-12) validator for the keywords the settings schema uses, written
/// from the specification (json-schema.org, Core and Validation) and nothing else, so the
/// differential test compares the loader with an independent reading of the schema. A
/// keyword it does not know is a test failure, not something silently ignored: the
/// generated schema may only use what is checked here.
struct MiniJSONSchema {
    struct UnknownKeyword: Error, CustomStringConvertible {
        let keyword: String
        var description: String { "the validator does not know the keyword \(keyword)" }
    }

    /// Keywords that only annotate: they never change whether a document is valid.
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "examples", "writeOnly"]

    let schema: JSONValue

    func isValid(_ instance: JSONValue) throws -> Bool { try validate(instance, against: schema) }

    private func validate(_ instance: JSONValue, against schema: JSONValue) throws -> Bool {
        if case .bool(let b) = schema { return b }
        guard let s = schema.objectValue else { throw UnknownKeyword(keyword: "(a schema that is not an object)") }
        var valid = true
        for (keyword, value) in s {
            if Self.annotations.contains(keyword) { continue }
            switch keyword {
            case "type":
                let types = value.arrayValue?.compactMap(\.stringValue) ?? [value.stringValue ?? ""]
                valid = valid && types.contains { Self.hasType(instance, $0) }
            case "const":
                valid = valid && Self.equal(instance, value)
            case "properties":
                guard case .object(let object) = instance, let properties = value.objectValue else { continue }
                for (name, subschema) in properties {
                    // Property names match by code points (JSON Schema compares strings so).
                    if let i = object.keys.firstIndex(where: { Array($0.unicodeScalars) == Array(name.unicodeScalars) }) {
                        valid = try validate(object.values[i], against: subschema) && valid
                    }
                }
            case "items":
                guard case .array(let items) = instance else { continue }
                for item in items { valid = try validate(item, against: value) && valid }
            case "required":
                guard case .object(let object) = instance else { continue }
                let names = value.arrayValue?.compactMap(\.stringValue) ?? []
                valid = valid && names.allSatisfy { name in object.keys.contains { Array($0.unicodeScalars) == Array(name.unicodeScalars) } }
            case "maxProperties":
                guard case .object(let object) = instance, case .number(let n) = value, let max = Int(n) else { continue }
                valid = valid && object.count <= max
            case "anyOf":
                var any = false
                for subschema in value.arrayValue ?? [] where try validate(instance, against: subschema) { any = true }
                valid = valid && any
            default:
                throw UnknownKeyword(keyword: keyword)
            }
        }
        return valid
    }

    static func hasType(_ v: JSONValue, _ type: String) -> Bool {
        switch (type, v) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case ("integer", .number(let text)):
            // "integer" is any number with a zero fractional part: 1.0 and 1e0 are integers.
            return Decimal(text).isInteger
        default:
            return false
        }
    }

    /// JSON Schema equality: numbers by mathematical value, strings by code points,
    /// arrays item by item, objects by their sets of members.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return Decimal(x) == Decimal(y)
        case (.string(let x), .string(let y)): return Array(x.unicodeScalars) == Array(y.unicodeScalars)
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy(equal)
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        default: return false
        }
    }

    /// A JSON number as sign, significant digits and power of ten, so that 1, 1.0, 10e-1
    /// and 0.1E+1 come out the same.
    struct Decimal: Equatable {
        var negative = false
        var digits: [UInt8] = []
        var exponent = 0

        init(_ text: String) {
            var s = Substring(text)
            if s.first == "-" { negative = true; s = s.dropFirst() }
            var mantissa = s
            var exp = 0
            if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
                mantissa = s[..<e]
                let written = s[s.index(after: e)...].replacingOccurrences(of: "+", with: "")
                // An exponent too long for Int is far beyond anything compared here.
                exp = Int(written) ?? (written.hasPrefix("-") ? -(1 << 40) : 1 << 40)
            }
            if let dot = mantissa.firstIndex(of: ".") {
                exp -= mantissa.distance(from: dot, to: mantissa.endIndex) - 1
                mantissa.remove(at: dot)
            }
            var d = Array(mantissa.utf8)
            while d.first == UInt8(ascii: "0") { d.removeFirst() }
            while d.last == UInt8(ascii: "0") { d.removeLast(); exp += 1 }
            if d.isEmpty { negative = false; exp = 0 }
            digits = d
            exponent = exp
        }

        var isInteger: Bool { digits.isEmpty || exponent >= 0 }
    }
}

private extension Substring {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        String(self).split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
