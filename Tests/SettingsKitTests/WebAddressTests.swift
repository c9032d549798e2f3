import TestSupport
import Testing
import SettingsKit

@Suite struct WebAddressTests {
    @Test(arguments: [
        ("https://clerk.acme.com/v1/oauth_callback", true),
        ("https://user@clerk.acme.com:8443/v1/oauth_callback?x=1#f", true),
        ("https://[::1]:8443/v1/oauth_callback", true),
        ("https://", false),
        ("https:///v1/oauth_callback", false),
        ("clerk.acme.com/v1/oauth_callback", false),
        ("https://clerk acme.com/", false),
        ("https://clerk.acme.com:80x/", false),
        (" https://clerk.acme.com/", false),
    ])
    func parses(_ text: String, _ valid: Bool) {
        #expect((WebAddress(text) != nil) == valid)
    }

    @Test func mailto() {
        #expect(WebAddress.isMailto("mailto:a@b.c"))
        #expect(!WebAddress.isMailto("mailto:"))
        #expect(!WebAddress.isMailto("mailto:@b"))
        #expect(!WebAddress.isMailto("a@b.c"))
    }

    // MARK: Each class the URL Standard's host parsing and port rules decide, both ways

    @Test(arguments: [
        ("https://clerk.acme.com:0/", 0), ("https://clerk.acme.com:65535/", 65535), ("https://clerk.acme.com:8443/", 8443),
        ("https://clerk.acme.com:00008443/", 8443),
    ])
    func portsFrom0To65535(_ text: String, _ port: Int) {
        #expect(WebAddress(text)?.port == port)
    }

    @Test func defaultPortsAreDropped() {
        #expect(WebAddress("https://clerk.acme.com:443/v1/oauth_callback")?.port == nil)
        #expect(WebAddress("http://clerk.acme.com:80/")?.port == nil)
        #expect(WebAddress("http://clerk.acme.com:443/")?.port == 443)
        #expect(WebAddress("https://clerk.acme.com:/")?.port == nil)
    }

    @Test(arguments: [
        ("https://clerk.acme.com:99999/v1/oauth_callback", WebAddress.Refusal.portOutOfRange),
        ("https://clerk.acme.com:65536/", .portOutOfRange),
        ("https://clerk.acme.com:18446744073709551697/", .portOutOfRange),
        ("https://clerk.acme.com:-80/", .invalidPort),
        ("https://clerk.acme.com:8o/", .invalidPort),
        ("https://[1::2]:3:4/", .invalidPort),
    ])
    func portsOutsideTheRangeOrNotNumbersAreRefused(_ text: String, _ refusal: WebAddress.Refusal) {
        #expect(WebAddress.parse(text).refusal == refusal)
    }

    @Test(arguments: [
        ("http://127.0.0.1/", "127.0.0.1"), ("http://0x7f.1/", "127.0.0.1"), ("http://0177.0.0.1/", "127.0.0.1"),
        ("http://2130706433/", "127.0.0.1"), ("http://192.168.257/", "192.168.1.1"), ("http://255.255.255.255./", "255.255.255.255"),
        ("http://0x/", "0.0.0.0"), ("http://1.2.3.0x0/", "1.2.3.0"), ("http://4294967295/", "255.255.255.255"),
    ])
    func ipv4InTheStandardsNumberForms(_ text: String, _ host: String) {
        let address = WebAddress(text)
        #expect(address?.host == host)
        if case .ipv4? = address?.parsedHost {} else { Issue.record("\(text) is not IPv4") }
    }

    @Test(arguments: [
        "http://256.256.256.256/privacy", "http://4294967296/", "http://1.2.3.4.5/", "http://1.2.3.08/", "http://09.2.3.4/",
        "http://0x100.2.3.4/", "http://foo.1.2.3.4/", "http://foo.09/", "http://foo.0x/", "http://1..2/", "http://0999999999999999999/",
    ])
    func aHostEndingInANumberMustBeAValidIPv4Address(_ text: String) {
        #expect(WebAddress.parse(text).refusal == .invalidIPv4)
    }

    @Test func aNumberInsideTheHostIsNotIPv4() {
        #expect(WebAddress("http://1.2.3.4.example/")?.host == "1.2.3.4.example")
        #expect(WebAddress("http://0x1.example/")?.parsedHost == .domain("0x1.example"))
    }

