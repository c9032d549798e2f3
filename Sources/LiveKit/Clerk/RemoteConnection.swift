import SettingsKit

/// The instance's Atlassian connection as Clerk reads it back (`connection_oauth_atlassian`).
public struct RemoteConnection: Equatable, Sendable {
    public static let configKey = "connection_oauth_atlassian"

    public var enabled: Bool?
    public var authenticatable: Bool?
    public var clientId: String?
    /// Clerk reads a secret back masked (or as "REDACTED", or not at all): only whether
    /// one is set can be learned, never its value.
    public var hasSecret: Bool?

    public init(enabled: Bool? = nil, authenticatable: Bool? = nil, clientId: String? = nil, hasSecret: Bool? = nil) {
        self.enabled = enabled
        self.authenticatable = authenticatable
        self.clientId = clientId
        self.hasSecret = hasSecret
    }

    /// Reads the connection object; nil for a value of the wrong shape. A missing object
    /// is a connection never set up: every field unknown.
    static func parse(_ value: JSONValue?) -> RemoteConnection? {
        guard let value, value != .null else { return RemoteConnection() }
        guard case .object(let o) = value else { return nil }
        var out = RemoteConnection()
        for (key, field) in o where field != .null {
            switch key {
            case "enabled":
                guard let b = field.boolValue else { return nil }
                out.enabled = b
            case "authenticatable":
                guard let b = field.boolValue else { return nil }
                out.authenticatable = b
            case "client_id":
                guard let s = field.stringValue else { return nil }
                out.clientId = s
            case "client_secret":
                // Never taken for the secret: whatever it holds is a mask, or nothing.
                guard let s = field.stringValue else { return nil }
                out.hasSecret = !s.isEmpty
            default:
                break
            }
        }
        return out
    }
}

/// `GET …/config?keys=connection_oauth_atlassian`: the connection and the version any
/// write must name in If-Match.
public struct RemoteConfig: Equatable, Sendable {
    public let version: String
    public let connection: RemoteConnection
}

/// One of an application's domains (`GET …/applications/{app}/domains`).
public struct RemoteDomain: Equatable, Sendable {
    public let name: String
    public let frontendAPIURL: String

    /// The Authorized redirect URI this domain's Frontend API serves.
    public var redirectURI: String { frontendAPIURL + "/v1/oauth_callback" }
}
