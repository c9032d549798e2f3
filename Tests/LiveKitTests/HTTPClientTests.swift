import CCurlShim
import Foundation
import LiveKit
import TestSupport
import Testing

/// The HTTP client against the local stand-in: TLS verified against the test's own
/// certificate, no redirect followed, the size limit, timeouts, cancellation.
@Suite struct HTTPClientTests {
    static func client(timeout: Double = 5, trusting: Bool = true) -> HTTPClient {
        var settings = HTTPSettings()
        settings.caFile = trusting ? StandIn.certificate.cert : "/dev/null"
        settings.caPath = nil
        settings.totalTimeout = timeout
        settings.connectTimeout = timeout
        settings.userAgent = "social-console/test"
        return HTTPClient(settings: settings)
    }

    @Test func everyOptionNumberIsTheLoadedLibrarysOwn() throws {
        let names = [
            "WRITEDATA", "URL", "READDATA", "ERRORBUFFER", "WRITEFUNCTION", "READFUNCTION", "USERAGENT", "HTTPHEADER", "HEADERDATA",
            "CUSTOMREQUEST", "NOPROGRESS", "POST", "FOLLOWLOCATION", "XFERINFODATA", "SSL_VERIFYPEER", "CAINFO", "HEADERFUNCTION",
            "HTTPGET", "SSL_VERIFYHOST", "CAPATH", "NOSIGNAL", "MAXFILESIZE_LARGE", "POSTFIELDSIZE_LARGE", "TIMEOUT_MS",
            "CONNECTTIMEOUT_MS", "PROTOCOLS", "XFERINFOFUNCTION", "PROTOCOLS_STR", "HEADEROPT",
        ]
        guard sc_http_option_number("URL") > 0 else {
            try Test.cancel("this libcurl has no curl_easy_option_by_name (before 7.73) to check against")
        }
        for name in names {
            #expect(sc_http_shim_option_number(name) == sc_http_option_number(name), "CURLOPT_\(name)")
        }
    }

    @Test func httpsWithTheTrustedCertificateAndTheUserAgent() throws {
        let standIn = try StandIn()
        let answer = try Self.client().perform(
            HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: Cancellation()
        ).get()
        #expect(answer.status == 200)
        #expect(answer.header("content-type") == "application/json")
        #expect(try standIn.requests().last?.header("User-Agent") == "social-console/test")
    }

    @Test func anUntrustedCertificateIsNeverAccepted() throws {
        let standIn = try StandIn()
        let result = Self.client(trusting: false).perform(
            HTTPRequest(method: "GET", url: standIn.url + "/fapi/x/v1/environment"), cancel: Cancellation())
        guard case .failure(let failure) = result else {
            Issue.record("a certificate nobody trusts was accepted")
            return
        }
        #expect(failure.kind == .unreachable)
        #expect(try standIn.requests().isEmpty, "nothing reached the server")
    }

