import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The screen masks what `Secret` calls secret, as `show` and `diff` do.
@Suite struct SecretDefinitionScreenTests {
    @Test func aSecretNamedKeysValueIsMaskedOnTheScreen() {
        let old = "old-tool-secret-Q7w8e9r0"
        let json = Fixture.ready
            .replacingOccurrences(of: "\"name\": \"Acme sign-in\"", with: "\"name\": \"\(old)\"")
            .replacingOccurrences(of: "\"schemaVersion\": 1,", with: "\"schemaVersion\": 1, \"notes\": {\"client_secret\": \"\(old)\"},")
        var s = Fixture.state(json)
        s.visit(.app)
        let frame = s.rendered(width: 100, height: 30)
        #expect(!frame.contains(old) && !frame.contains("Q7w8e9r0"), "\(frame)")
    }

    /// The secret followed by a combining mark, pasted into the App name: masked whole.
    @Test func aSecretFollowedByACombiningMarkIsMasked() {
        let json = Fixture.ready.replacingOccurrences(of: "\"name\": \"Acme sign-in\"", with: "\"name\": \"\(TestSecret.value)\\u0301\"")
        var s = Fixture.state(json)
        s.visit(.app)
        let frame = s.rendered(width: 100, height: 30)
        #expect(!frame.contains("W\u{301}") && !frame.contains("XYZ"), "not even the last character: \(frame)")
        #expect(!SecretTests.leaks(frame))
    }

    /// The secret pasted into the scope filter by mistake: masked there as in any field.
    @Test func theSecretPastedIntoTheScopeFilterIsMasked() {
        var s = Fixture.state()
        s.visit(.permissions)
        s.press(.char("/"), .paste(TestSecret.value))
        #expect(s.scopeFilter?.text == TestSecret.value, "the filter holds what was pasted")
        let frame = s.rendered(width: 100, height: 30)
        #expect(frame.contains("no scope matches"), "\(frame)")
        #expect(!SecretTests.leaks(frame), "\(frame)")
    }
}
