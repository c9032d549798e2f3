/// The one place that decides what is secret and how a secret is shown. `show`, `diff`,
/// `set`, `history`, the history file, findings, the recovery messages and the console's
/// screen all ask this type, so none of them can mask less than another.
///
/// - A **secret key** is `connection.clientSecret`, or any key whose last part names a
///   secret (an old tool's `client_secret`, a note's `apiSecret`): its value is never shown.
/// - A **secret value** is one holding the client secret, compared byte for byte: a secret
///   pasted into the Client ID, into a note, used as a key name or as a number.
/// - A secret is searched for only when it is at least `minimumSearchLength` Unicode
///   scalars long: a shorter "secret" would match ordinary text by chance, so it is too
///   short to protect by searching, and `audit` reports it as a blocker instead
///   (`credentials/secret-too-short`). The secret key's own value is masked whatever its
///   length.
public enum Secret {
    public static let bullet: Character = "•"

    /// What stands for a secret, always the same length whatever the secret's.
    public static let maskText = String(repeating: bullet, count: 8)

    /// Below this many Unicode scalars a secret is too short to search for.
    public static let minimumSearchLength = 8

    /// "••••••••wxyz" for a secret of 16 scalars or more, else "••••••••": never the
    /// secret's length, and only the last 4 characters of a secret long enough that they
    /// give nothing useful away.
    public static func mask(_ secret: String) -> String {
        secret.hasScalars(atLeast: 16) ? maskText + String(secret.suffix(4)) : maskText
    }

    /// A pasted word shaped like a credential, where no file's secret is there to compare it
    /// with (the fleet console's filter): one word of at least 24 printable ASCII characters
    /// mixing capitals, small letters and digits, as Atlassian's secrets and Clerk's keys
    /// are; not a path, a file's name or a public Client ID (32 letters and digits,
    /// `Rules.looksLikeClientID`). Atlassian's format is undocumented (FACTS), so this errs
    /// towards masking: a word that only looks like one is masked too.
    public static func looksLikeCredential(_ text: String) -> Bool {
        let word = text.trimmingWhitespace
        let bytes = word.utf8
        guard bytes.count >= 24, bytes.allSatisfy({ (0x21...0x7E).contains($0) }) else { return false }
        guard bytes.contains(where: { (0x41...0x5A).contains($0) }), bytes.contains(where: { (0x61...0x7A).contains($0) }),
            bytes.contains(where: { (0x30...0x39).contains($0) })
        else { return false }
        let pathLike = ["/", "./", "../", "~"].contains { word.hasPrefix($0) } || word.hasSuffix(".json")
        return !pathLike && !Rules.looksLikeClientID(word)
    }

    /// A secret that cannot be searched for (see the type's notes). An empty one is no secret.
    public static func isTooShort(_ secret: String) -> Bool {
        !secret.isEmpty && !secret.hasScalars(atLeast: minimumSearchLength)
    }

    /// `connection.clientSecret`, or any key whose last part names a secret.
    public static func isSecretKey(_ dottedKey: String) -> Bool {
        var key = dottedKey
        return key.withUTF8 { bytes in
            let last = bytes.lastIndex(of: UInt8(ascii: ".")).map { $0 + 1 } ?? 0
            return namesSecret(UnsafeBufferPointer(rebasing: bytes[last...]))
        }
    }

    /// Whether a key's name holds "secret" in any case (`clientSecret`, `client_secret`,
    /// `API_SECRET`): ASCII letters compared without regard to case, no allocation, since
    /// every key of every audited file is asked.
    static func namesSecret(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = (UInt8(ascii: "s"), UInt8(ascii: "e"), UInt8(ascii: "c"), UInt8(ascii: "r"), UInt8(ascii: "e"), UInt8(ascii: "t"))
        guard name.count >= 6 else { return false }
        for i in 0...(name.count - 6) where name[i] | 0x20 == word.0 {
            if name[i + 1] | 0x20 == word.1, name[i + 2] | 0x20 == word.2, name[i + 3] | 0x20 == word.3,
                name[i + 4] | 0x20 == word.4, name[i + 5] | 0x20 == word.5
            {
                return true
            }
        }
        return false
    }

    static func namesSecret(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { namesSecret($0) }
    }

    /// The secrets of documents: the client secret, and the text under any other secret
    /// key (an old tool's `client_secret` is a real secret too), each once. Lists are
    /// looked into as `redacted` does: their text items under a secret key, and the
    /// objects in them.
    public static func values(in settings: Settings...) -> [String] {
        var out: [String] = []
        // A key's last part is the key itself: no dotted path needs building.
        func walk(_ value: JSONValue, underSecretKey: Bool) {
            switch value {
            case .object(let object):
                for (key, child) in object { walk(child, underSecretKey: namesSecret(key)) }
            case .array(let items):
                for item in items { walk(item, underSecretKey: underSecretKey) }
            case .string(let text) where underSecretKey && !text.isEmpty:
                if !out.containsBytes(text) { out.append(text) }
            default:
                break
            }
        }
        for document in settings { walk(.object(document.root), underSecretKey: false) }
        return out
    }

    // MARK: Searching, byte for byte

