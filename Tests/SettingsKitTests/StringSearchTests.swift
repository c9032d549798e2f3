import SettingsKit
import TestSupport
import Testing

/// Our text search (`firstRange(ofText:)`, `contains(text:)`, `replacing(text:with:)`)
/// gives the standard library's results, which it stands in for where the string-processing
/// module is not linked: Character by Character, so canonically equivalent text matches
/// and a letter that carries a combining mark is not the bare letter.
@Suite struct StringSearchTests {
    /// Haystacks and needles where a search goes wrong most easily: empty texts, a needle
    /// at the very end or longer than the text, candidates that overlap ("aab" in "aaab"),
    /// combining marks, precomposed and decomposed "é", flags of two scalars, CR LF (one
    /// Character), emoji with a skin tone, CJK and right-to-left letters.
    static let tricky: [(text: String, needle: String)] = [
        ("", ""), ("", "a"), ("abc", ""), ("abc", "c"), ("abc", "bc"), ("abc", "abc"), ("ab", "abc"), ("abc", "abd"),
        ("aaab", "aab"), ("aaaa", "aa"), ("abababc", "ababc"), ("xyzxyzxyq", "xyzxyq"), ("a\"b\"\"", "\""),
        ("e\u{301}", "e"), ("cafe\u{301}", "café"), ("café", "cafe\u{301}"), ("cafe\u{301}s", "e"), ("x\u{301}y", "\u{301}"),
        ("e\u{301}e", "e"), ("🇫🇷🇩🇪", "🇩🇪"), ("🇫🇷", "🇫"), ("🇫🇷🇩🇪", "🇷🇩"), ("a\r\nb", "\r"), ("a\r\nb", "\r\n"),
        ("👍🏽👍", "👍"), ("日本語のテキスト", "テキ"), ("שלום עולם", "עולם"), ("read:confluence-groups", "conf"),
        ("https://x.example/oauth_callback", "://"), ("{{REDIRECT_URI}} and {{REDIRECT_URI}}", "{{REDIRECT_URI}}"),
    ]

    @Test func findsWhatTheStandardLibraryFinds() {
        for (text, needle) in Self.tricky { expectSameAsStandardLibrary(text, needle) }
    }

    /// Random texts of few symbols, so needles are often found, often nearly: overlaps,
    /// marks that join the letter before them, regional indicators that pair up.
    @Test func findsWhatTheStandardLibraryFindsInRandomTexts() {
        let symbols = ["a", "b", "e", "\u{301}", "é", "🇫", "🇷", "\r", "\n", "ü"]
        var random = SplitMix64(seed: 23)
        func text(_ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &random)).map { _ in symbols.randomElement(using: &random)! }.joined()
        }
        for _ in 0..<3_000 { expectSameAsStandardLibrary(text(12), text(3)) }
    }

    @Test func searchesACharacterAtATime() {
        #expect(!"e\u{301}".contains(text: "e"), "e with a combining acute is one Character, not e")
        #expect("cafe\u{301}".contains(text: "café"), "precomposed and decomposed é are the same Character")
        #expect(offset("aaab", "aab") == 1, "the second a starts it, though the first matched two")
        #expect(offset("abc", "") == 0 && "abc".contains(text: "") && "".contains(text: ""))
        #expect(offset("abc", "bc") == 1 && offset("ab", "abc") == nil)
        #expect("a\r\nb".firstRange(ofText: "\r") == nil, "CR LF is one Character")
    }

    @Test func searchesInASubstringAndForOne() {
        let text = "xx a:b://c"[...].dropFirst(3)
        let range = text.firstRange(ofText: "://")
        #expect(range.map { String(text[$0.upperBound...]) } == "c")
        let words = "conf grp".split(separator: " ")
        #expect("read:confluence-groups".contains(text: words[0]) && !"read:confluence-groups".contains(text: words[1]))
    }

    @Test func replacesEveryAppearanceLeftToRight() {
        #expect("aaa".replacing(text: "aa", with: "b") == "ba", "none overlapping, from the left")
        #expect("say \"hi\"".replacing(text: "\"", with: "\\(dq") == "say \\(dqhi\\(dq")
        #expect("e\u{301}e".replacing(text: "e", with: "E") == "e\u{301}E")
        #expect("ab".replacing(text: "", with: "-") == "-a-b-", "an empty target before and after each Character")
        #expect("ab".replacing(text: "x", with: "y") == "ab")
    }

    private func offset(_ text: String, _ needle: String) -> Int? {
        text.firstRange(ofText: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) }
    }

    private func expectSameAsStandardLibrary(_ text: String, _ needle: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let case_ = "\(Array(text.unicodeScalars)) \(Array(needle.unicodeScalars))"
        #expect(text.firstRange(ofText: needle) == StandardLibrary.firstRange(text, needle), "\(case_)", sourceLocation: sourceLocation)
        #expect(text.contains(text: needle) == StandardLibrary.contains(text, needle), "\(case_)", sourceLocation: sourceLocation)
        #expect(
            text.replacing(text: needle, with: "<>") == StandardLibrary.replacing(text, needle, with: "<>"), "\(case_)",
            sourceLocation: sourceLocation)
        let sub = text[...], subNeedle = needle[...]
        #expect(sub.firstRange(ofText: subNeedle) == StandardLibrary.firstRange(sub, subNeedle), "\(case_)", sourceLocation: sourceLocation)
    }
}

/// The standard library's own search (the string-processing module's, over Characters),
/// reached through generic code: where Foundation is visible (other files of this module
/// import it), `"abc".contains("")` on a String is Foundation's, which says false.
private enum StandardLibrary {
    static func firstRange<C: BidirectionalCollection>(_ text: C, _ needle: C) -> Range<C.Index>? where C.Element == Character {
        text.firstRange(of: needle)
    }

    static func contains<C: BidirectionalCollection>(_ text: C, _ needle: C) -> Bool where C.Element == Character {
        text.contains(needle)
    }

    static func replacing<C: RangeReplaceableCollection>(_ text: C, _ needle: C, with replacement: C) -> C where C.Element == Character {
        text.replacing(needle, with: replacement)
    }
}