    @Test(arguments: [
        ("https://[::1]/", "[::1]"), ("https://[0:0:0:0:0:0:0:1]/", "[::1]"), ("https://[2001:DB8::8:800:200C:417A]/", "[2001:db8::8:800:200c:417a]"),
        ("https://[::127.0.0.1]/", "[::7f00:1]"), ("https://[::ffff:192.168.0.1]:8443/", "[::ffff:c0a8:1]"),
        ("https://[1:0:0:2::3:0]/", "[1::2:0:0:3:0]"), ("https://[::]/", "[::]"), ("https://[1:2:3:4:5:6:7:8]/", "[1:2:3:4:5:6:7:8]"),
    ])
    func bracketedIPv6WithCompressionAndEmbeddedIPv4(_ text: String, _ host: String) {
        #expect(WebAddress(text)?.host == host)
    }

    @Test(arguments: [
        "http://[www.example.com]/", "http://[google.com]/", "http://[::1.2.3.4x]/", "http://[::1.2.3.]/", "http://[0:1:2:3:4:5:6:7:8]/",
        "https://[0::0::0]/", "https://[0:0:]/", "http://[:]/", "http://[]/", "http://[::%31]/", "http://[::1/", "http://[::127.0.0.0.1]/",
        "https://[0:1.290.0.0.0]/", "https://[::01.2.3.4]/",
    ])
    func invalidIPv6LiteralsAreRefused(_ text: String) {
        #expect(WebAddress.parse(text).refusal == .invalidIPv6)
    }

    @Test(arguments: [
        "http://a<b/", "http://a>b/", "http://a^b/", "http://a|b/", "http://a[b/", "http://a]b/", "http://a%b/", "http://user@/www.example.com",
    ])
    func forbiddenHostCodePointsAreRefused(_ text: String) {
        #expect(WebAddress(text) == nil)
    }

    @Test func forbiddenCodePointsArePercentDecodedFirst() {
        #expect(WebAddress.parse("http://ho%00st/").refusal == .forbiddenHostCharacter)
        #expect(WebAddress.parse("http://ho%3Ast/").refusal == .forbiddenHostCharacter)
        #expect(WebAddress.parse("http://ho%25st/").refusal == .forbiddenHostCharacter)
        #expect(WebAddress.parse("https://example.com%80/").refusal == .invalidDomain)
        // Decoding gives ordinary characters: accepted, and written decoded.
        #expect(WebAddress("http://%63lerk.acme.com/")?.host == "clerk.acme.com")
        #expect(WebAddress("http://%30%78%63%30%2e%30%32%35%30.01/")?.host == "192.168.0.1")
        // An unknown scheme's host is opaque: "%" stays, the rest of the forbidden set applies.
        #expect(WebAddress("sc://%/")?.host == "%")
        #expect(WebAddress("sc://a%00b/")?.host == "a%00b")
        #expect(WebAddress("sc://a b/") == nil)
    }

    @Test func punycodeLabelsMustDecode() {
        #expect(WebAddress.parse("http://a.b.c.xn--pokxncvks/").refusal == .invalidPunycode)
        #expect(WebAddress.parse("https://xn--/").refusal == .invalidPunycode)
        #expect(WebAddress.parse("https://xn--abc-/").refusal == .invalidPunycode)  // decodes to ASCII only
        #expect(WebAddress.parse("https://xn--a.example/").refusal == .invalidPunycode)
        #expect(WebAddress("https://xn--fa-hia.example/")?.host == "xn--fa-hia.example")
        #expect(WebAddress("https://XN--6qqa088eba/")?.host == "xn--6qqa088eba")
        #expect(WebAddress("https://xn--bcher-kva.example/")?.host == "xn--bcher-kva.example")
    }

    @Test func internationalHostsAreMappedAndWrittenInPunycode() {
        #expect(WebAddress("https://bücher.example/")?.host == "xn--bcher-kva.example")
        #expect(WebAddress("https://BÜCHER.example/")?.host == "xn--bcher-kva.example")
        #expect(WebAddress("https://faß.ExAmPlE/")?.host == "xn--fa-hia.example")
        #expect(WebAddress("http://你好你好/")?.host == "xn--6qqa088eba")
        #expect(WebAddress("http://Ｇｏ.com/")?.host == "go.com")
        #expect(WebAddress("http://www.foo。bar.com/")?.host == "www.foo.bar.com")
        #expect(WebAddress("https://a%C2%ADb/")?.host == "ab")
        #expect(WebAddress("http://％４１.com/") == nil)
        #expect(WebAddress("http://" + String(Unicode.Scalar(0xFDD0)!) + "zyx.com/") == nil)
        #expect(WebAddress("https://\u{FFFD}/") == nil)
        #expect(WebAddress("https://\u{AD}/") == nil)
        #expect(WebAddress("http://💩.123/") == nil)
    }

