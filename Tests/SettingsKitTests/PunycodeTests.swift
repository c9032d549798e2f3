import Testing
@testable import SettingsKit

/// RFC 3492's own sample strings (section 7.1), both ways, and what is not Punycode.
@Suite struct PunycodeTests {
    @Test(arguments: [
        // (A) Arabic (Egyptian)
        (
            [0x0644, 0x064A, 0x0647, 0x0645, 0x0627, 0x0628, 0x062A, 0x0643, 0x0644, 0x0645, 0x0648, 0x0634, 0x0639, 0x0631, 0x0628, 0x064A, 0x061F]
                as [UInt32],
            "egbpdaj6bu4bxfgehfvwxn"
        ),
        // (B) Chinese (simplified)
        ([0x4ED6, 0x4EEC, 0x4E3A, 0x4EC0, 0x4E48, 0x4E0D, 0x8BF4, 0x4E2D, 0x6587], "ihqwcrb4cv8a8dqg056pqjye"),
        // (L) 3<nen>B<gumi><kinpachi><sensei>
        ([0x0033, 0x5E74, 0x0042, 0x7D44, 0x91D1, 0x516B, 0x5148, 0x751F], "3B-ww4c5e180e575a65lsy2b"),
        // (Q) <pafii>de<runba>
        ([0x30D1, 0x30D5, 0x30A3, 0x30FC, 0x0064, 0x0065, 0x30EB, 0x30F3, 0x30D0], "de-jg4avhby1noc0d"),
        // bücher
        ([0x62, 0xFC, 0x63, 0x68, 0x65, 0x72], "bcher-kva"),
    ])
    func rfc3492Samples(_ codePoints: [UInt32], _ encoded: String) {
        #expect(Punycode.encode(codePoints).map { String(decoding: $0, as: UTF8.self) } == encoded)
        #expect(Punycode.decode(Array(encoded.utf8)[...]) == codePoints)
        // Digits are case-insensitive.
        #expect(Punycode.decode(Array(encoded.uppercased().utf8)[...])?.count == codePoints.count)
    }

    /// A leading delimiter, a digit that is not a letter or digit, a number too large,
    /// a run cut short, a non-ASCII basic part.
    @Test(arguments: ["-abc", "9999999999a", "b@r", "zzzzzzzzzzzzzz", "ü-x", "a-9"])
    func notPunycode(_ text: String) {
        #expect(Punycode.decode(Array(text.utf8)[...]) == nil, "\(text)")
    }

    @Test func validPunycodeThatIDNARefusesLater() {
        #expect(Punycode.decode(Array("a-b-".utf8)[...]) == [0x61, 0x2D, 0x62])  // only ASCII
        #expect(Punycode.decode(Array("aa".utf8)[...]) == [0x80, 0x80])  // a C1 control
        #expect(WebAddress("https://xn--a-b-/") == nil && WebAddress("https://xn--aa/") == nil)
    }
}
