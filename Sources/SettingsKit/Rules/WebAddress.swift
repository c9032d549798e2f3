/// The parts of an absolute URL that the rules look at. Deliberately strict and small:
/// settings hold a handful of URLs, and Foundation's URL accepts much that browsers
/// and Atlassian would not (spaces, missing hosts).
public struct WebAddress: Equatable, Sendable {
    public let scheme: String
    public let host: String
    public let path: String

    public init?(_ text: String) {
        // Nearly every URL in a settings file is ASCII, where a Character is one byte:
        // parse those bytes directly (the rules below, byte for byte), and keep the
        // Character-based parser for the rest. `audit` spent a fifth of its time here.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard let parts = WebAddress.parseASCII(Array(text.utf8)) else { return nil }
            (scheme, host, path) = parts
            return
        }
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) else { return nil }
        guard let sep = text.firstRange(of: "://") else { return nil }
        let scheme = text[..<sep.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        let rest = text[sep.upperBound...]
        let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        if let colon = authority.lastIndex(of: ":"), !authority.hasSuffix("]") {
            let port = authority[authority.index(after: colon)...]
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            host = authority[..<colon]
        }
        guard !host.isEmpty,
              host.allSatisfy({ !$0.isASCII || $0.isLetter || $0.isNumber || "-._[]:%".contains($0) }),
              host.contains(where: { $0 != "." }) else { return nil }
        let afterHost = rest[authorityEnd...]
        let pathEnd = afterHost.firstIndex(where: { "?#".contains($0) }) ?? afterHost.endIndex
        self.scheme = scheme.lowercased()
        self.host = String(host).lowercased()
        self.path = String(afterHost[..<pathEnd])
    }

    /// The same rules as the Character-based parser, for text that is all ASCII.
    private static func parseASCII(_ b: [UInt8]) -> (scheme: String, host: String, path: String)? {
        func isAlnum(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }
        func text(_ s: ArraySlice<UInt8>, lowercased: Bool = false) -> String {
            String(decoding: lowercased ? s.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 } : Array(s), as: UTF8.self)
        }
        // White space and control characters: everything up to and including space, and DEL.
        guard !b.isEmpty, !b.contains(where: { $0 <= 0x20 || $0 == 0x7F }) else { return nil }
        let colon = UInt8(ascii: ":"), slash = UInt8(ascii: "/")
        guard let sep = b.indices.first(where: { $0 + 2 < b.count && b[$0] == colon && b[$0 + 1] == slash && b[$0 + 2] == slash })
        else { return nil }
        let scheme = b[..<sep]
        guard let first = scheme.first, isAlnum(first), !(0x30...0x39).contains(first),
              scheme.allSatisfy({ isAlnum($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return nil }
        let rest = b[(sep + 3)...]
        let authorityEnd = rest.firstIndex(where: { $0 == slash || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) { authority = authority[(at + 1)...] }
        var host = authority
        if let c = authority.lastIndex(of: colon), authority.last != UInt8(ascii: "]") {
            guard authority[(c + 1)...].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            host = authority[..<c]
        }
        guard !host.isEmpty,
              host.allSatisfy({ isAlnum($0) || "-._[]:%".utf8.contains($0) }),
              host.contains(where: { $0 != UInt8(ascii: ".") }) else { return nil }
        let afterHost = rest[authorityEnd...]
        let pathEnd = afterHost.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? afterHost.endIndex
        return (text(scheme, lowercased: true), text(host, lowercased: true), text(afterHost[..<pathEnd]))
    }

    public var isHTTPS: Bool { scheme == "https" }
    public var isHTTP: Bool { scheme == "http" || scheme == "https" }

    /// An absolute http(s) URL with a host.
    public static func isWebURL(_ text: String) -> Bool { WebAddress(text)?.isHTTP == true }

    /// "mailto:someone@example.com" (a bare local part or domain is not enough).
    public static func isMailto(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("mailto:") else { return false }
        let address = text.dropFirst(7)
        guard let at = address.firstIndex(of: "@") else { return false }
        return at != address.startIndex && address.index(after: at) != address.endIndex
            && !address.contains(where: { $0.isWhitespace })
    }
}
