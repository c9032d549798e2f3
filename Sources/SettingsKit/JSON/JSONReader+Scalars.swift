/// The scalars of JSON, read where they start: literals, numbers and strings.
extension JSONReader {
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
}