    @Test func asciiHostsAreLowercased() {
        #expect(WebAddress("HTTPS://Clerk.ACME.com/v1/oauth_callback")?.host == "clerk.acme.com")
        #expect(WebAddress("HTTPS://Clerk.ACME.com/v1/oauth_callback")?.scheme == "https")
    }

    @Test func theLenientFormsStayRefused() {
        #expect(WebAddress.parse("https://clerk.acme.com/v1/oauth\t_callback").refusal == .whiteSpaceOrControl)
        #expect(WebAddress.parse("https://clerk.acme.com/v1/oauth_callback\n").refusal == .whiteSpaceOrControl)
        #expect(WebAddress.parse(" https://clerk.acme.com/").refusal == .whiteSpaceOrControl)
        #expect(WebAddress.parse("https://clerk.acme.com/ ").refusal == .whiteSpaceOrControl)
        #expect(WebAddress.parse("https://clerk.acme.com/\u{A0}").refusal == .whiteSpaceOrControl)
        #expect(WebAddress.parse("https:clerk.acme.com/").refusal == .missingSlashes)
        #expect(WebAddress.parse("https:/clerk.acme.com/").refusal == .missingSlashes)
        #expect(WebAddress.parse("https:///clerk.acme.com/").refusal == .extraSlashes)
        #expect(WebAddress.parse("https:\\\\clerk.acme.com/").refusal == .backslash)
        #expect(WebAddress.parse("https://clerk.acme.com\\v1/").refusal == .backslash)
        #expect(WebAddress.parse("clerk.acme.com/").refusal == .noScheme)
        #expect(WebAddress.parse("").refusal == .empty)
    }

    @Test func queryFragmentAndUserInfoAreSeen() throws {
        let a = try #require(WebAddress("https://me:pw@clerk.acme.com/v1/oauth_callback?x=1#top"))
        #expect(a.hasUserInfo && a.username == "me" && a.password == "pw")
        #expect(a.query == "x=1" && a.fragment == "top")
        let b = try #require(WebAddress("https://@clerk.acme.com/v1/oauth_callback?#"))
        #expect(b.hasUserInfo && b.username == "" && b.query == "" && b.fragment == "")
        let c = try #require(WebAddress("https://clerk.acme.com/v1/oauth_callback"))
        #expect(!c.hasUserInfo && c.query == nil && c.fragment == nil && c.path == "/v1/oauth_callback")
    }

    @Test func pathsAreWrittenAsTheStandardDoes() {
        #expect(WebAddress("https://clerk.acme.com")?.path == "/")
        #expect(WebAddress("https://clerk.acme.com/a/../v1/./oauth_callback")?.path == "/v1/oauth_callback")
        #expect(WebAddress("https://clerk.acme.com/v1/oauth_callback/%2e%2E")?.path == "/v1/")
        #expect(WebAddress("https://clerk.acme.com/\"é\"")?.path == "/%22%C3%A9%22")
    }

