import CCurlShim
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Why a request got no answer.
public struct TransportFailure: Error, Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// libcurl.so.4 is missing or unusable: the live commands cannot run at all.
        case noLibrary
        /// DNS, connect, TLS (a certificate not trusted), a proxy, a broken connection.
        case unreachable
        case timeout
        /// The answer was larger than the limit; what came was dropped.
        case tooLarge
        case cancelled
        /// The address was refused before anything was sent (not https, user info, …).
        case refused
    }

    public let kind: Kind
    public let message: String
}

/// The limits every request runs under. None turns TLS verification off: there is no
/// such setting.
public struct HTTPSettings: Sendable {
    public var connectTimeout: Double = 10
    public var totalTimeout: Double = 30
    /// Real answers are a few KiB; a larger one is cut off here and refused.
    public var maxResponseBytes = 1 << 20
    /// A CA bundle to trust instead of the system's (`CURL_CA_BUNDLE`, `SSL_CERT_FILE`).
    public var caFile: String?
    /// A folder of CA certificates (`SSL_CERT_DIR`).
    public var caPath: String?
    public var userAgent = "social-console"

    public init() {}
}

/// HTTP through the system's libcurl (CCurlShim): https only (http only to a loopback
/// address), no redirect followed, TLS always verified, proxies taken from the
/// environment as curl takes them (`https_proxy`, `no_proxy`, …).
public struct HTTPClient: Sendable {
    public var settings: HTTPSettings

    public init(settings: HTTPSettings = HTTPSettings()) { self.settings = settings }

    /// Whether libcurl can be used here; else the one line to say why.
    public static func availability() -> Result<Void, TransportFailure> {
        var why = [CChar](repeating: 0, count: 256)
        if sc_http_available(&why, why.count) != 0 { return .success(()) }
        let text = String(decoding: why.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return .failure(TransportFailure(kind: .noLibrary, message: text))
    }

    /// Why a URL may not be asked, or nil. https, or http to a loopback address (a
    /// test's stand-in); never user info, which would travel in the clear to a log.
    public static func refusal(of url: String) -> String? {
        guard let address = WebAddress(url) else { return "\(url) is not a valid URL" }
        if address.hasUserInfo { return "\(url) has user info (name@); refused" }
        switch address.scheme {
        case "https": return nil
        case "http" where address.parsedHost.isLoopback: return nil
        default: return "\(url) is not https; only https is used (http only for loopback addresses)"
        }
    }

    public func perform(_ request: HTTPRequest, cancel: Cancellation) -> Result<HTTPResponse, TransportFailure> {
        if let refusal = HTTPClient.refusal(of: request.url) { return .failure(TransportFailure(kind: .refused, message: refusal)) }
        // libcurl sends a header line as it is given: a line break in a value would start
        // header lines (or a request) of whoever chose the value.
        if request.headers.contains(where: { !($0.0 + $0.1).utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } }) {
            return .failure(TransportFailure(kind: .refused, message: "a header holds a control character; nothing was sent"))
        }
        if cancel.isCancelled { return .failure(TransportFailure(kind: .cancelled, message: "cancelled")) }
        let allowHTTP = WebAddress(request.url).map { $0.scheme == "http" } ?? false
        // C copies of the header lines, wiped before they are freed: one holds the key.
        let lines = request.headers.map { strdup("\($0.0): \($0.1)")! }
        defer {
            for line in lines {
                explicit_bzero(line, strlen(line))
                free(line)
            }
        }
        var response = sc_http_response()
        let body = request.body ?? SensitiveBytes([])
        body.withBytes { bodyBytes in
            lines.map { UnsafePointer($0) as UnsafePointer<CChar>? }.withUnsafeBufferPointer { headerPointers in
                request.method.withCString { method in
                    request.url.withCString { url in
                        settings.userAgent.withCString { agent in
                            withOptionalCString(settings.caFile) { caFile in
                                withOptionalCString(settings.caPath) { caPath in
                                    var c = sc_http_request()
                                    c.method = method
                                    c.url = url
                                    c.headers = headerPointers.baseAddress
                                    c.header_count = Int32(lines.count)
                                    c.body = request.body == nil ? nil : bodyBytes.baseAddress
                                    c.body_length = bodyBytes.count
                                    c.allow_http = allowHTTP ? 1 : 0
                                    // At least 1 ms: libcurl takes 0 as no limit at all.
                                    c.connect_timeout_ms = max(1, Int(settings.connectTimeout * 1000))
                                    c.total_timeout_ms = max(1, Int(settings.totalTimeout * 1000))
                                    c.max_response_bytes = settings.maxResponseBytes
                                    c.ca_file = caFile
                                    c.ca_path = caPath
                                    c.user_agent = agent
                                    c.cancel = UnsafePointer(cancel.flag)
                                    sc_http_perform(&c, &response)
                                }
                            }
                        }
                    }
                }
            }
        }
        defer { sc_http_response_free(&response) }
        let message = withUnsafeBytes(of: response.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        switch response.failure {
        case Int32(SC_HTTP_OK.rawValue):
            let body = response.body.map { Array(UnsafeBufferPointer(start: $0, count: response.body_length)) } ?? []
            let headerBytes =
                response.headers.map { raw in
                    Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: response.headers_length))
                } ?? []
            return .success(HTTPResponse(status: response.status, headers: HTTPResponse.parseHeaders(headerBytes), body: body))
        case Int32(SC_HTTP_NO_LIBRARY.rawValue): return .failure(TransportFailure(kind: .noLibrary, message: message))
        case Int32(SC_HTTP_TIMEOUT.rawValue): return .failure(TransportFailure(kind: .timeout, message: message))
        case Int32(SC_HTTP_TOO_LARGE.rawValue):
            return .failure(TransportFailure(kind: .tooLarge, message: "an answer larger than \(settings.maxResponseBytes / 1024) KiB"))
        case Int32(SC_HTTP_HEADERS_TOO_LARGE.rawValue):
            return .failure(
                TransportFailure(kind: .tooLarge, message: "an answer whose header lines are longer than \(Int(SC_HTTP_HEADER_LIMIT) / 1024) KiB"))
        case Int32(SC_HTTP_CANCELLED.rawValue): return .failure(TransportFailure(kind: .cancelled, message: "cancelled"))
        case Int32(SC_HTTP_REFUSED.rawValue): return .failure(TransportFailure(kind: .refused, message: message))
        default: return .failure(TransportFailure(kind: .unreachable, message: message))
        }
    }
}

private func withOptionalCString<T>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> T) -> T {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
