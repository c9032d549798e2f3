import SettingsKit

/// Text from files nobody checked reaches the terminal through `show`, `audit`, `set` and
/// error messages: a name holding ESC sequences could clear the screen, retitle the window
/// or hide lines from the person auditing it (`ESC [8m` conceals, `ESC [30;40m` paints
/// black on black). Every control character is therefore shown as a visible escape
/// (`\u001b`, valid inside JSON strings too), except line breaks and tabs, and so are the
/// invisible characters that could make two values look alike.
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
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A || $0 == 0x09 }) { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == marker[0], let end = styleEnd(scalars, from: i) {
                if keepingColour {
                    out.append("\u{1B}")
                    out.append("[")
                    out.append(contentsOf: scalars[(i + marker.count)...end])
                }
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

    /// What `isHiddenFromDisplay` names, but line break and tab, which text output keeps.
    static func isControl(_ s: Unicode.Scalar) -> Bool { s.isHiddenFromDisplay && s != "\n" && s != "\t" }

    static func visible(_ s: Unicode.Scalar) -> String { s.displayEscape }

    /// The index of the final `m` when one of our style markers starts at `start`.
    static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard scalars.count - start > marker.count, scalars[start..<(start + marker.count)].elementsEqual(marker) else { return nil }
        var j = start + marker.count
        while j < scalars.count, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j += 1 }
        return j < scalars.count && scalars[j] == "m" ? j : nil
    }
}
