/// The URL Standard's percent-encode sets (https://url.spec.whatwg.org/#percent-encoded-bytes),
/// and writing bytes with those of a set as "%XX".
public enum PercentEncoding {
    typealias Set = (UInt8) -> Bool

    /// C0 controls and everything above "~" (so every byte of a non-ASCII character).
    static func c0Control(_ b: UInt8) -> Bool { b < 0x20 || b > 0x7E }

    static func fragment(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x22, 0x3C, 0x3E, 0x60: return true  // space " < > `
        default: return c0Control(b)
        }
    }

    static func query(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x22, 0x23, 0x3C, 0x3E: return true  // space " # < >
        default: return c0Control(b)
        }
    }

    static func specialQuery(_ b: UInt8) -> Bool { b == 0x27 || query(b) }  // '

    static func path(_ b: UInt8) -> Bool {
        switch b {
        case 0x3F, 0x5E, 0x60, 0x7B, 0x7D: return true  // ? ^ ` { }
        default: return query(b)
        }
    }

    static func userinfo(_ b: UInt8) -> Bool {
        switch b {
        case 0x2F, 0x3A, 0x3B, 0x3D, 0x40, 0x5B, 0x5C, 0x5D, 0x7C: return true  // / : ; = @ [ \ ] |
        default: return path(b)
        }
    }

    /// A file path as a relative or absolute URI reference (RFC 3986), as SARIF names files:
    /// all but letters, digits, "/" and "-._~!$&'()*+,;=@" percent-encoded. ":" is too, so
    /// that "a:b.json" is not read as a URI of scheme "a". The path's own bytes are encoded
    /// (`SystemPath.bytes`): a name that is not UTF-8 is named by the bytes it has.
    public static func fileReference(_ path: String) -> String {
        encode(ArraySlice(SystemPath.bytes(path))) { b in
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return false
            default: return !"/-._~!$&'()*+,;=@".utf8.contains(b)
            }
        }
    }

    static func encode(_ bytes: ArraySlice<UInt8>, _ set: Set) -> String {
        guard bytes.contains(where: set) else { return String(decoding: bytes, as: UTF8.self) }
        let hex: StaticString = "0123456789ABCDEF"
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        for b in bytes {
            if set(b) {
                out.append(UInt8(ascii: "%"))
                out.append(hex.utf8Start[Int(b >> 4)])
                out.append(hex.utf8Start[Int(b & 0x0F)])
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
