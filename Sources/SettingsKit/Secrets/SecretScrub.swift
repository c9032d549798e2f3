extension Secret {
    /// `text` with every occurrence of any of `secrets` masked: a last guard for output
    /// that quotes values a person may have pasted a secret into by mistake (a URL field,
    /// a note, a hand-edited history line). Secrets shorter than
    /// `Redaction.minimumSearchLength` are left alone, as masking them would garble
    /// ordinary text; `show`, `diff` and the screen use the same length, so all of them
    /// mask the same secrets. Matches bytes, so it is cheap enough to run on every
    /// finding of every file `audit` reads.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var out = text
        for secret in secrets where secret.count >= Redaction.minimumSearchLength && out.utf8.count >= secret.utf8.count {
            out = replacing(secret, in: out, with: String(repeating: bullet, count: 8))
        }
        return out
    }

    private static func replacing(_ target: String, in text: String, with replacement: String) -> String {
        let bytes = Array(text.utf8), pattern = Array(target.utf8)
        var out: [UInt8] = []
        var i = 0, copied = 0
        while i + pattern.count <= bytes.count {
            if bytes[i] == pattern[0] && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                out += bytes[copied..<i]
                out += replacement.utf8
                i += pattern.count
                copied = i
            } else {
                i += 1
            }
        }
        if copied == 0 { return text }
        out += bytes[copied...]
        return String(decoding: out, as: UTF8.self)
    }
}
