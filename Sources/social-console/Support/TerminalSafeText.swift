import SettingsKit

/// Text from files nobody checked reaches the terminal through `show`, `audit`, `set` and
/// error messages: a name holding ESC sequences could clear the screen, retitle the window
/// or hide lines from the person auditing it. Control characters are therefore shown as
/// visible escapes (`\u001b`, valid inside JSON strings too), except line breaks and tabs, and the colour sequences this
/// program adds itself (SGR: ESC [ digits ; m) when colour is on.
enum TerminalSafeText {
    static func sanitized(_ text: String, keepingColour: Bool) -> String {
        // Most lines are printable ASCII: nothing to change, nothing to copy.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\u{1B}", keepingColour, let end = sgrEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            if isControl(s) {
                out.append(contentsOf: visible(s).unicodeScalars)
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// C0 controls but line break and tab, DEL, the C1 controls (some terminals act on
    /// U+009B as on ESC [), and the bidi controls (U+202E and kin: in a terminal that lays
    /// out right-to-left text they reorder what follows, so a value could pass for another).
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t") || (0x7F...0x9F).contains(s.value) || s.isBidiControlCharacter
    }

    static func visible(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// The index of the final `m` when an SGR sequence starts at `start`.
    static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        guard j < scalars.count, scalars[j] == "[" else { return nil }
        j += 1
        while j < scalars.count, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j += 1 }
        return j < scalars.count && scalars[j] == "m" ? j : nil
    }
}
