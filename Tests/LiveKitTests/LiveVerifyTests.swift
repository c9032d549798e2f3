import Foundation
import LiveKit
import SettingsKit
import TestSupport
import Testing

/// verify's live checks against the stand-in: each live finding, the skips, the errors,
/// a fleet that asks each instance once.
@Suite struct LiveVerifyTests {
    static func environment(_ standIn: StandIn, key: Bool = true) throws -> LiveEnvironment {
        var http = HTTPSettings()
        http.caFile = StandIn.certificate.cert
        http.totalTimeout = 5
        var env = LiveEnvironment(
            clerkURL: standIn.url, atlassianURL: standIn.url,
            key: key ? try PlatformKey.make(StandIn.apiKey, from: "test").get() : nil, http: http)
        env.shortestRetryWait = 0.05
        return env
    }

    /// A production file that matches the stand-in's default instance.
    static func settings(_ standIn: StandIn, _ edits: [String: JSONValue?] = [:]) -> Settings {
        var s = Settings()
        s.setText("instance.environment", "production")
        s.setText("instance.redirectUri", standIn.redirectURI())
        s.setText("clerk.applicationId", StandIn.app)
        s.setText("clerk.instance", "production")
        s.setFlag("connection.enabled", true)
        s.setFlag("connection.signUpAndSignIn", true)
        s.setFlag("connection.useCustomCredentials", true)
        s.setText("connection.clientId", StandIn.clientId)
        s.setText("connection.clientSecret", TestSecret.value)
        for (key, value) in edits { s.setValue(value ?? nil, for: key) }
        return s
    }

    static func codes(_ verdict: LiveVerdict) -> [String] { verdict.findings.map(\.code) }

    @Test func aMatchingInstanceHasOnlyTheAcceptedNote() throws {
        let standIn = try StandIn()
        let verdict = LiveVerify.check(Self.settings(standIn), environment: try Self.environment(standIn))
        #expect(Self.codes(verdict) == ["live/credentials-accepted"])
        #expect(verdict.checks.map(\.check) == [.clerk, .frontend, .atlassian])
        #expect(verdict.checks.allSatisfy { $0.outcome == .ran })
        let targets = try standIn.requests().map(\.target).sorted()
        #expect(targets.count == 4, "config, domains, environment, token: \(targets)")
    }

