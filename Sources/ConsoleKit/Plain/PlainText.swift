import SettingsKit

/// How plain mode's text reaches a screen reader, a serial console or a log: lines of
/// printable characters, nothing a terminal acts on. Values from the file may hold
/// escape sequences or other control characters; they are shown as visible `\u001b`
/// escapes, as the other commands show them. Without a UTF-8 locale the program's own
/// glyphs become ASCII and any other non-ASCII character a `\u` escape, so nothing is
/// printed that the terminal would show as garbage.
public enum PlainText {
    /// The program's glyphs and their ASCII stand-ins.
    static let glyphs: [Unicode.Scalar: String] = [
        "›": ">", "→": "->", "✗": "x", "✓": "v", "·": "-", "•": "*", "…": "...",
    ]

    /// `text` made safe to print; line breaks are kept (they separate plain mode's lines).
    public static func safe(_ text: String, ascii: Bool) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out.append("\n")
            } else if isControl(scalar) {
                out += escape(scalar)
            } else if ascii && !scalar.isASCII {
                out += glyphs[scalar] ?? escape(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// C0 controls (tab included: a screen reader says nothing for it), DEL, C1 controls
    /// (U+009B acts as ESC [ on some terminals), the bidi controls (they reorder what
    /// follows), and the line and paragraph separators, zero-width space and BOM (they
    /// break or hide text).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.isBidiControlCharacter
            || [0x2028, 0x2029, 0x200B, 0xFEFF].contains(s.value)
    }

    static func escape(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Whether a typed answer holds a character that no setting should: the console
    /// cannot type them either (its key decoder drops control codes).
    static func holdsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
