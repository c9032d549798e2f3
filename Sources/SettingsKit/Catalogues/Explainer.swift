/// Maps the messages users meet at sign-in (Resources/explain.json) to their causes:
/// Atlassian's, and Clerk's own (its sign-in page's sentences and its error codes).
///
/// A message is pasted however it was met: quoted, inside JSON (Clerk's
/// `{"errors": [{"code": …}]}`), as a callback URL with
/// `error_description=User+did+not+authorize`, in any case. So the message is decoded
/// (percent-encoding, JSON `\u` escapes, HTML apostrophes) and cut into lower-case words;
/// a pattern is a list of phrases (runs of whole words) that must all appear, in any order,
/// and a phrase written `!phrase` must not appear (it tells two causes apart that share
/// words, e.g. `access_denied` from a Cancel and from a refused token call).
///
/// Every cause with a matching pattern is reported. The most likely comes first: the one
/// whose best pattern matched the most words (so Clerk's whole code, `oauth_access_denied`,
/// outweighs a part of it); on a tie, the one listed first in explain.json, which lists
/// the commoner of two causes first.
public enum Explainer {
    struct Phrase {
        let words: [String]
        let absent: Bool
    }

    struct Entry {
        let explanation: Explanation
        let patterns: [[Phrase]]
    }

    /// A placeholder of the fixes (`{callback URL}`): filled with a value of the settings file
    /// when `explain --file` has one that is right, else with words that say what to copy from where.
    struct Fill {
        let placeholder: String
        let field: String
        /// The file's value is not used when the file has one of these findings: a fix never
        /// tells the operator to copy a value that is itself wrong.
        let unlessFound: [String]
        let withoutFile: String
        let notInFile: String
    }

    static let table: (entries: [Entry], fills: [Fill]) = {
        guard case .object(let document)? = try? JSONParser.parse(Array(BundledResources.explain.utf8)),
            let rows = document["causes"]?.arrayValue
        else {
            fatalError("Resources/explain.json is not an object with a list of causes")
        }
        func strings(_ value: JSONValue?) -> [String] { (value?.arrayValue ?? []).compactMap(\.stringValue) }
        // The fills first: each cause's fix as it reads without a file is made with them.
        let fills = (document["fills"]?.arrayValue ?? []).map { row in
            let o = row.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            return Fill(
                placeholder: s("placeholder"), field: s("field"), unlessFound: strings(o["unlessFound"]),
                withoutFile: s("withoutFile"), notInFile: s("notInFile"))
        }
        let entries = rows.map { row in
            let o = row.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            let patterns = (o["patterns"]?.arrayValue ?? []).map { pattern in
                strings(pattern).map { text in
                    text.hasPrefix("!")
                        ? Phrase(words: words(String(text.dropFirst())), absent: true)
                        : Phrase(words: words(text), absent: false)
                }
            }
            return Entry(
                explanation: Explanation(
                    id: s("id"), step: s("step"), cause: s("cause"), fix: filled(s("fix"), file: nil, fills: fills), codes: strings(o["codes"]),
                    fixTemplate: s("fix")),
                patterns: patterns)
        }
        return (entries, fills)
    }()

    static var entries: [Entry] { table.entries }
    static var fills: [Fill] { table.fills }

    /// Every known cause, in explain.json's order.
    public static var all: [Explanation] { entries.map(\.explanation) }

