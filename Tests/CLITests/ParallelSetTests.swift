import TestSupport
import Foundation
import Testing

/// Twenty `set` processes on one file at the same moment, each changing a different key
/// (the secret through stdin): every change must be in the file at the end. Without the
/// lock and the re-read under it, each writer would save its own stale copy and the
/// others' keys would vanish.
@Suite struct ParallelSetTests {
    /// One assignment per known key; the twentieth writer sets the secret.
    static let assignments: [String: String] = [
        "instance.name": "acme-prod",
        "instance.environment": "production",
        "instance.redirectUri": "https://clerk.acme.com/v1/oauth_callback",
        "connection.enabled": "true",
        "connection.signUpAndSignIn": "true",
        "connection.useCustomCredentials": "true",
        "connection.clientId": "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6",
        "connection.scopes": "read:jira-work",
        "atlassianApp.name": "Acme sign-in",
        "atlassianApp.description": "Sign in with Atlassian",
        "atlassianApp.logo": "https://acme.com/logo.png",
        "atlassianApp.scopes": "read:me,read:jira-work",
        "atlassianApp.callbackUrls": "https://clerk.acme.com/v1/oauth_callback",
        "atlassianApp.distribution.status": "sharing",
        "atlassianApp.distribution.vendorName": "Acme Inc.",
        "atlassianApp.distribution.privacyPolicyUrl": "https://acme.com/privacy",
        "atlassianApp.distribution.termsUrl": "https://acme.com/terms",
        "atlassianApp.distribution.contactUrl": "https://acme.com/support",
        "atlassianApp.distribution.storesPersonalData": "true",
    ]

    @Test func twentyWritersAtOnceLoseNoChange() throws {
        let ws = try Workspace()
        let file = try ws.write("s.json", "{\"schemaVersion\": 1}\n")
        var writers: [Spawned] = []
        for (key, value) in Self.assignments {
            writers.append(try Spawned(["set", file, "\(key)=\(value)"], dir: ws.path))
        }
        let secretWriter = try Spawned(["set", file, "--client-secret-stdin"], dir: ws.path)
        secretWriter.send(TestSecret.value + "\n")
        writers.append(secretWriter)
        #expect(writers.count == 20)
        for writer in writers {
            let result = writer.wait(upTo: 120)
            #expect(result?.code == 0, "\(result?.err ?? "timed out")")
        }
        // Every key, from every writer, is in the file: the audit finds nothing missing.
        let audit = try CLI.run(["audit", file])
        #expect(audit.code == 0, "\(audit.out)")
        #expect(audit.out.contains("ready for production"))
        let json = try ws.json("s.json")
        #expect((json["connection"] as? [String: Any])?["clientSecret"] as? String == TestSecret.value)
        let history = try String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)
        #expect(history.split(separator: "\n").count == 20, "one history line per writer")
    }
}