    /// The byte strings searched for: each secret long enough to search for, and also
    /// without surrounding white space (a secret pasted with spaces around it into another
    /// field, or stored with them), each once.
    public static func patterns(_ secrets: [String]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        for secret in secrets {
            for form in [secret, secret.trimmingWhitespace] where form.hasScalars(atLeast: minimumSearchLength) {
                let bytes = Array(form.utf8)
                if !out.contains(bytes) { out.append(bytes) }
            }
        }
        return out
    }

    /// Whether `text` holds any of `secrets`. Bytes, not characters: a secret followed by
    /// a combining mark is still found, and "é" is not "e" + U+0301.
    public static func isIn(_ text: String, _ secrets: [String]) -> Bool {
        let found = patterns(secrets)
        return !found.isEmpty && contains(text, found)
    }

    /// Whether a value holds one of `secrets` anywhere: in a string, a number's digits,
    /// or an object key, at any depth.
    public static func holds(_ value: JSONValue, _ secrets: [String]) -> Bool {
        let found = patterns(secrets)
        return !found.isEmpty && holds(value, patterns: found)
    }

    static func holds(_ value: JSONValue, patterns: [[UInt8]]) -> Bool {
        switch value {
        case .string(let s), .number(let s): return contains(s, patterns)
        case .array(let items): return items.contains { holds($0, patterns: patterns) }
        case .object(let object):
            return object.contains { key, child in contains(key, patterns) || holds(child, patterns: patterns) }
        default: return false
        }
    }

    static func contains(_ text: String, _ patterns: [[UInt8]]) -> Bool { patterns.contains { text.containsBytes($0) } }

    // MARK: Masking

    /// `text` with every occurrence of any of `secrets` replaced by the mask: for output
    /// that quotes values a person may have pasted a secret into by mistake. Run on values
    /// before they are formatted (quoted, JSON-escaped), never on the formatted text,
    /// where escaping would have hidden a secret holding `"` or `\` from the search.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        let found = patterns(secrets)
        return found.isEmpty ? text : scrub(text, patterns: found)
    }

    static func scrub(_ text: String, patterns: [[UInt8]]) -> String {
        var out = text
        for pattern in patterns {
            var copy = out
            let replaced: [UInt8]? = copy.withUTF8 { bytes in
                guard var at = bytes.firstOffset(of: pattern) else { return nil }
                var result: [UInt8] = []
                var copied = 0
                while true {
                    result += bytes[copied..<at]
                    result += maskText.utf8
                    copied = at + pattern.count
                    guard let next = bytes.firstOffset(of: pattern, from: copied) else { break }
                    at = next
                }
                result += bytes[copied...]
                return result
            }
            if let replaced { out = String(decoding: replaced, as: UTF8.self) }
        }
        return out
    }

    /// The settings as `show` prints them: every value under a secret key replaced by its
    /// mask, and every value, number or key name holding the secret masked whole.
    public static func redacted(_ settings: Settings) -> Settings {
        let found = patterns(values(in: settings))
        guard case .object(let root) = redact(.object(settings.root), underSecretKey: false, lastFour: true, patterns: found) else {
            return settings
        }
        return Settings(root: root)
    }

    /// A value found at `path` (a change's key), as a change may show it: everything under
    /// a secret-named key in it (or under `path` itself) masked whole, whatever it is (a
    /// number, a string too short to search for, a list), without even the last 4
    /// characters; and every string, number or key holding one of `patterns` masked.
    static func hidingSecretKeys(_ value: JSONValue, at path: [String], patterns: [[UInt8]]) -> JSONValue {
        redact(value, underSecretKey: path.last.map { namesSecret($0) } ?? false, lastFour: false, patterns: patterns)
    }

    /// Under a secret key, a string becomes its mask (with its last 4 characters when
    /// `lastFour`, as `show` gives them) and a number the plain mask; so does anything in a
    /// list or object under one. Recursion is bounded: loaded documents nest at most
    /// JSONParser.maxDepth levels.
    static func redact(_ value: JSONValue, underSecretKey: Bool, lastFour: Bool, patterns: [[UInt8]]) -> JSONValue {
        switch value {
        case .string(let s):
            if underSecretKey { return .string(lastFour ? mask(s) : maskText) }
            return contains(s, patterns) ? .string(maskText) : value
        case .number(let n):
            return underSecretKey || contains(n, patterns) ? .string(maskText) : value
        case .array(let items):
            return .array(items.map { redact($0, underSecretKey: underSecretKey, lastFour: lastFour, patterns: patterns) })
        case .object(let object):
            var out = JSONObject()
            var shown = Set<[UInt8]>()  // a masked key may meet another; a lookup per key would be quadratic
            for (key, child) in object {
                let shownKey = contains(key, patterns) ? maskText : key
                let hidden = underSecretKey || namesSecret(key)
                if shown.insert(Array(shownKey.utf8)).inserted {
                    out.appendUnchecked(shownKey, redact(child, underSecretKey: hidden, lastFour: lastFour, patterns: patterns))
                }
            }
            return .object(out)
        default:
            return value
        }
    }
}

extension String {
    /// Whether the text has at least `n` Unicode scalars, without counting them all where
    /// its bytes already tell: at most one scalar per byte, and one per byte in ASCII.
    func hasScalars(atLeast n: Int) -> Bool {
        let bytes = utf8.count
        if bytes < n { return false }
        if isASCII { return true }
        return unicodeScalars.count >= n
    }
}
