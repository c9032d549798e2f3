import SettingsKit

/// Sends the requests of one piece of work (a check, a pull, a push): waits out a 429
/// as its Retry-After asks (a few times, each wait bounded), turns a request that got no
/// answer into `net/unreachable`, and quotes what a server said only after removing the
/// key and the secret from it.
struct Caller: Sendable {
    let environment: LiveEnvironment
    let cancel: Cancellation
    /// Texts no message may quote: the key and the client secret.
    let secrets: [String]

    init(_ environment: LiveEnvironment, cancel: Cancellation, secrets: [String] = []) {
        self.environment = environment
        self.cancel = cancel
        self.secrets = environment.secrets(secrets)
    }

    var client: HTTPClient { HTTPClient(settings: environment.http) }

    /// The answer, whatever its status, except a 429 that stayed a 429.
    func send(_ request: HTTPRequest, to service: Service) -> Result<HTTPResponse, LiveError> {
        var tries = 0
        while true {
            let answer: HTTPResponse
            switch client.perform(request, cancel: cancel) {
            case .success(let response): answer = response
            case .failure(let failure): return .failure(error(failure, service: service, url: request.url))
            }
            guard answer.status == 429 else { return .success(answer) }
            let code = "\(service.rawValue)/rate-limited"
            if tries >= environment.retries {
                return .failure(LiveError(code, "\(service.name) still answered 429 Too Many Requests after \(tries) retries; try again later"))
            }
            let wait = retryWait(answer.header("Retry-After"))
            guard let wait else {
                let asked = quote(answer.header("Retry-After") ?? "")
                return .failure(
                    LiveError(
                        code,
                        "\(service.name) answered 429 and asks to wait \(asked) s, longer than \(Int(environment.longestRetryWait)) s; try again later"
                    ))
            }
            tries += 1
            if !cancel.sleep(wait) { return .failure(.cancelled()) }
        }
    }

    /// Seconds to wait before the next try, or nil when asked to wait too long. Retry-After
    /// in seconds; an HTTP date or nonsense waits the shortest time.
    func retryWait(_ header: String?) -> Double? {
        guard let header, !header.isEmpty, header.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            return environment.shortestRetryWait
        }
        // 10^9 and longer never fit: no overflow, just too long.
        guard header.utf8.count <= 9, let seconds = Double(header) else { return nil }
        if seconds > environment.longestRetryWait { return nil }
        return max(seconds, environment.shortestRetryWait)
    }

    func error(_ failure: TransportFailure, service: Service, url: String) -> LiveError {
        let host = WebAddress(url)?.host ?? "?"
        switch failure.kind {
        case .cancelled: return .cancelled()
        case .noLibrary: return LiveError("net/no-http-client", failure.message)
        case .tooLarge:
            // Which limit it passed: the whole answer's, or its header lines'.
            return unexpected(service, "\(service.name) sent \(failure.message); refused")
        case .timeout:
            return LiveError("net/unreachable", "\(service.name) at \(host) did not answer in time: \(quote(failure.message))")
        case .unreachable, .refused:
            return LiveError("net/unreachable", "\(service.name) at \(host) could not be reached: \(quote(failure.message))")
        }
    }

    func unexpected(_ service: Service, _ message: String) -> LiveError {
        LiveError("\(service.rawValue)/unexpected", message)
    }

    /// Server text made fit for one line of our output (`clean`), at most 200 characters.
    func quote(_ text: String) -> String {
        let out = clean(text)
        return out.count > 200 ? String(out.prefix(200)) + "…" : out
    }

    /// Text that may hold what a server said, without the key or the secret, and without
    /// control characters.
    func clean(_ text: String) -> String {
        let out = Secret.scrub(text, secrets: secrets)
        return String(String.UnicodeScalarView(out.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// The body as a JSON object, or why not.
    func object(_ response: HTTPResponse, from service: Service, what: String) -> Result<JSONObject, LiveError> {
        guard let value = try? JSONParser.parse(response.body) else {
            return .failure(unexpected(service, "\(service.name) answered \(what) with something that is not JSON"))
        }
        guard case .object(let object) = value else {
            return .failure(unexpected(service, "\(service.name) answered \(what) with JSON of the wrong shape (not an object)"))
        }
        return .success(object)
    }

    /// Where a redirect points, for the message: redirects are never followed.
    func redirectNote(_ response: HTTPResponse) -> String {
        guard (300...399).contains(response.status) else { return "" }
        let location = response.header("Location").flatMap { WebAddress($0)?.host } ?? "elsewhere"
        return " (a redirect to \(quote(location)); redirects are not followed)"
    }
}
