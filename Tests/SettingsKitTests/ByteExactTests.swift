import TestSupport
import Testing
import SettingsKit

/// "Exact" means byte for byte: strings that differ only in Unicode normalization are
/// different strings. Swift's `String ==` would call them equal.
@Suite struct ByteExactTests {
    static let nfc = "\u{E9}"  // é as one code point
    static let nfd = "e\u{301}"  // é as e + combining acute

    @Test func theTwoSpellingsAreEqualToSwiftButNotHere() {
        #expect(Self.nfc == Self.nfd, "the premise: Swift compares canonical equivalence")
        #expect(!Self.nfc.isSameBytes(as: Self.nfd))
        #expect(ByteString(Self.nfc) != ByteString(Self.nfd))
        #expect(Set([ByteString(Self.nfc), ByteString(Self.nfd)]).count == 2)
        #expect("abc".isSameBytes(as: "abc") && !"abc".isSameBytes(as: "abd") && !"abc".isSameBytes(as: "ab"))
        #expect(JSONValue.string(Self.nfc) != .string(Self.nfd))
        #expect(JSONValue.string(Self.nfc) == .string("\u{E9}"))
    }

    @Test func aCallbackInAnotherNormalizationIsAMismatch() {
        let mismatch = Fixtures.ready {
            $0.setText("instance.redirectUri", "https://clerk.xn--acm-dma.com/\(Self.nfc)/v1/oauth_callback")
            $0.setList("atlassianApp.callbackUrls", ["https://clerk.xn--acm-dma.com/\(Self.nfd)/v1/oauth_callback"])
        }
        #expect(Fixtures.codes(mismatch).contains("authorization/callback-mismatch"))
        let same = Fixtures.ready {
            $0.setText("instance.redirectUri", "https://clerk.xn--acm-dma.com/\(Self.nfc)/v1/oauth_callback")
            $0.setList("atlassianApp.callbackUrls", ["https://clerk.xn--acm-dma.com/\(Self.nfc)/v1/oauth_callback"])
        }
        #expect(!Fixtures.codes(same).contains("authorization/callback-mismatch"))
    }

    @Test func theTwoSpellingsAreTwoKeys() throws {
        let text = "{\"\(Self.nfc)\": 1, \"\(Self.nfd)\": 2}"
        let object = try #require(try JSONParser.parse(Array(text.utf8)).objectValue)
        #expect(object.count == 2)
        #expect(object[Self.nfc] == .number("1") && object[Self.nfd] == .number("2"))
        do {
            _ = try JSONParser.parse(Array("{\"\(Self.nfc)\": 1, \"\(Self.nfc)\": 2}".utf8))
            Issue.record("a real duplicate parsed")
        } catch {
            #expect(error.message.contains("duplicate key"))
        }
    }

    @Test func largeObjectsFindDuplicatesByBytesToo() throws {
        var members = (0..<40).map { "\"k\($0)\": \($0)" }
        members.append("\"\(Self.nfc)\": 1")
        members.append("\"\(Self.nfd)\": 2")
        let object = try #require(try JSONParser.parse(Array(("{" + members.joined(separator: ", ") + "}").utf8)).objectValue)
        #expect(object.count == 42)
        members.append("\"k7\": 3")
        #expect(throws: JSONParseError.self) { try JSONParser.parse(Array(("{" + members.joined(separator: ", ") + "}").utf8)) }
    }

    @Test func aValueRetypedInAnotherNormalizationIsAChange() {
        let a = Fixtures.ready { $0.setText("atlassianApp.name", "Caf\(Self.nfc)") }
        let b = Fixtures.ready { $0.setText("atlassianApp.name", "Caf\(Self.nfd)") }
        #expect(a != b)
        #expect(SettingsDiff.compare(a, b).map(\.key) == ["atlassianApp.name"])
        #expect(SettingsDiff.compare(a, a).isEmpty)
    }

    @Test func unknownKeysInTwoSpellingsStayApartInADiff() throws {
        let a = try SettingsStore.decode(Array("{\"schemaVersion\": 1, \"notes\": {\"\(Self.nfc)\": 1, \"\(Self.nfd)\": 2}}".utf8), path: "a")
        let b = try SettingsStore.decode(Array("{\"schemaVersion\": 1, \"notes\": {\"\(Self.nfc)\": 1, \"\(Self.nfd)\": 3}}".utf8), path: "b")
        let differences = SettingsDiff.compare(a, b)
        #expect(differences.count == 1)
        #expect(differences.first?.key == "notes.\(Self.nfd)" && differences.first?.new == .number("3"))
        #expect(differences.first?.key.isSameBytes(as: "notes.\(Self.nfd)") == true)
    }

    @Test func theSecretIsFoundByItsBytes() {
        // Followed by a combining mark, the secret's last character is another character:
        // a search by characters missed it, and `show` printed it.
        let s = Fixtures.ready { $0.setText("atlassianApp.description", "note: " + TestSecret.value + "\u{301}") }
        #expect(Secret.holds(.string("x" + TestSecret.value + "\u{301}"), [TestSecret.value]))
        #expect(!TestSecret.isIn(Array(Secret.redacted(s).description.utf8)))
        #expect(!Secret.holds(.string("x\(Self.nfc)x"), ["x\(Self.nfd)x" + "12345678"]))
        #expect("abc\u{301}".containsBytes(of: "abc") && !Self.nfc.containsBytes(of: Self.nfd) && "".containsBytes(of: ""))
    }

    @Test func redactionKeepsBothSpellingsOfAKey() throws {
        let s = try SettingsStore.decode(Array("{\"schemaVersion\": 1, \"notes\": {\"\(Self.nfc)\": 1, \"\(Self.nfd)\": 2}}".utf8), path: "a")
        #expect(Secret.redacted(s).value("notes")?.objectValue?.count == 2)
    }

    @Test func theSecretEqualsTheIDOnlyByteForByte() {
        let id = "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P\(Self.nfc)"
        let same = Fixtures.ready {
            $0.setText("connection.clientId", id); $0.setText("connection.clientSecret", id)
        }
        #expect(Fixtures.codes(same).contains("credentials/secret-equals-id"))
        let otherSpelling = Fixtures.ready {
            $0.setText("connection.clientId", id)
            $0.setText("connection.clientSecret", "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P\(Self.nfd)")
        }
        #expect(!Fixtures.codes(otherSpelling).contains("credentials/secret-equals-id"))
    }

    @Test func aScopeIsEnabledOnlyByItsOwnBytes() {
        // U+212A KELVIN SIGN is canonically equivalent to "K": to Swift, "read:\u{212A}" == "read:K".
        let kelvin = Fixtures.ready {
            $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "read:\u{212A}"])
            $0.setList("connection.scopes", ["read:K"])
        }
        #expect(Fixtures.codes(kelvin).contains("permissions/scope-not-enabled"))
        let same = Fixtures.ready {
            $0.setList("atlassianApp.scopes", ["read:me", "read:jira-work", "read:K"])
            $0.setList("connection.scopes", ["read:K"])
        }
        #expect(!Fixtures.codes(same).contains("permissions/scope-not-enabled"))
    }
}