    @Test func eachLiveFindingIsFound() throws {
        let standIn = try StandIn()
        let env = try Self.environment(standIn)
        try standIn.setConnection(["authenticatable": false, "client_secret": ""])
        var verdict = LiveVerify.check(Self.settings(standIn), environment: env)
        #expect(Self.codes(verdict).contains("live/instance-differs"))
        #expect(Self.codes(verdict).contains("live/instance-secret-missing"))
        #expect(Self.codes(verdict).contains("live/frontend-disabled"), "link-only while the file wants sign-in")
        let differs = verdict.findings.first { $0.code == "live/instance-differs" }
        #expect(differs?.message.contains("authenticatable") == true && differs?.field == "connection.signUpAndSignIn")

        verdict = LiveVerify.check(
            Self.settings(standIn, ["instance.redirectUri": .string("https://clerk.acme.com/v1/oauth_callback")]), environment: env)
        #expect(Self.codes(verdict).contains("live/redirect-uri-differs"))
        #expect(verdict.findings.first { $0.code == "live/redirect-uri-differs" }?.message.contains(standIn.redirectURI()) == true)

        verdict = LiveVerify.check(Self.settings(standIn, ["connection.clientSecret": .string("WRONG-secret-for-the-probe-123")]), environment: env)
        #expect(Self.codes(verdict).contains("live/credentials-refused"))

        try standIn.addFault(["path": "/oauth/token", "status": 503, "body": ["error": "temporarily_unavailable"]])
        verdict = LiveVerify.check(Self.settings(standIn), environment: env)
        let inconclusive = verdict.findings.first { $0.code == "live/probe-inconclusive" }
        #expect(inconclusive?.message.contains("503 temporarily_unavailable") == true)

        try standIn.setConnection(["enabled": false])
        verdict = LiveVerify.check(Self.settings(standIn), environment: env)
        #expect(verdict.findings.contains { $0.code == "live/frontend-disabled" && $0.message.contains("at all") })
        for f in verdict.findings { #expect(!TestSecret.isIn(Array((f.message + f.fix).utf8))) }
    }

    @Test func theOldAtlassianAnswerCountsAsAccepted() throws {
        let standIn = try StandIn()
        try standIn.addFault([
            "path": "/oauth/token", "status": 403, "body": ["error": "invalid_grant", "error_description": "Invalid authorization code"],
        ])
        let verdict = LiveVerify.check(Self.settings(standIn), environment: try Self.environment(standIn))
        #expect(Self.codes(verdict) == ["live/credentials-accepted"])
    }

    @Test func withoutAKeyTheClerkCheckIsSkippedAndTheOthersRun() throws {
        let standIn = try StandIn()
        let verdict = LiveVerify.check(Self.settings(standIn), environment: try Self.environment(standIn, key: false))
        guard case .skipped(let why) = verdict.checks[0].outcome else {
            Issue.record("the clerk check ran without a key")
            return
        }
        #expect(why.contains("CLERK_PLATFORM_API_KEY"))
        #expect(verdict.checks[1].outcome == .ran && verdict.checks[2].outcome == .ran)
        #expect(try standIn.requests().allSatisfy { !$0.target.contains("/platform/") })
    }

    @Test func aClerkIdThatIsNoIdNeverReachesAURL() throws {
        let standIn = try StandIn()
        for app in ["app_x/../../applications", "app_x?keys=all", "app x", ""] {
            let verdict = LiveVerify.check(Self.settings(standIn, ["clerk.applicationId": .string(app)]), environment: try Self.environment(standIn))
            if app.isEmpty {
                #expect(verdict.checks[0].outcome == .skipped("no clerk.applicationId in the file"))
            } else {
                #expect(verdict.checks[0].error?.code == "clerk/invalid-target", "\(app)")
            }
        }
        #expect(try standIn.requests().allSatisfy { !$0.target.contains("/platform/") })
    }

    @Test func aDevelopmentFileOnSharedCredentialsGetsNoProbe() throws {
        let standIn = try StandIn()
        let dev = Self.settings(
            standIn,
            [
                "instance.environment": .string("development"), "connection.useCustomCredentials": .bool(false),
                "clerk.instance": .string("development"),
            ])
        let verdict = LiveVerify.check(dev, environment: try Self.environment(standIn))
        #expect(verdict.checks[2].outcome == .skipped("a development instance using shared credentials"))
        #expect(try standIn.requests().allSatisfy { !$0.target.contains("/oauth/token") && !$0.target.contains("/domains") })
    }

    @Test func aCheckThatCannotRunIsAnErrorNotAFinding() throws {
        let standIn = try StandIn()
        let env = try Self.environment(standIn)
        let cases: [([String: Any], String)] = [
            (
                ["path": "/config", "status": 401, "body": ["errors": [["message": "Invalid authentication", "code": "authentication_invalid"]]]],
                "clerk/unauthorized"
            ),
            (["path": "/config", "status": 404, "body": ["errors": [["message": "not found", "code": "resource_not_found"]]]], "clerk/not-found"),
            (["path": "/config", "status": 500, "body": "oops"], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": "<html>not json</html>"], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": ["connection_oauth_atlassian": ["enabled": true]]], "clerk/unexpected"),
            (["path": "/config", "status": 200, "body": ["config_version": "v1", "connection_oauth_atlassian": "on"]], "clerk/unexpected"),
            (["path": "/config", "status": 429, "headers": ["Retry-After": "1000000000"], "body": ""], "clerk/rate-limited"),
            (
                [
                    "path": "/domains", "status": 200,
                    "body": ["data": [["is_satellite": true, "frontend_api_url": "https://x.example"]], "total_count": 1],
                ], "clerk/unexpected"
            ),
            (["path": "/config", "status": 301, "headers": ["Location": "https://evil.example/steal"], "body": ""], "clerk/unexpected"),
            (["path": "/config", "bigBody": 100_000_000], "clerk/unexpected"),
            (["path": "/config", "status": 200, "headers": ["X-Padding": String(repeating: "a", count: 70_000)], "body": ""], "clerk/unexpected"),
            (
                ["path": "/config", "status": 400, "body": ["errors": [["message": "\(StandIn.apiKey) and \(TestSecret.value)", "code": "x"]]]],
                "clerk/rejected"
            ),
        ]
        for (fault, code) in cases {
            try standIn.update { $0["faults"] = [fault.merging(["times": 1]) { a, _ in a }] }
            let verdict = LiveVerify.check(Self.settings(standIn), environment: env)
            #expect(verdict.checks[0].error?.code == code, "\(fault)")
            #expect(verdict.failed)
            #expect(!Self.codes(verdict).contains("live/instance-differs"))
            let message = verdict.checks[0].error?.message ?? ""
            #expect(!message.contains("\n") && !message.contains(StandIn.apiKey) && !TestSecret.isIn(Array(message.utf8)))
        }
        #expect(try standIn.requests().allSatisfy { !$0.target.contains("evil") })
    }

