/// The list's `/` filter: words in any order, each of which must match the row's path, its
/// environment or one of its codes. A word is matched without regard to ASCII case, as a
/// part of the path or of a code, or as the start of the environment ("prod"); a word that
/// is a whole code matches that code only (what Enter on the by-code panel types).
struct FleetQuery: Equatable, Sendable {
    let text: String
    private let words: [Word]

    private struct Word: Equatable, Sendable {
        /// Lowercased UTF-8.
        let bytes: [UInt8]
        /// The codes the word matches.
        let codes: FleetCodes
    }

    init(_ text: String) {
        self.text = text
        words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { part in
            let bytes = part.utf8.map(FleetQuery.folded)
            let exact = FleetCodes.index(of: String(part))
            var codes = FleetCodes()
            for (i, code) in FleetCodes.all.enumerated() where exact.map({ $0 == i }) ?? FleetQuery.contains(code, bytes) {
                codes.insert(i)
            }
            return Word(bytes: bytes, codes: codes)
        }
    }

    /// No words: every row.
    var isEmpty: Bool { words.isEmpty }

    func matches(_ row: borrowing FleetRow) -> Bool {
        let path = Array(row.shownPath.utf8)
        return path.withUnsafeBufferPointer { path in
            withUnsafePointer(to: row) { matches($0, path: path) }
        }
    }

    /// `matches`, reading the row where it is and its path as shown from `FleetPaths`: a
    /// filter reads every row of the fleet on every key.
    func matches(_ row: UnsafePointer<FleetRow>, path: UnsafeBufferPointer<UInt8>) -> Bool {
        for word in words {
            if row.pointee.codes.intersects(word.codes) || Self.contains(path, word.bytes) { continue }
            if Self.hasPrefix(row.pointee.environment.utf8, word.bytes) { continue }
            return false
        }
        return true
    }

    /// Whether every row `narrower` keeps, this query keeps too, so `narrower` need only
    /// look at this one's rows: each word here is the start of one of `narrower`'s, which
    /// matches no code this word does not (typing on at the end only narrows the list).
    func keepsAll(of narrower: FleetQuery) -> Bool {
        words.allSatisfy { word in
            narrower.words.contains { Self.hasPrefix($0.bytes, word.bytes) && $0.codes.isSubset(of: word.codes) }
        }
    }

    static func folded(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }

    static func hasPrefix(_ text: some Collection<UInt8>, _ word: [UInt8]) -> Bool {
        text.count >= word.count && zip(text, word).allSatisfy { folded($0) == $1 }
    }

    /// Whether `word` (folded) is a part of `text`, ASCII case aside. Read in place: a
    /// filter looks at every path of the fleet on every key.
    static func contains(_ text: String, _ word: [UInt8]) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { contains($0, word) }
    }

    static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard let first = word.first else { return true }
        guard bytes.count >= word.count else { return false }
        var i = 0
        while i <= bytes.count - word.count {
            if folded(bytes[i]) == first {
                var j = 1
                while j < word.count && folded(bytes[i + j]) == word[j] { j += 1 }
                if j == word.count { return true }
            }
            i += 1
        }
        return false
    }
}
