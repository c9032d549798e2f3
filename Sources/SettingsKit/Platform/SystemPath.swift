#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names are bytes: Linux allows any but "/" and NUL, UTF-8 or not, and Swift's
/// `String` would repair a name that is not UTF-8 (each bad byte becomes U+FFFD), so the
/// file could never be opened again by that name. Paths stay `String`s everywhere in the
/// program; a byte that is not part of valid UTF-8 is kept in one as a code point of its
/// own, U+EF00 plus the byte (U+EF80 to U+EFFF, in the Private Use Area, as MirBSD's
/// OPTU-8 does), and goes back to that byte at the system call. So the mapping stays
/// one to one, a name that really holds a code point of that range keeps its bytes that
/// way too. Names come in through `string(fromBytes:)` (the command line, folder
/// listings, realpath) and go out only through `withCString` (`SystemIO`'s calls). Output
/// shows such a byte as `\xNN` (`Unicode.Scalar.displayEscape`; JSON as `\uefNN`).
public enum SystemPath {
    static let byteBase: UInt32 = 0xEF00

    /// Whether `scalar` stands for a byte of a name that is not UTF-8.
    public static func isByte(_ scalar: Unicode.Scalar) -> Bool { (0xEF80...0xEFFF).contains(scalar.value) }

    /// A name or path as the system gave it.
    public static func string(fromBytes bytes: some Collection<UInt8>) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let b = Array(bytes)
        var scalars = String.UnicodeScalarView()
        var i = 0
        while i < b.count {
            let (scalar, length) = decode(b, at: i)
            if let scalar, !isByte(scalar) {
                scalars.append(scalar)
            } else {
                // Not UTF-8 (one byte), or a code point of the range (each of its bytes).
                for byte in b[i..<(i + length)] { scalars.append(Unicode.Scalar(byteBase + UInt32(byte))!) }
            }
            i += length
        }
        return String(scalars)
    }

    /// A C string from the system (a folder entry's name, realpath's result).
    public static func string(cString: UnsafePointer<CChar>) -> String {
        string(fromBytes: UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString)))
    }

    /// The bytes the system knows the path by.
    public static func bytes(_ path: String) -> [UInt8] {
        // U+EF80 to U+EFFF are the only code points whose UTF-8 starts with 0xEE 0xBE or
        // 0xEE 0xBF; a path without 0xEE has none.
        if !path.utf8.contains(0xEE) { return Array(path.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        for scalar in path.unicodeScalars {
            if isByte(scalar) { out.append(UInt8(scalar.value - byteBase)) } else { out += String(scalar).utf8 }
        }
        return out
    }

    /// Runs `body` with the path's bytes as a C string: the one way a path reaches a
    /// system call (`SystemIO`).
    public static func withCString<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        if !path.utf8.contains(0xEE) { return path.withCString(body) }
        return (bytes(path) + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }

    /// The scalar of the UTF-8 sequence at `i` and its length; nil and 1 when the byte at
    /// `i` starts no valid sequence (overlong forms, surrogates and values past U+10FFFF
    /// are not valid).
    static func decode(_ b: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let lead = b[i]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int, low: UInt8, high: UInt8
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return (nil, 1)
        }
        guard i + length <= b.count, (low...high).contains(b[i + 1]) else { return (nil, 1) }
        for k in 2..<length where !(0x80...0xBF).contains(b[i + k]) { return (nil, 1) }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for k in 1..<length { value = value << 6 | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}
