import TestSupport
import Testing
import SettingsKit
@testable import ConsoleKit

/// A finding that names a character (`Finding.mark`) draws the value under its message
/// with a caret under that character.
@Suite struct CaretLineTests {
    static let redirect = "https://clerk.acme.com/v1/oauth_callback"

    static func authorization(callback: String) -> [String] {
        var s = Fixture.state(
            Fixture.ready.replacingOccurrences(of: "\"callbackUrls\": [\"\(redirect)\"]", with: "\"callbackUrls\": [\"\(callback)\"]"))
        s.go(to: .authorization)
        return s.rendered(width: 120, height: 30).split(separator: "\n").map(String.init)
    }

    /// Where `value` starts on the line drawn over a caret, and where the caret is.
    static func caret(in rows: [String], under value: String) -> (value: Int, caret: Int)? {
        for (i, row) in rows.enumerated().dropLast() where row.hasSuffix(value) {
            let below = rows[i + 1]
            guard let caret = below.firstIndex(of: "^"), below[below.index(after: caret)...].isEmpty else { continue }
            let start = row.index(row.endIndex, offsetBy: -value.count)
            return (row.distance(from: row.startIndex, to: start), below.distance(from: below.startIndex, to: caret))
        }
        return nil
    }

    @Test func theCaretStandsUnderTheCharacterTheMessageNames() throws {
        let callback = "https://clerk.acme.com/v1/oauth-callback"
        let rows = Self.authorization(callback: callback)
        #expect(rows.contains { $0.contains("'-' at character 32 should be '_'") })
        let at = try #require(Self.caret(in: rows, under: callback), "\(rows.joined(separator: "\n"))")
        #expect(at.caret - at.value == 31, "under the '-'")
    }

    @Test func aTrailingSlashGetsItsCaretToo() throws {
        let rows = Self.authorization(callback: Self.redirect + "/")
        let at = try #require(Self.caret(in: rows, under: Self.redirect + "/"))
        #expect(at.caret - at.value == Self.redirect.count)
    }

    @Test func aLongValueIsCutAtItsStartToKeepTheCaretInView() {
        let value = String(repeating: "x", count: 200) + "-y"
        let lines = CaretLine.lines(Finding.Mark(text: value, offset: 200), mask: SecretMask(secrets: []), width: 40)
        #expect(lines.count == 2 && lines[0].hasPrefix("…"))
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        let column = lines[1].count - 1
        #expect(Array(lines[0])[column] == "-")
    }

    @Test func wideAndCombiningCharactersKeepTheCaretInPlace() {
        let value = "https://日本.example/v1/oauth-callback"
        let lines = CaretLine.lines(Finding.Mark(text: value, offset: 27), mask: SecretMask(secrets: []), width: 60)
        // 日本 take two columns each: the '-' stands two columns further right than its index.
        #expect(lines[1].count - 1 == 29)
        let combining = "e\u{301}-x"
        #expect(CaretLine.lines(Finding.Mark(text: combining + "aaaaaaa", offset: 2), mask: SecretMask(secrets: []), width: 60)[1] == " ^")
    }

    @Test func noCaretUnderAValueThatIsMaskedOrNotDrawnAsItIs() {
        let mask = SecretMask(secrets: [TestSecret.value])
        #expect(CaretLine.lines(Finding.Mark(text: "https://x/" + TestSecret.value, offset: 3), mask: mask, width: 80).isEmpty)
        #expect(CaretLine.lines(Finding.Mark(text: "https://x/\u{1B}[8m", offset: 3), mask: mask, width: 80).isEmpty)
        #expect(CaretLine.lines(Finding.Mark(text: "https://x/\u{202E}y", offset: 3), mask: mask, width: 80).isEmpty)
    }
}
