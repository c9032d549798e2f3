import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Where the live commands send their requests, with which key, under which limits:
/// read once from the process's environment (`fromProcess`), or made by a test.
public struct LiveEnvironment: Sendable {
    public static let defaultClerkURL = "https://api.clerk.com"
    public static let defaultAtlassianURL = "https://auth.atlassian.com"
    /// Timeouts may be lowered (tests of a server that never answers), never raised.
    public static let timeoutVariable = "SOCIAL_CONSOLE_HTTP_TIMEOUT"

    /// `CLERK_PLATFORM_API_URL`, without a trailing slash.
    public var clerkURL: String
    /// `SOCIAL_CONSOLE_ATLASSIAN_AUTH_URL`, without a trailing slash.
    public var atlassianURL: String
    /// The Platform API key, when one was given.
    public var key: PlatformKey?
    public var http: HTTPSettings
    /// How long to wait for a 429's Retry-After at most; a longer wait is not waited for.
    public var longestRetryWait: Double = 60
    /// The shortest wait before a retry, whatever Retry-After says (0 included).
    public var shortestRetryWait: Double = 1
    public var retries = 3

    public init(
        clerkURL: String = defaultClerkURL, atlassianURL: String = defaultAtlassianURL, key: PlatformKey? = nil, http: HTTPSettings = HTTPSettings()
    ) {
        self.clerkURL = LiveEnvironment.trimmed(clerkURL)
        self.atlassianURL = LiveEnvironment.trimmed(atlassianURL)
        self.key = key
        self.http = http
    }

    /// From the process's environment: the URLs, the CA bundle, the timeouts; the key is
    /// given separately (`PlatformKey.fromProcess`).
    public static func fromProcess(key: PlatformKey?, userAgent: String) -> LiveEnvironment {
        func variable(_ name: String) -> String? {
            guard let value = getenv(name) else { return nil }
            let text = String(cString: value)
            return text.isEmpty ? nil : text
        }
        var http = HTTPSettings()
        http.userAgent = userAgent
        // SSL_CERT_FILE first (OpenSSL's own variable, what the operator most likely set),
        // then curl's CURL_CA_BUNDLE; SSL_CERT_DIR as a folder of certificates.
        http.caFile = variable("SSL_CERT_FILE") ?? variable("CURL_CA_BUNDLE")
        http.caPath = variable("SSL_CERT_DIR")
        if let text = variable(timeoutVariable), let seconds = Double(text), seconds > 0 {
            http.totalTimeout = min(http.totalTimeout, seconds)
            http.connectTimeout = min(http.connectTimeout, seconds)
        }
        return LiveEnvironment(
            clerkURL: variable("CLERK_PLATFORM_API_URL") ?? defaultClerkURL,
            atlassianURL: variable("SOCIAL_CONSOLE_ATLASSIAN_AUTH_URL") ?? defaultAtlassianURL,
            key: key, http: http)
    }

    static func trimmed(_ url: String) -> String {
        var out = url
        while out.hasSuffix("/") { out.removeLast() }
        return out
    }

    /// Texts no output may show: the key, and the secrets the caller adds.
    func secrets(_ more: [String] = []) -> [String] { (key.map { [$0.value] } ?? []) + more }
}
