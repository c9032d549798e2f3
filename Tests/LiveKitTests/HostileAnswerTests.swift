import Foundation
import LiveKit
import SettingsKit
import TestSupport
import Testing

/// Answers a hostile or broken server may give that the ordinary fault list does not
/// cover: a value of Clerk's that would travel back in a header, an Atlassian answer over
/// the size limit, a long answer quoted in a finding.
@Suite struct HostileAnswerTests {
    static var connection: [String: Any] {
        ["enabled": true, "authenticatable": true, "client_id": StandIn.clientId, "client_secret": "••••"]
    }

    @Test func aConfigVersionThatIsNoVersionNeverReachesAHeader() throws {
        let standIn = try StandIn()
        let env = try LiveVerifyTests.environment(standIn)
        try standIn.addFault([
            "method": "GET", "path": "/config", "times": 1,
            "body": ["config_version": "v1\r\nX-Injected: yes", "connection_oauth_atlassian": Self.connection],
        ])
        let settings = LiveVerifyTests.settings(standIn)
        let target = try ClerkTarget.make(app: StandIn.app, instance: "production").get()
        let result = Push.prepare(settings, target: target, key: try PlatformKey.make(StandIn.apiKey, from: "test").get(), environment: env)
        guard case .failure(let error) = result else {
            Issue.record("a config_version holding a line break was sent back in If-Match")
            return
        }
        #expect(error.code == "clerk/unexpected")
        #expect(!error.message.contains("\n") && !error.message.contains("\r"))
        #expect(try standIn.requests().allSatisfy { $0.header("X-Injected") == nil && $0.method == "GET" }, "no PATCH, no header of Clerk's making")
    }

    @Test func anAtlassianAnswerOverTheLimitIsInconclusiveNotAnUnpublishedCode() throws {
        let standIn = try StandIn()
        try standIn.addFault(["path": "/oauth/token", "bigBody": 5_000_000, "status": 400])
        let verdict = LiveVerify.check(LiveVerifyTests.settings(standIn), environment: try LiveVerifyTests.environment(standIn))
        #expect(verdict.checks[2].outcome == .ran, "\(verdict.checks[2])")
        let finding = verdict.findings.first { $0.code == "live/probe-inconclusive" }
        #expect(finding?.message.contains("1024 KiB") == true, "\(verdict.findings.map(\.message))")
    }

    @Test func aLongAnswerQuotedInAFindingKeepsTheFindingsOwnWords() throws {
        let standIn = try StandIn()
        try standIn.addFault([
            "path": "/oauth/token", "status": 503,
            "body": ["error": "temporarily_unavailable", "error_description": String(repeating: "slow ", count: 80)],
        ])
        let verdict = LiveVerify.check(LiveVerifyTests.settings(standIn), environment: try LiveVerifyTests.environment(standIn))
        let message = verdict.findings.first { $0.code == "live/probe-inconclusive" }?.message ?? ""
        #expect(message.hasSuffix("says neither yes nor no about this Client ID and Secret."), "\(message)")
        #expect(message.contains("…"), "what Atlassian said is cut, not the sentence around it")
    }
}
