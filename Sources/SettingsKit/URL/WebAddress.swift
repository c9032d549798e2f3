/// An absolute URL as the WHATWG URL Standard parses it (https://url.spec.whatwg.org/),
/// with no base URL: what a browser, and so Atlassian and the instance, would take the
/// text for. Foundation's URL is not used: it accepts much the standard refuses and
/// refuses some of what it accepts.
///
/// It follows the standard's URL parser for input of the form `scheme://authority…`:
/// user info, the host parser (domains with IDNA as far as `DomainToASCII` goes, IPv4 in
/// all its number forms, bracketed IPv6, opaque hosts for unknown schemes, forbidden code
/// points also when percent-encoded), ports 0–65535 with the scheme's default port
/// dropped, the path with its dot segments resolved, query and fragment, each
/// percent-encoded as the standard serializes it.
///
/// Stricter than the standard, on purpose: text the standard only accepts by repairing
/// it (its "validation errors" that change the result) is refused, because a value that
/// must be copied exactly should not need repair. So: leading or trailing spaces and
/// controls, a tab or line break anywhere (the standard silently drops them), any other
/// white space or control character, a missing `//` after the scheme (`https:host`),
/// three or more slashes (`https:///host`), and a backslash used as a slash. File URLs'
/// Windows drive-letter forms are not handled (no rule takes file URLs).
public struct WebAddress: Equatable, Sendable {
    /// Lowercase, without the colon: "https".
    public let scheme: String
    /// As the standard writes them: percent-encoded; empty when absent.
    public let username: String
    public let password: String
    /// The text had an "@" before the host (user info, even an empty one).
    public let hasUserInfo: Bool
    public let parsedHost: URLHost
    /// The port, or nil when none was given or it is the scheme's default (443 for https).
    public let port: Int?
    /// Starting with "/" for http(s); dot segments resolved; percent-encoded.
    public let path: String
    /// Without the "?"; nil when the text has no "?", "" for a lone "?".
    public let query: String?
    /// Without the "#"; nil when the text has no "#".
    public let fragment: String?

    /// The host as the standard writes it: "clerk.acme.com", "127.0.0.1", "[::1]".
    public var host: String { parsedHost.serialized }

    /// The whole URL as the standard writes it: what a browser would send.
    public var href: String {
        var out = scheme + "://"
        if !username.isEmpty || !password.isEmpty {
            out += username
            if !password.isEmpty { out += ":" + password }
            out += "@"
        }
        out += host
        if let port { out += ":" + String(port) }
        out += path
        if let query { out += "?" + query }
        if let fragment { out += "#" + fragment }
        return out
    }

    public init?(_ text: String) {
        guard case .success(let address) = WebAddress.parse(text) else { return nil }
        self = address
    }

    public var isHTTPS: Bool { scheme == "https" }
    public var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// "mailto:someone@example.com" (a bare local part or domain is not enough).
    public static func isMailto(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("mailto:") else { return false }
        let address = text.dropFirst(7)
        guard let at = address.firstIndex(of: "@") else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
            && !address.contains(where: { $0.isWhitespace })
    }

    /// The schemes the standard treats specially (a host is required, "\" is a slash),
    /// with their default ports.
    static let specialSchemes: [(name: String, port: Int?)] = [
        ("http", 80), ("https", 443), ("ws", 80), ("wss", 443), ("ftp", 21), ("file", nil),
    ]

    // MARK: Parsing

