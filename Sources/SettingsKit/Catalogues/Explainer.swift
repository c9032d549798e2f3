/// What a sign-in error message means: its cause and the step that fixes it.
public struct Explanation: Equatable, Sendable {
    public let id: String
    /// A setup step ("authorization"), or "user" when nothing in the setup is wrong.
    public let step: String
    public let cause: String
    public let fix: String
    /// Finding codes that `audit` reports for this cause.
    public let codes: [String]
}

/// Maps the messages users meet at sign-in (Resources/explain.json) to their causes.
/// Matching is forgiving: case, punctuation, quotes and spacing are ignored, and a
/// pattern matches when all its words appear, so close variants and messages pasted
/// with surrounding text are recognised.
public enum Explainer {
    struct Entry {
        let explanation: Explanation
        let patterns: [[String]]
    }

    static let entries: [Entry] = {
        guard case .array(let rows)? = try? JSONParser.parse(Array(BundledResources.explain.utf8)) else {
            fatalError("Resources/explain.json is not a JSON list")
        }
        return rows.map { row in
            let o = row.objectValue ?? JSONObject()
            func s(_ k: String) -> String { o[k]?.stringValue ?? "" }
            let patterns = (o["patterns"]?.arrayValue ?? []).map { ($0.arrayValue ?? []).compactMap(\.stringValue).map(normalize) }
            let codes = (o["codes"]?.arrayValue ?? []).compactMap(\.stringValue)
            return Entry(explanation: Explanation(id: s("id"), step: s("step"), cause: s("cause"), fix: s("fix"), codes: codes),
                         patterns: patterns)
        }
    }()

    /// The explanations that match, best first (most words matched).
    public static func explain(_ message: String) -> [Explanation] {
        let text = normalize(message)
        guard !text.isEmpty else { return [] }
        var scored: [(Explanation, Int, Int)] = []
        for (order, entry) in entries.enumerated() {
            let best = entry.patterns.filter { $0.allSatisfy { text.contains($0) } }.map { $0.joined().count }.max()
            if let best { scored.append((entry.explanation, best, order)) }
        }
        scored.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.2 < $1.2 }
        return scored.map(\.0)
    }

    /// Lower case, curly quotes made straight, everything but letters, digits, '_', '-',
    /// ':' and apostrophes turned into single spaces.
    static func normalize(_ s: String) -> String {
        var out = ""
        var space = true
        for ch in s.lowercased() {
            let c: Character = (ch == "\u{2019}" || ch == "\u{2018}") ? "'" : ch
            if c.isLetter || c.isNumber || c == "_" || c == "-" || c == ":" || c == "'" {
                out.append(c)
                space = false
            } else if !space {
                out.append(" ")
                space = true
            }
        }
        return out.trimmingWhitespace
    }
}