    @Test func a429IsRetriedAfterRetryAfterAFewTimes() throws {
        let standIn = try StandIn()
        let env = try Self.environment(standIn)
        try standIn.addFault(["path": "/config", "status": 429, "headers": ["Retry-After": "0"], "body": "", "times": 2])
        var verdict = LiveVerify.check(Self.settings(standIn), environment: env)
        #expect(verdict.checks[0].outcome == .ran, "answered on the third try")
        try standIn.clearLog()
        try standIn.addFault(["path": "/config", "status": 429, "headers": ["Retry-After": "0"], "body": "", "times": 10])
        verdict = LiveVerify.check(Self.settings(standIn), environment: env)
        #expect(verdict.checks[0].error?.code == "clerk/rate-limited")
        #expect(try standIn.requests().filter { $0.target.contains("/config") }.count == 4, "one try and 3 retries")
    }

    @Test func filesNamingOneInstanceShareItsAnswers() throws {
        let standIn = try StandIn()
        let env = try Self.environment(standIn)
        let answers = LiveAnswers()
        let files = (0..<20).map { i in Self.settings(standIn, ["instance.name": .string("copy-\(i)")]) }
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            _ = LiveVerify.check(files[i], environment: env, answers: answers)
        }
        let targets = try standIn.requests().map(\.target)
        #expect(targets.filter { $0.contains("/config") }.count == 1)
        #expect(targets.filter { $0.contains("/domains") }.count == 1)
        #expect(targets.filter { $0.contains("/v1/environment") }.count == 1)
        #expect(targets.filter { $0.contains("/oauth/token") }.count == 1)
    }

    @Test func theKeyOnlyInAuthorizationAndTheSecretOnlyInBodies() throws {
        let standIn = try StandIn()
        _ = LiveVerify.check(Self.settings(standIn), environment: try Self.environment(standIn))
        for request in try standIn.requests() {
            for (name, value) in request.headers {
                #expect(!TestSecret.isIn(Array(value.utf8)), "the secret in header \(name)")
                if name.lowercased() != "authorization" { #expect(!value.contains(StandIn.apiKey)) }
            }
            #expect(!request.target.contains(StandIn.apiKey) && !TestSecret.isIn(Array(request.target.utf8)))
            #expect(!request.body.contains(StandIn.apiKey))
            if request.target.hasPrefix("/v1/platform") {
                #expect(request.header("Authorization") == "Bearer " + StandIn.apiKey)
            } else {
                #expect(request.header("Authorization") == nil, "the key goes to Clerk's Platform API only")
            }
        }
    }

    @Test func aJobIsCancelledAndSaysSo() throws {
        let standIn = try StandIn()
        try standIn.update { $0["latency"] = 20 }
        let done = DispatchSemaphore(value: 0)
        final class Box: @unchecked Sendable { var result: LiveResult? }
        let box = Box()
        let settings = Self.settings(standIn)
        let environment = try Self.environment(standIn)
        let cancel = Cancellation()
        Threads.detach {
            box.result = LiveJob.run(.verify(settings), environment: environment, cancel: cancel)
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        let started = Date()
        cancel.cancel()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(Date().timeIntervalSince(started) < 3)
        guard case .failed(let error)? = box.result else {
            Issue.record("a cancelled job did not say so")
            return
        }
        #expect(error.isCancellation)
    }
}

/// The live findings' table (Resources/live.json) holds exactly the codes the product
/// publishes, each with its severity.
@Suite struct LiveFindingsTableTests {
    @Test func theCodesAndSeveritiesArePublished() {
        let expected: [(String, String)] = [
            ("live/instance-differs", "blocker"), ("live/instance-secret-missing", "blocker"), ("live/redirect-uri-differs", "blocker"),
            ("live/frontend-disabled", "blocker"), ("live/credentials-refused", "blocker"), ("live/credentials-accepted", "info"),
            ("live/probe-inconclusive", "warning"),
        ]
        #expect(LiveFindings.codes == expected.map(\.0))
        for (code, severity) in expected {
            #expect(LiveFindings.severity(of: code)?.rawValue == severity, "\(code)")
        }
    }
}