    public static func parse(_ text: String) -> Result<WebAddress, Refusal> {
        let b = Array(text.utf8)
        guard !b.isEmpty else { return .failure(.empty) }
        var allASCII = true
        for x in b {
            if x <= 0x20 || x == 0x7F { return .failure(.whiteSpaceOrControl) }
            if x >= 0x80 { allASCII = false }
        }
        if !allASCII, text.unicodeScalars.contains(where: { $0.properties.isWhitespace || (0x80...0x9F).contains($0.value) }) {
            return .failure(.whiteSpaceOrControl)
        }

        // The scheme: a letter, then letters, digits, "+", "-", ".", up to ":".
        guard isLetter(b[0]) else { return .failure(.noScheme) }
        var p = 1
        while p < b.count, isLetter(b[p]) || isDigit(b[p]) || b[p] == UInt8(ascii: "+") || b[p] == UInt8(ascii: "-") || b[p] == UInt8(ascii: ".") {
            p += 1
        }
        guard p < b.count, b[p] == UInt8(ascii: ":") else { return .failure(.noScheme) }
        let scheme = String(decoding: b[..<p].map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        let special = specialSchemes.first { $0.name == scheme }
        let isSpecial = special != nil
        let slash = UInt8(ascii: "/"), backslash = UInt8(ascii: "\\")
        guard p + 2 < b.count, b[p + 1] == slash, b[p + 2] == slash else {
            if isSpecial, b[(p + 1)...].prefix(2).contains(backslash) { return .failure(.backslash) }
            return .failure(.missingSlashes)
        }
        p += 3
        if isSpecial, p < b.count, b[p] == slash || b[p] == backslash {
            return .failure(b[p] == slash ? .extraSlashes : .backslash)
        }

        // The authority runs to the first "/", "?" or "#".
        let authorityStart = p
        while p < b.count, b[p] != slash, b[p] != UInt8(ascii: "?"), b[p] != UInt8(ascii: "#") {
            if isSpecial && b[p] == backslash { return .failure(.backslash) }
            p += 1
        }
        let authority = b[authorityStart..<p]

        var username = "", password = "", hasUserInfo = false
        var hostAndPort = authority
        var port: Int?
        let host: URLHost
        if scheme == "file" {
            // A file URL's authority is all host: no user info, no port.
            if authority.isEmpty {
                host = .domain("")
            } else {
                switch URLHost.parseSpecial(authority) {
                case .success(let parsed): host = parsed == .domain("localhost") ? .domain("") : parsed
                case .failure(let refusal): return .failure(refusal)
                }
            }
        } else {
            if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
                hasUserInfo = true
                let info = authority[..<at]
                if let colon = info.firstIndex(of: UInt8(ascii: ":")) {
                    username = PercentEncoding.encode(info[..<colon], PercentEncoding.userinfo)
                    password = PercentEncoding.encode(info[(colon + 1)...], PercentEncoding.userinfo)
                } else {
                    username = PercentEncoding.encode(info, PercentEncoding.userinfo)
                }
                hostAndPort = authority[(at + 1)...]
                guard !hostAndPort.isEmpty else { return .failure(.noHost) }
            }
            // The port starts at the first ":" outside brackets.
            var insideBrackets = false
            var portColon: Int?
            for k in hostAndPort.indices {
                switch hostAndPort[k] {
                case UInt8(ascii: "["): insideBrackets = true
                case UInt8(ascii: "]"): insideBrackets = false
                case UInt8(ascii: ":") where !insideBrackets: portColon = k
                default: continue
                }
                if portColon != nil { break }
            }
            let hostText = portColon.map { hostAndPort[..<$0] } ?? hostAndPort
            if let portColon {
                guard !hostText.isEmpty else { return .failure(.noHost) }
                let digits = hostAndPort[(portColon + 1)...]
                guard digits.allSatisfy(isDigit) else { return .failure(.invalidPort) }
                if !digits.isEmpty {
                    var value = 0
                    for d in digits {
                        value = value * 10 + Int(d - 0x30)
                        if value > 65535 { return .failure(.portOutOfRange) }
                    }
                    port = value == special?.port ? nil : value
                }
            }
            if isSpecial {
                guard !hostText.isEmpty else { return .failure(.noHost) }
                switch URLHost.parseSpecial(hostText) {
                case .success(let parsed): host = parsed
                case .failure(let refusal): return .failure(refusal)
                }
            } else {
                switch URLHost.parseOpaque(hostText) {
                case .success(let parsed): host = parsed
                case .failure(let refusal): return .failure(refusal)
                }
            }
        }

        // The path runs to "?" or "#".
        let pathStart = p
        while p < b.count, b[p] != UInt8(ascii: "?"), b[p] != UInt8(ascii: "#") {
            if isSpecial && b[p] == backslash { return .failure(.backslash) }
            p += 1
        }
        let path = serializePath(b[pathStart..<p], special: isSpecial)

        var query: String?
        if p < b.count, b[p] == UInt8(ascii: "?") {
            let start = p + 1
            p = start
            while p < b.count, b[p] != UInt8(ascii: "#") { p += 1 }
            query = PercentEncoding.encode(b[start..<p], isSpecial ? PercentEncoding.specialQuery : PercentEncoding.query)
        }
        var fragment: String?
        if p < b.count {  // at "#"
            fragment = PercentEncoding.encode(b[(p + 1)...], PercentEncoding.fragment)
        }
        return .success(
            WebAddress(
                scheme: scheme, username: username, password: password, hasUserInfo: hasUserInfo,
                parsedHost: host, port: port, path: path, query: query, fragment: fragment))
    }

