import TestSupport
import Testing
import SettingsKit

/// A choice field holding a value that is not one of its choices (edited by hand) is
/// told so, with the value it should be, under the rule's own code.
@Suite struct ChoiceValueTests {
    static func finding(_ key: String, _ value: String?, _ code: String) -> Finding? {
        Readiness.evaluate(Fixtures.ready { $0.setText(key, value) }).findings.first { $0.code == code }
    }

    @Test(arguments: [
        ("Sharing", #""Sharing" is not a valid status; use "sharing"."#),
        ("SHARING", #""SHARING" is not a valid status; use "sharing"."#),
        (" sharing", #"" sharing" is not a valid status; use "sharing"."#),
        ("Not sharing", #""Not sharing" is not a valid status; use "not_sharing"."#),
        ("shared", #""shared" is not a valid status; use "not_sharing" or "sharing"."#),
    ])
    func aStatusThatIsNotAChoice(_ value: String, _ message: String) {
        let f = Self.finding("atlassianApp.distribution.status", value, "distribution/not-sharing")
        #expect(f?.message == message)
        #expect(f?.severity == .blocker)
    }

    @Test func statusNearMisses() {
        #expect(Self.finding("atlassianApp.distribution.status", "sharing", "distribution/not-sharing") == nil)
        #expect(
            Self.finding("atlassianApp.distribution.status", "not_sharing", "distribution/not-sharing")?.message
                == "The app is not shared: only its owner can sign in.")
        #expect(
            Self.finding("atlassianApp.distribution.status", nil, "distribution/not-sharing")?.message
                == "The app is not shared: only its owner can sign in.")
    }

    @Test(arguments: [
        ("Production", #""Production" is not a valid environment; use "production"."#),
        ("DEVELOPMENT", #""DEVELOPMENT" is not a valid environment; use "development"."#),
        ("staging", #""staging" is not a valid environment; use "development" or "production"."#),
    ])
    func anEnvironmentThatIsNotAChoice(_ value: String, _ message: String) {
        #expect(Self.finding("instance.environment", value, "instance/environment-missing")?.message == message)
    }

    @Test func environmentNearMisses() {
        #expect(Self.finding("instance.environment", "production", "instance/environment-missing") == nil)
        #expect(Self.finding("instance.environment", "development", "instance/environment-missing") == nil)
        #expect(
            Self.finding("instance.environment", nil, "instance/environment-missing")?.message
                == "The instance's environment is not chosen yet: development or production.")
    }

    @Test func aSecretPastedAsTheValueIsNotQuoted() {
        let s = Fixtures.ready { $0.setText("atlassianApp.distribution.status", TestSecret.value) }
        let f = Readiness.evaluate(s).findings.first { $0.code == "distribution/not-sharing" }
        #expect(f != nil && !(f!.message.contains(TestSecret.value)))
    }
}
