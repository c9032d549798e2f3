/// One scope an Atlassian app can enable, from Resources/scopes.json.
public struct Scope: Equatable, Sendable {
    public let name: String
    public let product: String
    public let description: String
    /// A scope the instance asks for in the consent URL (connection.scopes) that is never
    /// enabled on the app's Permissions tab: `offline_access`, which yields a refresh token.
    public let requestedOnly: Bool
}
