import SettingsKit

/// How plain mode's text reaches a screen reader, a serial console or a log: lines of
/// printable characters, nothing a terminal acts on. Values from the file may hold
/// escape sequences or other control characters; they are shown as visible `\u001b`
/// escapes, as the other commands show them. Without a UTF-8 locale the program's own
/// glyphs become ASCII and any other non-ASCII character a `\u` escape, so nothing is
/// printed that the terminal would show as garbage.
public enum PlainText {
    /// One line of text made safe to print: a line break or tab in it (from a file) is
    /// escaped like every other control (a screen reader says nothing for a tab, and a
    /// line feed could forge a question); plain mode's own line breaks come between lines.
    public static func safe(_ text: String, ascii: Bool) -> String {
        if text.utf8.isPrintableASCII { return text }
        return text.rewritingScalars { scalars, i in
            let scalar = scalars[i], next = scalars.index(after: i)
            if scalar.isHiddenFromDisplay { return (scalar.displayEscape, next) }
            if ascii && !scalar.isASCII { return (AsciiStandIns.text[scalar] ?? scalar.displayEscape, next) }
            return nil
        }
    }

    /// Whether a typed answer holds a character that no setting should: the console
    /// cannot type them either (its key decoder drops control codes).
    static func holdsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
