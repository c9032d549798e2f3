/// The parts of an absolute URL that the rules look at. Deliberately strict and small:
/// settings hold a handful of URLs, and Foundation's URL accepts much that browsers
/// and Atlassian would not (spaces, missing hosts).
public struct WebAddress: Equatable, Sendable {
    public let scheme: String
    public let host: String
    public let path: String

    public init?(_ text: String) {
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
