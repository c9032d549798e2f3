/// `audit --format json|jsonl` writes one entry per file, 100,000 of them for a big
/// fleet. Building each entry as a `JSONValue` tree and then writing the tree took a
/// fifth of the run; this writes the same bytes straight into a buffer.
/// `AuditFleetTests` checks it against `JSONWriter.compact(entry.json)`, which stays the
/// definition of the format.
extension AuditEntry {
    /// Exactly `JSONWriter.compact(json)`.
    public var compactJSON: String {
        var out = JSONBytes()
        switch self {
        case .report(let path, let report):
            out.raw("{\"path\": "); out.string(path)
            out.raw(", \"environment\": ")
            if let environment = report.environment { out.string(environment) } else { out.raw("null") }
            out.raw(", \"ready\": "); out.bool(report.readyForProduction)
            if report.environment == "development" { out.raw(", \"readyForDevelopment\": "); out.bool(report.readyForDevelopment) }
            out.raw(", \"steps\": [")
            for (i, step) in Step.allCases.enumerated() {
                if i > 0 { out.raw(", ") }
                out.raw("{\"id\": "); out.string(step.rawValue)
                out.raw(", \"complete\": "); out.bool(report.isComplete(step)); out.raw("}")
            }
            out.raw("], \"findings\": [")
            for (i, f) in report.findings.enumerated() {
                if i > 0 { out.raw(", ") }
                out.raw("{\"code\": "); out.string(f.code)
                out.raw(", \"severity\": "); out.string(f.severity.rawValue)
                out.raw(", \"step\": "); out.string(f.step.rawValue)
                out.raw(", \"field\": "); out.string(f.field)
                out.raw(", \"message\": "); out.string(f.message)
                out.raw(", \"fix\": "); out.string(f.fix)
                out.raw("}")
            }
            out.raw("]}")
        case .error(let path, let error):
            out.raw("{\"path\": "); out.string(path)
            out.raw(", \"error\": {\"code\": "); out.string(error.code.rawValue)
            out.raw(", \"message\": "); out.string(error.message)
            if let position = error.position {
                out.raw(", \"line\": "); out.raw(String(position.line))
                out.raw(", \"column\": "); out.raw(String(position.column))
            }
            out.raw("}}")
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

/// A byte buffer with JSONWriter's string escaping.
private struct JSONBytes {
    var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(2048) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func bool(_ value: Bool) { raw(value ? "true" : "false") }

    /// As `JSONWriter.writeString`: quote, backslash and control characters escaped,
    /// everything else (DEL, all non-ASCII) as it is.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        if text.utf8.withContiguousStorageIfAvailable({ append(escaping: $0) }) == nil {
            append(escaping: Array(text.utf8))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private mutating func append<C: Collection<UInt8>>(escaping source: C) {
        guard source.contains(where: JSONBytes.needsEscape) else {
            bytes.append(contentsOf: source)
            return
        }
        for byte in source {
            guard JSONBytes.needsEscape(byte) else {
                bytes.append(byte)
                continue
            }
            bytes.append(0x5C)
            switch byte {
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            default: bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, JSONBytes.hex[Int(byte >> 4)], JSONBytes.hex[Int(byte & 0xF)]])
            }
        }
    }
}
