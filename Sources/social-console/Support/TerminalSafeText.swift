import SettingsKit

/// Text from files nobody checked reaches the terminal through `show`, `audit`, `set` and
/// error messages: a name holding ESC sequences could clear the screen, retitle the window
/// or hide lines from the person auditing it (`ESC [8m` conceals, `ESC [30;40m` paints
/// black on black), and a line feed in a value could print a whole line of its own (a
/// fake "ready for production"). Every control character is therefore shown as a
/// visible escape (`\u001b`, valid inside JSON strings too), line feeds and tabs
/// included, and so are the invisible characters that could make two values look alike:
/// the text is one line, and the program's own line breaks are only those between lines.
///
/// Only this program's own styling reaches the terminal: `style(_:)` writes it with a
/// marker that holds a random number drawn at start-up, which no file can know, and
/// `sanitized` turns only those markers into escape sequences, after escaping everything
/// else. An ESC sequence in a value is escaped like any control, colour on or off.
enum TerminalSafeText {
    /// U+FDD0 (a noncharacter) and 16 random hex digits, then the SGR parameters and "m".
    static let marker: [Unicode.Scalar] = {
        var g = SystemRandomNumberGenerator()
        let digits = String(UInt64.random(in: 0...UInt64.max, using: &g), radix: 16)
        return [Unicode.Scalar(UInt32(0xFDD0))!] + Array((String(repeating: "0", count: 16 - digits.count) + digits).unicodeScalars)
    }()

    /// The program's styling `sgr` (e.g. "1" for bold) around `text`, as markers.
    static func style(_ text: String, _ sgr: String) -> String {
        let open = String(String.UnicodeScalarView(marker))
        return open + sgr + "m" + text + open + "0m"
    }

    static func sanitized(_ text: String, keepingColour: Bool) -> String {
        // Most lines are printable ASCII: nothing to change, nothing to copy.
        if text.utf8.isPrintableASCII { return text }
        let markerStart = marker[0]
        return text.rewritingScalars { scalars, i in
            let s = scalars[i]
            if s.value >= 0x20 && s.value < 0x7F { return nil }  // printable ASCII, the most of it
            if s == markerStart, let end = styleEnd(scalars, from: i) {
                let style = keepingColour ? "\u{1B}[" + String(scalars[scalars.index(i, offsetBy: marker.count)...end]) : ""
                return (style, scalars.index(after: end))
            }
            return s.isHiddenFromDisplay ? (s.displayEscape, scalars.index(after: i)) : nil
        }
    }

    /// The index of the final `m` when one of our style markers starts at `start`.
    static func styleEnd(_ scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index? {
        var j = start
        for expected in marker {
            guard j < scalars.endIndex, scalars[j] == expected else { return nil }
            j = scalars.index(after: j)
        }
        while j < scalars.endIndex, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j = scalars.index(after: j) }
        return j < scalars.endIndex && scalars[j] == "m" ? j : nil
    }
}
