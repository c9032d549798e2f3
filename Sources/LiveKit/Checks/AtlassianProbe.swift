import SettingsKit

/// Asks Atlassian's token endpoint whether it accepts a Client ID and Secret: an
/// authorization code that cannot be valid, with the pair and the redirect URI. A refused
/// pair is refused before the code is looked at (401 access_denied); an accepted one gets
/// the code judged (400 "authorization_code is invalid", before about 2023 403
/// invalid_grant). It tells nothing about callback URLs, scopes or sharing.
public enum ProbeAnswer: Equatable, Sendable {
    case accepted
    /// What Atlassian said, e.g. "401 access_denied".
    case refused(String)
    case inconclusive(String)
}

enum AtlassianProbe {
    /// No code Atlassian issues looks like this.
    static let impossibleCode = "social-console-probe-not-a-code"

    static func ask(clientId: String, secret: String, redirectURI: String?, caller: Caller) -> Result<ProbeAnswer, LiveError> {
        var form = JSONObject([
            ("grant_type", .string("authorization_code")), ("client_id", .string(clientId)), ("client_secret", .string(secret)),
            ("code", .string(impossibleCode)),
        ])
        if let redirectURI { form["redirect_uri"] = .string(redirectURI) }
        let body = SensitiveBytes(JSONWriter.compact(.object(form)))
        let request = HTTPRequest(
            method: "POST", url: caller.environment.atlassianURL + "/oauth/token",
            headers: [("Content-Type", "application/json"), ("Accept", "application/json")], body: body)
        switch caller.send(request, to: .atlassian) {
        case .success(let response): return .success(judge(response, caller: caller))
        // Too large to read (the one way to an "unexpected" here): an answer all the same,
        // one that says neither yes nor no.
        case .failure(let error) where error.code == caller.unexpected(.atlassian, "").code:
            return .success(.inconclusive("more than \(caller.environment.http.maxResponseBytes / 1024) KiB"))
        case .failure(let error): return .failure(error)
        }
    }

    static func judge(_ response: HTTPResponse, caller: Caller) -> ProbeAnswer {
        let object = (try? JSONParser.parse(response.body))?.objectValue
        let error = object?["error"]?.stringValue ?? ""
        let description = object?["error_description"]?.stringValue ?? ""
        let said = caller.quote("\(response.status)" + (error.isEmpty ? "" : " \(error)") + (description.isEmpty ? "" : " \"\(description)\""))
        switch (response.status, error) {
        case (401, "access_denied"), (401, "invalid_client"):
            return .refused(said)
        case (400, "invalid_request") where description.lowercased().contains(text: "authorization_code"),
            (403, "invalid_grant"):
            return .accepted
        default:
            return .inconclusive(said + caller.redirectNote(response))
        }
    }
}
