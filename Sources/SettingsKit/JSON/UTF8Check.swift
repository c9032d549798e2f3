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
