import TestSupport
import Testing
import SettingsKit

/// The last net at an output sink finds a secret as it is and as JSON escapes it.
@Suite struct SecretFilterTests {
    @Test func aSecretIsMaskedInTextAndInJSONHoweverItIsEscaped() {
        let secret = #"quote"and\back-slash-1234567890"#
        let filter = SecretFilter([secret])
        var json = ""
        JSONWriter.writeString("before " + secret + " after", into: &json)
        for text in ["path/" + secret + ".json", json] {
            let shown = filter.scrub(text)
            #expect(!shown.contains("1234567890") && shown.contains("••••••••"), "\(shown)")
        }
        #expect(SecretFilter([]).isEmpty && SecretFilter(["short"]).isEmpty, "nothing to search for below 8 characters")
    }
}
