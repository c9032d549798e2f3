/// A URL's host, parsed as the WHATWG URL Standard's host parser does
/// (https://url.spec.whatwg.org/#host-parsing).
public enum URLHost: Equatable, Sendable {
    /// An ASCII domain: lowercase, international labels in Punycode ("xn--…").
    case domain(String)
    case ipv4(UInt32)
    /// The eight 16-bit pieces.
    case ipv6([UInt16])
    /// The host of a URL whose scheme is not one the standard knows (http, https, ws,
    /// wss, ftp, file): kept as written, percent-encoded, possibly empty.
    case opaque(String)

    /// The host as the standard writes it: "clerk.acme.com", "127.0.0.1", "[::1]".
    public var serialized: String {
        switch self {
        case .domain(let name), .opaque(let name): return name
        case .ipv4(let address):
            return (0..<4).map { String((address >> (24 - 8 * UInt32($0))) & 0xFF) }.joined(separator: ".")
        case .ipv6(let pieces): return "[" + URLHost.serializeIPv6(pieces) + "]"
        }
    }

    public var domain: String? { if case .domain(let name) = self { return name } else { return nil } }

    /// The machine itself: 127.0.0.0/8, ::1 and localhost, as parsed hosts ("127.evil.example"
    /// is a domain). Where the live commands let plain http be (their stand-ins in tests);
    /// the callback rule takes a shorter list (`Rules.isLocalTestCallback`).
    public var isLoopback: Bool {
        switch self {
        case .ipv4(let address): return address >> 24 == 127
        case .ipv6(let pieces): return pieces == [0, 0, 0, 0, 0, 0, 0, 1]
        case .domain(let name): return name == "localhost"
        case .opaque: return false
        }
    }

    // MARK: Parsing

    /// The host of a URL with a special scheme (http, https, ws, wss, ftp, file).
    static func parseSpecial(_ input: ArraySlice<UInt8>) -> Result<URLHost, WebAddress.Refusal> {
        if input.first == UInt8(ascii: "[") {
            guard input.count >= 2, input.last == UInt8(ascii: "]") else { return .failure(.invalidIPv6) }
            return parseIPv6(input.dropFirst().dropLast()).map(URLHost.ipv6)
        }
        // The host is percent-decoded before anything is judged: "ho%00st" holds a NUL.
        let decoded = input.contains(UInt8(ascii: "%")) ? percentDecoded(input) : input
        var ascii: [UInt8]
        if decoded.allSatisfy({ $0 < 0x80 }) && !hasPunycodeLabel(decoded) {
            ascii = decoded.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        } else {
            switch DomainToASCII.convert(Array(decoded)) {
            case .success(let converted): ascii = converted
            case .failure(let refusal): return .failure(refusal)
            }
        }
        guard !ascii.isEmpty else { return .failure(.noHost) }
        guard !ascii.contains(where: isForbiddenDomainByte) else { return .failure(.forbiddenHostCharacter) }
        if endsInANumber(ascii[...]) {
            guard let address = parseIPv4(ascii[...]) else { return .failure(.invalidIPv4) }
            return .success(.ipv4(address))
        }
        return .success(.domain(String(decoding: ascii, as: UTF8.self)))
    }

    /// The host of a URL with any other scheme: an IPv6 literal or an opaque host.
    static func parseOpaque(_ input: ArraySlice<UInt8>) -> Result<URLHost, WebAddress.Refusal> {
        if input.first == UInt8(ascii: "[") {
            guard input.count >= 2, input.last == UInt8(ascii: "]") else { return .failure(.invalidIPv6) }
            return parseIPv6(input.dropFirst().dropLast()).map(URLHost.ipv6)
        }
        guard !input.contains(where: { $0 != UInt8(ascii: "%") && isForbiddenHostByte($0) }) else {
            return .failure(.forbiddenHostCharacter)
        }
        return .success(.opaque(PercentEncoding.encode(input, PercentEncoding.c0Control)))
    }

    /// Forbidden host code points: NUL, tab, line feed, carriage return, space, # / : < > ? @ [ \ ] ^ |.
    static func isForbiddenHostByte(_ b: UInt8) -> Bool {
        switch b {
        case 0x00, 0x09, 0x0A, 0x0D, 0x20, 0x23, 0x2F, 0x3A, 0x3C, 0x3E, 0x3F, 0x40, 0x5B, 0x5C, 0x5D, 0x5E, 0x7C: return true
        default: return false
        }
    }