    /// Seeded random text from URL pieces: the parser never traps, and what it accepts
    /// it accepts again in the form it writes, unchanged (the standard's idempotence).
    @Test func whatItAcceptsReparsesToItself() {
        let pieces = [
            "http", "https", "sc", "://", ":", "/", "//", "@", "[", "]", "::", ".", "..", "%2e", "%", "%00", "%41", "%C3%A9",
            "?", "#", "x", "Y", "0", "1", "255", "256", "0x", "09", "65535", "99999", "xn--", "xn--bcher-kva", "pokxncvks",
            "é", "E\u{301}", "ß", "Ｇ", "。", "\u{AD}", "💩", "ffff", "1.2.3.4", "localhost", "a-b", "_", "~", "\\", "'", "\"", "<",
        ]
        var rng = SplitMix64(seed: 0xC0FFEE)
        var accepted = 0
        for _ in 0..<20_000 {
            var text = pieces[Int(rng.next() % 3)] + "://"
            for _ in 0..<Int(rng.next() % 9) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            guard let a = WebAddress(text) else { continue }
            accepted += 1
            // The same URL, but for whether the text had an "@": an empty one is not written.
            let again = WebAddress(a.href)
            #expect(again?.href == a.href && again?.parsedHost == a.parsedHost, "\(text.debugDescription) -> \(a.href.debugDescription)")
            if a.scheme != "sc" { #expect(a.href.utf8.allSatisfy { $0 < 0x80 }, "\(a.href.debugDescription)") }
        }
        #expect(accepted > 2_000)
    }

    // MARK: The standard's own test data

    struct Case {
        let input: String
        let failure: Bool
        let fields: [String: String]
    }

    static let cases: [Case] = {
        let data = Repository.text("Tests/TestData/urltestdata-absolute.json")
        guard case .array(let items)? = try? JSONParser.parse(Array(data.utf8)) else { fatalError("urltestdata-absolute.json") }
        return items.compactMap { item in
            guard let o = item.objectValue, let input = o["input"]?.stringValue else { return nil }
            var fields: [String: String] = [:]
            for (k, v) in o { if let s = v.stringValue { fields[k] = s } }
            return Case(input: input, failure: o["failure"]?.boolValue == true, fields: fields)
        }
    }()

    /// What this program refuses on purpose though the standard repairs it (see WebAddress).
    static func refusedOnPurpose(_ input: String) -> Bool {
        if input.unicodeScalars.contains(where: { $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace }) {
            return true
        }
        let colon = input.firstIndex(of: ":")!
        let scheme = input[..<colon].lowercased()
        guard ["http", "https", "ws", "wss", "ftp"].contains(scheme) else { return false }
        let rest = input[input.index(colon, offsetBy: 3)...]
        if rest.hasPrefix("/") || rest.hasPrefix("\\") { return true }
        return rest.prefix { $0 != "?" && $0 != "#" }.contains("\\")
    }

    /// File URLs are left out: WebAddress does not handle their drive-letter forms.
    static var judged: [Case] { cases.filter { !$0.input.lowercased().hasPrefix("file:") } }

    @Test func everyAbsoluteURLTheStandardRejectsIsRefused() {
        let rejected = Self.judged.filter(\.failure)
        #expect(rejected.count >= 140, "\(rejected.count) rejected absolute URLs in the test data")
        for c in rejected {
            #expect(WebAddress(c.input) == nil, "accepted \(c.input.debugDescription)")
        }
    }

    @Test func everyAbsoluteURLTheStandardAcceptsParsesToTheSameParts() {
        let accepted = Self.judged.filter { !$0.failure }
        #expect(accepted.filter { !Self.refusedOnPurpose($0.input) }.count >= 180, "compared part by part")
        for c in accepted {
            let parsed = WebAddress.parse(c.input)
            if Self.refusedOnPurpose(c.input) {
                #expect(parsed.refusal != nil, "accepted a form that needs repair: \(c.input.debugDescription)")
                continue
            }
            guard case .success(let a) = parsed else {
                Issue.record("refused \(c.input.debugDescription): \(parsed.refusal!)")
                continue
            }
            let f = c.fields
            #expect(a.href == f["href"], "\(c.input.debugDescription): \(a.href)")
            #expect(a.scheme + ":" == f["protocol"], "\(c.input.debugDescription)")
            #expect(a.username == f["username"] && a.password == f["password"], "\(c.input.debugDescription)")
            #expect(a.host == f["hostname"], "\(c.input.debugDescription): \(a.host)")
            #expect((a.port.map(String.init) ?? "") == f["port"], "\(c.input.debugDescription)")
            #expect(a.path == f["pathname"], "\(c.input.debugDescription): \(a.path)")
            #expect((a.query.flatMap { $0.isEmpty ? nil : "?" + $0 } ?? "") == f["search"], "\(c.input.debugDescription)")
            #expect((a.fragment.flatMap { $0.isEmpty ? nil : "#" + $0 } ?? "") == f["hash"], "\(c.input.debugDescription)")
        }
    }
}

extension Result where Failure == WebAddress.Refusal {
    var refusal: WebAddress.Refusal? { if case .failure(let r) = self { return r } else { return nil } }
}
