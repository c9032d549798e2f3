import SettingsKit

/// The value a finding points into and a caret under the character it names
/// (`Finding.mark`: the `-` of `oauth-callback`), drawn under the finding's message.
enum CaretLine {
    /// Two lines of at most `width` columns; the value's start is cut ("…") to keep the
    /// caret in view. None for a value that is masked or holds characters not drawn as they
    /// are (the caret would stand under the wrong one).
    static func lines(_ mark: Finding.Mark, mask: SecretMask, width: Int) -> [String] {
        let text = mark.text
        guard width > 8, mask.masked(text) == text,
            !text.unicodeScalars.contains(where: { $0.isHiddenFromDisplay || $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) })
        else { return [] }
        // The character that holds the marked scalar (a combining mark belongs to the one before).
        let characters = Array(text)
        var at = 0, scalars = 0
        while at < characters.count, scalars + characters[at].unicodeScalars.count <= mark.offset {
            scalars += characters[at].unicodeScalars.count
            at += 1
        }
        var start = 0
        while start < at, DisplayWidth.of(String(characters[start..<at])) > width - 8 { start += 1 }
        let lead = start > 0 ? "…" : ""
        let column = DisplayWidth.of(lead) + DisplayWidth.of(String(characters[start..<at]))
        return [TextWrap.truncate(lead + String(characters[start...]), width: width), String(repeating: " ", count: column) + "^"]
    }
}