    /// The explanations that match, most likely first. A cause's id (`no-access-to-app`, as
    /// the no-match text lists them) gives that cause.
    public static func explain(_ message: String) -> [Explanation] {
        let trimmed = message.trimmingWhitespace
        if let named = all.first(where: { $0.id == trimmed }) { return [named] }
        let text = words(message)
        guard !text.isEmpty else { return [] }
        var scored: [(explanation: Explanation, score: Int, order: Int)] = []
        for (order, entry) in entries.enumerated() {
            let best = entry.patterns.compactMap { pattern -> Int? in
                let positive = pattern.filter { !$0.absent }
                guard !positive.isEmpty,
                    positive.allSatisfy({ appears($0.words, in: text) }),
                    !pattern.contains(where: { $0.absent && appears($0.words, in: text) })
                else { return nil }
                return positive.reduce(0) { $0 + $1.words.count }
            }.max()
            if let best { scored.append((entry.explanation, best, order)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.order < $1.order }
        return scored.map(\.explanation)
    }

    /// The cause's fix with its placeholders filled: from `file` (its settings and the codes of
    /// its findings) where it has a right value, else in words that say what to copy from where.
    public static func fix(_ explanation: Explanation, file: (settings: Settings, codes: Set<String>)?) -> String {
        file == nil ? explanation.fix : filled(explanation.fixTemplate, file: file, fills: fills)
    }

    /// A value from the file is scrubbed of every secret the file holds: it may be the secret
    /// pasted into the wrong field.
    private static func filled(_ template: String, file: (settings: Settings, codes: Set<String>)?, fills: [Fill]) -> String {
        var text = template
        for fill in fills where text.contains(text: fill.placeholder) {
            let value: String
            if let file {
                if !fill.unlessFound.contains(where: file.codes.contains), let filled = file.settings.filled(fill.field) {
                    value = Secret.scrub(filled, secrets: Secret.values(in: file.settings))
                } else {
                    value = fill.notInFile
                }
            } else {
                value = fill.withoutFile
            }
            text = text.replacing(text: fill.placeholder, with: value)
        }
        return text
    }

    static func appears(_ phrase: [String], in text: [String]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        for start in 0...(text.count - phrase.count) where text[start] == phrase[0] {
            if text[start..<(start + phrase.count)].elementsEqual(phrase) { return true }
        }
        return false
    }

    /// The message as lower-case words: decoded first, then cut at everything that is not
    /// a letter or a digit. Apostrophes join ("don't", "don’t" and "dont" are one word),
    /// so "_" and "-" separate: `access_denied` is the words "access denied".
    static func words(_ message: String) -> [String] {
        var out: [String] = []
        var word = ""
        for ch in decoded(message).lowercased() {
            if ch == "'" || ch == "\u{2019}" || ch == "\u{2018}" || ch == "`" { continue }
            if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if !word.isEmpty {
                out.append(word)
                word = ""
            }
        }
        if !word.isEmpty { out.append(word) }
        return out
    }

    /// Undoes the encodings a pasted message comes in: `%XX` (twice over for a URL inside
    /// a URL), JSON's `\uXXXX` and `\n`-style escapes, and the HTML forms of an apostrophe.
    static func decoded(_ message: String) -> String {
        var bytes = Array(message.utf8)
        for _ in 0..<3 {
            let next = decodeOnce(bytes)
            if next == bytes { break }
            bytes = next
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func decodeOnce(_ bytes: [UInt8]) -> [UInt8] {
        func hex(_ b: UInt8) -> UInt32? {
            switch b {
            case 0x30...0x39: return UInt32(b - 0x30)
            case 0x41...0x46: return UInt32(b - 0x41 + 10)
            case 0x61...0x66: return UInt32(b - 0x61 + 10)
            default: return nil
            }
        }
        let apostrophes: [[UInt8]] = ["&#39;", "&#x27;", "&apos;", "&rsquo;"].map { Array($0.utf8) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%"), i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(UInt8(h << 4 | l))
                i += 3
            } else if b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "u"), i + 5 < bytes.count,
                    let a = hex(bytes[i + 2]), let b2 = hex(bytes[i + 3]), let c = hex(bytes[i + 4]), let d = hex(bytes[i + 5])
                {
                    let scalar = Unicode.Scalar(a << 12 | b2 << 8 | c << 4 | d) ?? " "
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    i += 6
                } else {
                    out.append(UInt8(ascii: " "))  // \n, \t, \" and the like: a separator
                    i += 2
                }
            } else if b == UInt8(ascii: "&"), let entity = apostrophes.first(where: { bytes[i...].starts(with: $0) }) {
                out.append(UInt8(ascii: "'"))
                i += entity.count
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }
}
