/// Builds the Atlassian consent URL that a browser test of the setup opens.
public enum ConsentURL {
    public static let authorizeEndpoint = "https://auth.atlassian.com/authorize"

    public enum Problem: Error, Equatable {
        case missing([String])
        /// A value the URL would quote holds a secret (`Secret.values`): pasted into the
        /// wrong field, most likely. Printing the URL would print the secret.
        case holdsSecret
    }

    /// The scopes the instance asks for: read:me first, then the connection's, once each.
    public static func requestedScopes(_ settings: Settings) -> [String] {
        var scopes = [ScopeCatalogue.identityScope]
        for scope in settings.list("connection.scopes") ?? [] where !scope.isEmpty && !scopes.contains(where: { $0.isSameBytes(as: scope) }) {
            scopes.append(scope)
        }
        return scopes
    }

    public static func build(_ settings: Settings, state: String) -> Result<String, Problem> {
        var missing: [String] = []
        let clientID = settings.filled("connection.clientId")
        let redirect = settings.filled("instance.redirectUri")
        if clientID == nil { missing.append("connection.clientId") }
        if redirect == nil { missing.append("instance.redirectUri") }
        guard let clientID, let redirect else { return .failure(.missing(missing)) }
        let parameters: [(String, String)] = [
            ("audience", "api.atlassian.com"),
            ("client_id", clientID),
            ("scope", requestedScopes(settings).joined(separator: " ")),
            ("redirect_uri", redirect),
            ("state", state),
            ("response_type", "code"),
            ("prompt", "consent"),
        ]
        // Judged before encoding, as every search for a secret is: encoded, it is other bytes.
        let secrets = Secret.values(in: settings)
        if parameters.contains(where: { Secret.isIn($0.1, secrets) }) { return .failure(.holdsSecret) }
        let query = parameters.map { "\($0.0)=\(percentEncode($0.1))" }.joined(separator: "&")
        return .success(authorizeEndpoint + "?" + query)
    }

    /// RFC 3986 encoding: only unreserved characters stay as they are (a space is %20).
    public static func percentEncode(_ s: String) -> String {
        PercentEncoding.encode(Array(s.utf8)[...]) { byte in
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return false
            default: return true
            }
        }
    }

    /// A random state value: 16 bytes as hex.
    public static func randomState() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<16).map { _ in
            let b = UInt8.random(in: 0...255, using: &g)
            return (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined()
    }
}