    /// Forbidden domain code points: the forbidden host code points, C0 controls, % and DEL.
    static func isForbiddenDomainByte(_ b: UInt8) -> Bool {
        b < 0x20 || b == 0x25 || b == 0x7F || isForbiddenHostByte(b)
    }

    static func percentDecoded(_ input: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var i = input.startIndex
        while i < input.endIndex {
            if input[i] == UInt8(ascii: "%"), input.endIndex - i >= 3,
                let high = hexValue(input[i + 1]), let low = hexValue(input[i + 2])
            {
                out.append(high << 4 | low)
                i += 3
            } else {
                out.append(input[i])
                i += 1
            }
        }
        return out[...]
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x41 + 10
        case 0x61...0x66: return b - 0x61 + 10
        default: return nil
        }
    }

    /// Whether some label starts with "xn--", in any case: then the host needs IDNA's checks.
    static func hasPunycodeLabel(_ host: ArraySlice<UInt8>) -> Bool {
        var start = host.startIndex
        while start < host.endIndex {
            if host.endIndex - start >= 4, host[start] | 0x20 == UInt8(ascii: "x"), host[start + 1] | 0x20 == UInt8(ascii: "n"),
                host[start + 2] == UInt8(ascii: "-"), host[start + 3] == UInt8(ascii: "-")
            {
                return true
            }
            guard let dot = host[start...].firstIndex(of: UInt8(ascii: ".")) else { return false }
            start = dot + 1
        }
        return false
    }

    // MARK: IPv4

    /// The standard's "ends in a number": the last label (a trailing dot aside) is all
    /// digits or an IPv4 number such as "0x1F". Such a host must be a valid IPv4 address.
    static func endsInANumber(_ host: ArraySlice<UInt8>) -> Bool {
        var host = host
        if host.last == UInt8(ascii: ".") {
            host = host.dropLast()
            if host.isEmpty { return false }
        }
        let last = host[((host.lastIndex(of: UInt8(ascii: ".")).map { $0 + 1 }) ?? host.startIndex)...]
        if !last.isEmpty && last.allSatisfy({ (0x30...0x39).contains($0) }) { return true }
        return ipv4Number(last) != nil
    }

    /// Up to four dot-separated numbers, each decimal, octal (leading 0) or hex (0x), the
    /// last filling the remaining bytes: "127.1", "0x7f.0.0.1", "2130706433".
    static func parseIPv4(_ host: ArraySlice<UInt8>) -> UInt32? {
        var parts = host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if parts.last?.isEmpty == true, parts.count > 1 { parts.removeLast() }
        guard parts.count <= 4 else { return nil }
        var numbers: [UInt64] = []
        for part in parts {
            guard let n = ipv4Number(part) else { return nil }
            numbers.append(n)
        }
        guard let last = numbers.last, numbers.dropLast().allSatisfy({ $0 <= 255 }) else { return nil }
        guard last < (1 as UInt64) << (8 * UInt64(5 - numbers.count)) else { return nil }
        var address = last
        for (i, n) in numbers.dropLast().enumerated() { address += n << (8 * UInt64(3 - i)) }
        return UInt32(address)
    }

    /// One IPv4 part, or nil when it is not a number in its radix. Values are capped just
    /// above 2^32: anything that large is refused anyway, and the cap avoids overflow.
    static func ipv4Number(_ part: ArraySlice<UInt8>) -> UInt64? {
        guard !part.isEmpty else { return nil }
        var digits = part
        var radix: UInt64 = 10
        if part.count >= 2, part.first == UInt8(ascii: "0"), part[part.startIndex + 1] | 0x20 == UInt8(ascii: "x") {
            digits = part.dropFirst(2)
            radix = 16
        } else if part.count >= 2, part.first == UInt8(ascii: "0") {
            digits = part.dropFirst()
            radix = 8
        }
        var value: UInt64 = 0
        for b in digits {
            guard let h = hexValue(b) else { return nil }
            let d = UInt64(h)
            guard d < radix else { return nil }
            value = min(value * radix + d, 1 << 33)
        }
        return value
    }

    // MARK: IPv6

    /// The standard's IPv6 parser: eight pieces of up to four hex digits, one "::" for a
    /// run of zeros, optionally ending in a dotted IPv4 address.
    static func parseIPv6(_ input: ArraySlice<UInt8>) -> Result<[UInt16], WebAddress.Refusal> {
        var address = [UInt16](repeating: 0, count: 8)
        var pieceIndex = 0
        var compress: Int?
        var p = input.startIndex
        let end = input.endIndex
        func c(_ at: Int) -> UInt8? { at < end ? input[at] : nil }
        let colon = UInt8(ascii: ":"), dot = UInt8(ascii: ".")

        if c(p) == colon {
            guard c(p + 1) == colon else { return .failure(.invalidIPv6) }
            p += 2
            pieceIndex += 1
            compress = pieceIndex
        }
        while let ch = c(p) {
            guard pieceIndex < 8 else { return .failure(.invalidIPv6) }
            if ch == colon {
                guard compress == nil else { return .failure(.invalidIPv6) }
                p += 1
                pieceIndex += 1
                compress = pieceIndex
                continue
            }
            var value: UInt32 = 0, length = 0
            while length < 4, let h = c(p).flatMap(hexValue) {
                value = value << 4 | UInt32(h)
                p += 1
                length += 1
            }
            if c(p) == dot {
                guard length > 0 else { return .failure(.invalidIPv6) }
                p -= length
                guard pieceIndex <= 6 else { return .failure(.invalidIPv6) }
                var numbersSeen = 0
                while c(p) != nil {
                    var piece: UInt32?
                    if numbersSeen > 0 {
                        guard c(p) == dot, numbersSeen < 4 else { return .failure(.invalidIPv6) }
                        p += 1
                    }
                    guard let d0 = c(p), (0x30...0x39).contains(d0) else { return .failure(.invalidIPv6) }
                    while let d = c(p), (0x30...0x39).contains(d) {
                        let n = UInt32(d - 0x30)
                        if let current = piece {
                            guard current != 0 else { return .failure(.invalidIPv6) }
                            piece = current * 10 + n
                        } else {
                            piece = n
                        }
                        guard piece! <= 255 else { return .failure(.invalidIPv6) }
                        p += 1
                    }
                    address[pieceIndex] = address[pieceIndex] &* 0x100 &+ UInt16(piece!)
                    numbersSeen += 1
                    if numbersSeen == 2 || numbersSeen == 4 { pieceIndex += 1 }
                }
                guard numbersSeen == 4 else { return .failure(.invalidIPv6) }
                break
            } else if c(p) == colon {
                p += 1
                guard c(p) != nil else { return .failure(.invalidIPv6) }
            } else if c(p) != nil {
                return .failure(.invalidIPv6)
            }
            address[pieceIndex] = UInt16(value)
            pieceIndex += 1
        }
        if let compress {
            var swaps = pieceIndex - compress
            pieceIndex = 7
            while pieceIndex != 0 && swaps > 0 {
                address.swapAt(pieceIndex, compress + swaps - 1)
                pieceIndex -= 1
                swaps -= 1
            }
        } else if pieceIndex != 8 {
            return .failure(.invalidIPv6)
        }
        return .success(address)
    }

    /// Lowercase hex pieces, the first longest run of two or more zero pieces as "::".
    static func serializeIPv6(_ pieces: [UInt16]) -> String {
        var compress: Int?, bestLength = 1
        var i = 0
        while i < 8 {
            guard pieces[i] == 0 else { i += 1; continue }
            var j = i
            while j < 8 && pieces[j] == 0 { j += 1 }
            if j - i > bestLength { bestLength = j - i; compress = i }
            i = j
        }
        var out = ""
        var ignoreZero = false
        for (index, piece) in pieces.enumerated() {
            if ignoreZero && piece == 0 { continue }
            ignoreZero = false
            if compress == index {
                out += index == 0 ? "::" : ":"
                ignoreZero = true
                continue
            }
            out += String(piece, radix: 16)
            if index != 7 { out += ":" }
        }
        return out
    }
}