    @Test func onlyHTTPSOrLoopbackHTTPAndNoUserInfo() {
        #expect(HTTPClient.refusal(of: "https://api.clerk.com/v1") == nil)
        #expect(HTTPClient.refusal(of: "http://127.0.0.1:8080/x") == nil)
        #expect(HTTPClient.refusal(of: "http://localhost/x") == nil)
        #expect(HTTPClient.refusal(of: "http://api.clerk.com/v1") != nil)
        #expect(HTTPClient.refusal(of: "http://169.254.169.254/") != nil)
        #expect(HTTPClient.refusal(of: "http://127.evil.example/") != nil, "a domain, not a loopback address")
        #expect(HTTPClient.refusal(of: "http://[::1]:8080/") == nil)
        #expect(HTTPClient.refusal(of: "http://127.1/") == nil, "127.0.0.1 written short")
        #expect(HTTPClient.refusal(of: "http://127.4.5.6:9/") == nil, "all of 127.0.0.0/8 is the machine itself")
        #expect(HTTPClient.refusal(of: "http://128.0.0.1/") != nil)
        #expect(HTTPClient.refusal(of: "ftp://127.0.0.1/") != nil)
        #expect(HTTPClient.refusal(of: "https://user:pw@api.clerk.com/") != nil)
        #expect(HTTPClient.refusal(of: "not a url") != nil)
        let result = Self.client().perform(HTTPRequest(method: "GET", url: "http://example.com/"), cancel: Cancellation())
        if case .failure(let f) = result { #expect(f.kind == .refused) } else { Issue.record("plain http left the machine") }
    }

    @Test func aRedirectIsNeverFollowed() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "status": 302, "headers": ["Location": standIn.url + "/elsewhere"], "body": ""])
        let answer = try Self.client().perform(HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: Cancellation())
            .get()
        #expect(answer.status == 302)
        #expect(try standIn.requests().count == 1, "the Location was not asked")
    }

    @Test func aBodyOverTheLimitIsCutOffAndRefused() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "bigBody": 100_000_000])
        let started = Date()
        let result = Self.client().perform(HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: Cancellation())
        if case .failure(let f) = result { #expect(f.kind == .tooLarge) } else { Issue.record("100 MB were taken") }
        #expect(Date().timeIntervalSince(started) < 5, "cut at the limit, not read to the end")
    }

    /// Header lines without end are an answer too large, not a server out of reach.
    @Test func headerLinesOverTheLimitAreRefusedAsTooLarge() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "status": 200, "headers": ["X-Padding": String(repeating: "a", count: 70_000)], "body": "{}"])
        let result = Self.client().perform(HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: Cancellation())
        guard case .failure(let f) = result else {
            Issue.record("70 KB of header lines were taken")
            return
        }
        #expect(f.kind == .tooLarge && f.message == "an answer whose header lines are longer than 64 KiB", "\(f.kind): \(f.message)")
    }

    @Test func aServerThatNeverAnswersTimesOut() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "hang": 30])
        let result = Self.client(timeout: 1).perform(
            HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: Cancellation())
        if case .failure(let f) = result { #expect(f.kind == .timeout) } else { Issue.record("no timeout") }
    }

    @Test func aTimeoutTooShortForAMillisecondStillTimesOut() throws {
        // libcurl takes 0 ms as "no timeout": a tiny SOCIAL_CONSOLE_HTTP_TIMEOUT must not become that.
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "hang": 30])
        let started = Date()
        // Without a limit the request would wait for ever: ended here, so that fails, not hangs.
        let cancel = Cancellation()
        DispatchQueue.global().asyncAfter(deadline: .now() + 6) { cancel.cancel() }
        let result = Self.client(timeout: 0.0001).perform(
            HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: cancel)
        if case .failure(let f) = result { #expect(f.kind == .timeout, "\(f)") } else { Issue.record("no timeout") }
        #expect(Date().timeIntervalSince(started) < 4)
    }

    @Test func cancellingEndsARequestThatWaits() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "environment", "hang": 30])
        let cancel = Cancellation()
        let started = Date()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { cancel.cancel() }
        let result = Self.client(timeout: 20).perform(HTTPRequest(method: "GET", url: standIn.frontendURL() + "/v1/environment"), cancel: cancel)
        if case .failure(let f) = result { #expect(f.kind == .cancelled) } else { Issue.record("not cancelled") }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func aBodyIsSentWhole() throws {
        let standIn = try StandIn()
        let text = "{\"grant_type\": \"authorization_code\", \"pad\": \"" + String(repeating: "x", count: 5000) + "\"}"
        _ = try Self.client().perform(
            HTTPRequest(
                method: "POST", url: standIn.url + "/oauth/token", headers: [("Content-Type", "application/json")], body: SensitiveBytes(text)),
            cancel: Cancellation()
        ).get()
        #expect(try standIn.requests().last?.body == text)
    }
}
