import SettingsKit

/// The public Frontend API: `GET {frontend_api_url}/v1/environment` shows what a browser
/// is offered, `user_settings.social.oauth_atlassian` `{enabled, authenticatable}`.
/// Needs no key.
public struct FrontendState: Equatable, Sendable {
    public let enabled: Bool
    public let authenticatable: Bool
}

enum FrontendCheck {
    /// The Frontend API of a redirect URI: `https://HOST/PATH` of `https://HOST/PATH/v1/oauth_callback`.
    static func frontendURL(ofRedirectURI uri: String) -> String? {
        let suffix = "/v1/oauth_callback"
        guard uri.hasSuffix(suffix), let address = WebAddress(uri), address.query == nil, address.fragment == nil else { return nil }
        let base = String(uri.dropLast(suffix.count))
        return HTTPClient.refusal(of: base) == nil ? base : nil
    }

    static func read(_ frontendURL: String, caller: Caller) -> Result<FrontendState, LiveError> {
        let request = HTTPRequest(method: "GET", url: frontendURL + "/v1/environment", headers: [("Accept", "application/json")])
        return caller.send(request, to: .frontend).flatMap { response in
            guard (200...299).contains(response.status) else {
                return .failure(
                    caller.unexpected(.frontend, "the Frontend API at \(frontendURL) answered \(response.status)\(caller.redirectNote(response))"))
            }
            return caller.object(response, from: .frontend, what: "/v1/environment").flatMap { object in
                guard let social = object["user_settings"]?.objectValue?["social"]?.objectValue else {
                    return .failure(caller.unexpected(.frontend, "the Frontend API's /v1/environment has no user_settings.social"))
                }
                guard let atlassian = social["oauth_atlassian"] else { return .success(FrontendState(enabled: false, authenticatable: false)) }
                guard let o = atlassian.objectValue else {
                    return .failure(caller.unexpected(.frontend, "the Frontend API's oauth_atlassian is not an object"))
                }
                return .success(
                    FrontendState(enabled: o["enabled"]?.boolValue == true, authenticatable: o["authenticatable"]?.boolValue == true))
            }
        }
    }
}
