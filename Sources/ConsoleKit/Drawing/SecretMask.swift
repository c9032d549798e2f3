import SettingsKit

/// The client secret as the screen looks for it in every other text it draws: a field's
/// value, the redirect URI in an introduction, a finding, the status line, the file name.
///
/// A character is masked when it is part of any run of `run` characters that also occurs
/// in the secret, not only when the whole secret is there (`Secret.holds`, which
/// `show` and `diff` use): a secret pasted into the Client ID and then edited stays masked
/// while it is edited, where one deleted character would otherwise show all the rest. A
/// run is as long as the shortest secret `Secret` searches for, so short secrets are not
/// searched for at all and ordinary text is not masked by chance.
struct SecretMask: Equatable, Sendable {
    static let run = Secret.minimumSearchLength
    /// How much of one secret is searched for: Atlassian's secrets are some 64
    /// characters, so this is far past any real one. A hostile file's secret of
    /// megabytes is masked by its first part (in its own field it is the fixed mask
    /// anyway), and building the mask stays as cheap as for a real one: it was built for
    /// every frame, from every run of the secret, a gigabyte and seconds per key.
    static let searchedLength = 1_024

    /// What the mask was built from, so the console builds it again only when they change.
    let secrets: [String]

    /// Every run of the secrets, and the rolling hash of each to find candidates cheaply.
    /// Each run as the first Unicode scalar of each of its characters: a combining mark
    /// after the secret (or inside the text) does not hide it, as `Secret`'s byte search
    /// would not be fooled either. Masking a little more is the safe side.
    private let runs: Set<[UInt32]>
    private let hashes: Set<Int>

    /// `secrets`: the values `Secret` says are secret (each is also searched for without
    /// surrounding spaces).
    init(secrets: [String]) {
        self.secrets = secrets
        var runs = Set<[UInt32]>(), hashes = Set<Int>()
        var searched = Set<String>()
        for secret in secrets {
            let head = String(secret.prefix(Self.searchedLength))
            for form in [head, head.trimmingWhitespace] {
                let characters = Array(form)
                guard characters.count >= Self.run, searched.insert(String(characters)).inserted else { continue }
                let codes = characters.map(Self.code)
                var hash = Self.hash(codes[0..<Self.run])
                for start in 0...(characters.count - Self.run) {
                    if start > 0 { hash = Self.roll(hash, out: codes[start - 1], in: codes[start + Self.run - 1]) }
                    runs.insert(codes[start..<start + Self.run].map(UInt32.init))
                    hashes.insert(hash)
                }
            }
        }
        self.runs = runs
        self.hashes = hashes
    }

    /// How many runs it searches for: bounded, whatever the secrets' length.
    var runCount: Int { runs.count }

    static func == (a: SecretMask, b: SecretMask) -> Bool { a.secrets == b.secrets }

    var isEmpty: Bool { runs.isEmpty }

    /// For each character of `text`, whether it is part of a run of the secret.
    func flags(_ text: ArraySlice<Character>) -> [Bool] {
        var out = [Bool](repeating: false, count: text.count)
        guard !isEmpty, text.count >= Self.run else { return out }
        let codes = text.map(Self.code)
        var hash = Self.hash(codes[0..<Self.run])
        var maskedUntil = 0
        for i in 0..<text.count {
            if i + Self.run <= text.count {
                if i > 0 { hash = Self.roll(hash, out: codes[i - 1], in: codes[i + Self.run - 1]) }
                if hashes.contains(hash), runs.contains(codes[i..<(i + Self.run)].map(UInt32.init)) { maskedUntil = i + Self.run }
            }
            out[i] = maskedUntil > i
        }
        return out
    }

    /// Whether any character of `text` would be masked.
    func holdsSecret(_ text: ArraySlice<Character>) -> Bool {
        flags(text).contains(true)
    }

    /// `text` with each run of the secret in it drawn as the fixed mask (`Secret.maskText`),
    /// never a bullet per character, which would show how long the secret is.
    func masked(_ text: String) -> String {
        guard !isEmpty else { return text }
        let characters = Array(text)
        let flags = flags(characters[...])
        guard flags.contains(true) else { return text }
        var out = ""
        for i in characters.indices {
            if !flags[i] {
                out.append(characters[i])
            } else if i == 0 || !flags[i - 1] {
                out += Secret.maskText
            }
        }
        return out
    }

    /// `masked` for text that is then cut to `columns` columns: only the part that can
    /// show is searched (with enough after it to find a run that starts there), so a
    /// 100,000-character status message costs what its first line costs.
    func masked(_ text: String, columns: Int) -> String {
        guard !isEmpty else { return text }
        // A run shows as the short mask: where one left the columns unfilled, more is read
        // (past the longest run searched for) to fill them.
        for reach in [columns + Self.run, columns + Self.run + Self.searchedLength] {
            let (head, complete) = FieldText.prefix(of: text, columns: reach)
            if complete { return masked(text) }
            let shown = masked(String(head))
            if DisplayWidth.of(shown) > columns { return shown }
            if reach > columns + Self.run { return shown + "…" }  // runs longer than that: the text goes on
        }
        return text
    }

    // A polynomial hash over the characters' hash values, rolled one character at a time.
    private static let base = 1_000_003
    private static let topPower: Int = (1..<run).reduce(1) { power, _ in power &* base }

    private static func code(_ c: Character) -> Int { Int(c.unicodeScalars.first!.value) }

    private static func hash(_ codes: ArraySlice<Int>) -> Int {
        codes.reduce(0) { $0 &* base &+ $1 }
    }

    private static func roll(_ hash: Int, out: Int, in new: Int) -> Int {
        (hash &- out &* topPower) &* base &+ new
    }
}