    private init(
        scheme: String, username: String, password: String, hasUserInfo: Bool, parsedHost: URLHost,
        port: Int?, path: String, query: String?, fragment: String?
    ) {
        self.scheme = scheme
        self.username = username
        self.password = password
        self.hasUserInfo = hasUserInfo
        self.parsedHost = parsedHost
        self.port = port
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// The path as the standard writes it: "." and ".." segments (also as "%2e") resolved,
    /// each segment percent-encoded; "/" for an empty path of an http(s) URL.
    static func serializePath(_ raw: ArraySlice<UInt8>, special: Bool) -> String {
        if raw.isEmpty { return special ? "/" : "" }
        // Nearly every path needs neither: give it back as written.
        if !raw.contains(where: PercentEncoding.path) && !hasDotSegment(raw) { return String(decoding: raw, as: UTF8.self) }
        var segments: [String] = []
        let parts = raw.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            let isLast = index == parts.count - 1
            if isDoubleDot(part) {
                if !segments.isEmpty { segments.removeLast() }
                if isLast { segments.append("") }
            } else if isSingleDot(part) {
                if isLast { segments.append("") }
            } else {
                segments.append(PercentEncoding.encode(part, PercentEncoding.path))
            }
        }
        return "/" + segments.joined(separator: "/")
    }

    static func hasDotSegment(_ raw: ArraySlice<UInt8>) -> Bool {
        // Segment by segment without splitting: every URL of every audited file comes here.
        var start = raw.startIndex + 1
        while start <= raw.endIndex {
            let end = raw[start...].firstIndex(of: UInt8(ascii: "/")) ?? raw.endIndex
            let segment = raw[start..<end]
            if isSingleDot(segment) || isDoubleDot(segment) { return true }
            start = end + 1
        }
        return false
    }

    /// "." or "%2e" (any case).
    static func isSingleDot(_ s: ArraySlice<UInt8>) -> Bool {
        (s.count == 1 && s.first == UInt8(ascii: ".")) || (s.count == 3 && isEncodedDot(s))
    }

    /// "..", ".%2e", "%2e." or "%2e%2e" (any case).
    static func isDoubleDot(_ s: ArraySlice<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        switch s.count {
        case 2: return s.allSatisfy { $0 == dot }
        case 4: return (s.first == dot && isEncodedDot(s.dropFirst())) || (s.last == dot && isEncodedDot(s.dropLast()))
        case 6: return isEncodedDot(s.prefix(3)) && isEncodedDot(s.suffix(3))
        default: return false
        }
    }

    private static func isEncodedDot(_ s: ArraySlice<UInt8>) -> Bool {
        s.count == 3 && s.first == UInt8(ascii: "%") && s[s.startIndex + 1] == UInt8(ascii: "2") && s[s.startIndex + 2] | 0x20 == UInt8(ascii: "e")
    }

    private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }

    /// Why a text is not an absolute URL, in words that finish "… is not valid: ".
    public enum Refusal: Error, Equatable, Sendable {
        case empty, whiteSpaceOrControl, noScheme, missingSlashes, extraSlashes, backslash, noHost
        case invalidPort, portOutOfRange, invalidIPv4, invalidIPv6, forbiddenHostCharacter, invalidPunycode, invalidDomain

        public var reason: String {
            switch self {
            case .empty: return "it is empty"
            case .whiteSpaceOrControl: return "it holds white space or a control character"
            case .noScheme: return "it does not start with a scheme such as https:"
            case .missingSlashes: return "the scheme is not followed by //"
            case .extraSlashes: return "the scheme is followed by more than two slashes"
            case .backslash: return "it holds a backslash (\\) where a slash belongs"
            case .noHost: return "it has no host"
            case .invalidPort: return "its port is not a number"
            case .portOutOfRange: return "its port is above 65535"
            case .invalidIPv4: return "its host ends in a number but is not a valid IPv4 address"
            case .invalidIPv6: return "its host is not a valid IPv6 address in brackets"
            case .forbiddenHostCharacter: return "its host holds a character no host may have (also when percent-encoded)"
            case .invalidPunycode: return "its host has an xn-- label that is not valid Punycode"
            case .invalidDomain: return "its host holds a character a domain name may not have"
            }
        }
    }
}
