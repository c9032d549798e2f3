/// "Use the instance's redirect URI" on Authorization: the callback URLs with the
/// redirect URI in them, and what the status line says about it.
///
/// A callback URL that is a near miss of the redirect URI (the same address but for a
/// trailing slash, letter case, the scheme or stray spaces: `…/oauth_callback/`,
/// `http://…`) is the operator's attempt at it. Atlassian compares exactly, so a near miss
/// beside the right URL is at best clutter and at worst the one still sent: it is
/// replaced where it stands, not kept with the right one appended.
struct RedirectURIFill: Equatable {
    let urls: [String]
    let message: String

    init(_ uri: String, into current: [String]) {
        let misses = current.filter { Self.isNearMiss($0, of: uri) }
        if current.contains(uri) {
            urls = current.filter { !misses.contains($0) }
            message =
                misses.isEmpty
                ? "The callback URLs already hold the redirect URI"
                : "Removed \(Self.list(misses)): the callback URLs already hold the redirect URI"
        } else if let first = current.firstIndex(where: { misses.contains($0) }) {
            var urls = current
            urls[first] = uri
            self.urls = urls.enumerated().filter { $0.offset == first || !misses.contains($0.element) }.map(\.element)
            message = "Replaced \(Self.list(misses)) with the redirect URI \(uri)"
        } else {
            urls = current + [uri]
            message = "Added \(uri) to the callback URLs"
        }
    }

    /// The same address but for a trailing slash, case, the scheme or surrounding spaces.
    static func isNearMiss(_ url: String, of uri: String) -> Bool {
        url != uri && comparable(url) == comparable(uri)
    }

    static func comparable(_ url: String) -> String {
        var text = Substring(url.lowercased()).drop { $0.isWhitespace }
        while text.last?.isWhitespace == true { text.removeLast() }
        if let scheme = text.firstRange(ofText: "://") { text = text[scheme.upperBound...] }
        while text.last == "/" { text.removeLast() }
        return String(text)
    }

    private static func list(_ urls: [String]) -> String { urls.joined(separator: ", ") }
}
