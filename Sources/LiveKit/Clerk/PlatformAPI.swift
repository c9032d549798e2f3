import SettingsKit

/// Clerk's Platform API (private beta; clerk/openapi-specs `platform/beta.yml`): the
/// instance's config and the application's domains. Every answer is read defensively:
/// any status, a body that is not JSON or of the wrong shape, a missing
/// `config_version` is an error with its code, never a guess.
struct PlatformAPI: Sendable {
    let caller: Caller
    let key: PlatformKey
    let target: ClerkTarget

    var base: String { caller.environment.clerkURL + "/v1/platform/applications/" + target.app }
    var configURL: String { base + "/instances/" + target.instance + "/config" }

    func request(_ method: String, _ url: String, body: SensitiveBytes? = nil, ifMatch: String? = nil) -> HTTPRequest {
        var headers = [key.authorization, ("Accept", "application/json")]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        if let ifMatch { headers.append(("If-Match", ifMatch)) }
        return HTTPRequest(method: method, url: url, headers: headers, body: body)
    }

    /// The Atlassian connection and the config version.
    func readConfig() -> Result<RemoteConfig, LiveError> {
        let what = "the config of \(target)"
        return caller.send(request("GET", configURL + "?keys=" + RemoteConnection.configKey), to: .clerk)
            .flatMap { answer(of: $0, what: what) }
            .flatMap { object in
                version(in: object, what: what).flatMap { version in
                    guard let connection = RemoteConnection.parse(object[RemoteConnection.configKey]) else {
                        return .failure(
                            caller.unexpected(.clerk, "Clerk answered \(what) with a \(RemoteConnection.configKey) of the wrong shape"))
                    }
                    // A server that sends the key (or the secret) back as the Client ID
                    // would have `pull` write it into FILE, a file people share.
                    if let clientId = connection.clientId, Secret.isIn(clientId, caller.secrets) {
                        return .failure(
                            caller.unexpected(.clerk, "Clerk answered \(what) with a client_id that holds the Platform API key or the client secret"))
                    }
                    return .success(RemoteConfig(version: version, connection: connection))
                }
            }
    }

    /// The answer's `config_version`. It goes back to Clerk in If-Match, a header line: one
    /// word of printable ASCII, as Clerk's own are (`v1_9bec58c5`), else the answer is of
    /// the wrong shape (a line break in it would add headers of the server's choosing).
    func version(in object: JSONObject, what: String) -> Result<String, LiveError> {
        guard let version = object["config_version"]?.stringValue, !version.isEmpty else {
            return .failure(caller.unexpected(.clerk, "Clerk answered \(what) without a config_version"))
        }
        guard version.utf8.count <= 200, version.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            return .failure(caller.unexpected(.clerk, "Clerk answered \(what) with a config_version that is not one word of printable text"))
        }
        return .success(version)
    }

    /// The primary domain: the first that is not a satellite, as Clerk's CLI takes it.
    func primaryDomain() -> Result<RemoteDomain, LiveError> {
        let what = "the domains of \(target.app)"
        return caller.send(request("GET", base + "/domains"), to: .clerk)
            .flatMap { answer(of: $0, what: what) }
            .flatMap { object in
                guard let list = object["data"]?.arrayValue else {
                    return .failure(caller.unexpected(.clerk, "Clerk answered \(what) without a data list"))
                }
                if list.isEmpty { return .failure(caller.unexpected(.clerk, "Clerk lists no domain for \(target.app)")) }
                for item in list {
                    guard let domain = item.objectValue else {
                        return .failure(caller.unexpected(.clerk, "Clerk answered \(what) with a domain that is not an object"))
                    }
                    if domain["is_satellite"]?.boolValue == true { continue }
                    guard let url = domain["frontend_api_url"]?.stringValue, HTTPClient.refusal(of: url) == nil else {
                        return .failure(caller.unexpected(.clerk, "Clerk's primary domain of \(target.app) has no valid frontend_api_url"))
                    }
                    let name = domain["name"]?.stringValue ?? url
                    return .success(RemoteDomain(name: caller.quote(name), frontendAPIURL: LiveEnvironment.trimmed(url)))
                }
                return .failure(
                    caller.unexpected(.clerk, "every domain Clerk lists for \(target.app) is a satellite: there is no primary domain"))
            }
    }

    /// What a PATCH came to: applied (or validated, for a dry run), or refused because the
    /// config changed since `version` (409).
    enum PatchOutcome: Equatable, Sendable {
        case done(version: String)
        case conflict
    }

    /// PATCHes the config with `If-Match: version`; `dryRun` only validates.
    func patch(_ body: SensitiveBytes, version: String, dryRun: Bool) -> Result<PatchOutcome, LiveError> {
        let url = configURL + (dryRun ? "?dry_run=true" : "")
        let what = dryRun ? "the dry run of the change" : "the change"
        return caller.send(request("PATCH", url, body: body, ifMatch: version), to: .clerk).flatMap { response in
            if response.status == 409 { return .success(.conflict) }
            return answer(of: response, what: what).flatMap { object in
                if dryRun, object["dry_run"]?.boolValue == false {
                    return .failure(caller.unexpected(.clerk, "Clerk answered the dry run as if it had applied the change"))
                }
                return self.version(in: object, what: what).map { PatchOutcome.done(version: $0) }
            }
        }
    }

    /// A 2xx answer's JSON object, or the error its status means.
    func answer(of response: HTTPResponse, what: String) -> Result<JSONObject, LiveError> {
        guard (200...299).contains(response.status) else { return .failure(failure(response, what: what)) }
        return caller.object(response, from: .clerk, what: what)
    }

    func failure(_ response: HTTPResponse, what: String) -> LiveError {
        let said = clerkMessage(response)
        let quoted = said.map { ": \($0.message)" + ($0.code.isEmpty ? "" : " (\($0.code))") } ?? ""
        switch response.status {
        case 401, 403:
            return LiveError("clerk/unauthorized", "Clerk refused the Platform API key for \(target) (\(response.status))\(quoted)")
        case 404:
            return LiveError("clerk/not-found", "Clerk has no application \(target.app) or instance \(target.instance) (404)\(quoted)")
        case 409:
            return LiveError("clerk/conflict", "the instance \(target) changed again while pushing (409)\(quoted); push again")
        case 400, 422:
            return LiveError("clerk/rejected", "Clerk rejected \(what) (\(response.status))\(quoted)")
        default:
            return LiveError("clerk/unexpected", "Clerk answered \(what) with \(response.status)\(caller.redirectNote(response))\(quoted)")
        }
    }

    /// Clerk's own `errors[0].message` and `code`, made fit to quote.
    func clerkMessage(_ response: HTTPResponse) -> (message: String, code: String)? {
        guard case .object(let o)? = try? JSONParser.parse(response.body), let first = o["errors"]?.arrayValue?.first?.objectValue,
            let message = first["message"]?.stringValue
        else { return nil }
        return (caller.quote(message), caller.quote(first["code"]?.stringValue ?? ""))
    }
}

extension PlatformAPI {
    /// The API for work on `settings`: whatever a server says is quoted with their secrets
    /// masked, like the key.
    init(for settings: Settings, target: ClerkTarget, key: PlatformKey, environment: LiveEnvironment, cancel: Cancellation) {
        self.init(caller: Caller(environment, cancel: cancel, secrets: Secret.values(in: settings)), key: key, target: target)
    }
}
