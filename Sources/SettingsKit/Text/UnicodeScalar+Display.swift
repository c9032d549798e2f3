extension Unicode.Scalar {
    /// Unicode's Bidi_Control characters (U+061C, U+200E, U+200F, U+202A to U+202E,
    /// U+2066 to U+2069): in a terminal that lays out right-to-left text they reorder what
    /// follows, so a value could pass for another. Checked by range: the set is fixed by
    /// Unicode, and `properties.isBidiControl` costs more than all the rest of the checks
    /// on every character of a fleet's text output.
    public var isBidiControlCharacter: Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR, U+FEFF (byte order mark, zero
    /// width no-break space) and U+200B ZERO WIDTH SPACE: invisible, or a line break to
    /// some viewers, so output escapes them like the controls; a value holding one would
    /// otherwise look like another, or split a JSON line for a JavaScript reader.
    public var isInvisibleSeparator: Bool {
        switch value {
        case 0x2028, 0x2029, 0xFEFF, 0x200B: return true
        default: return false
        }
    }
}

extension Unicode.Scalar {
    /// What no output of the program shows as it is: C0 controls, DEL, the C1 controls
    /// (some terminals act on U+009B as on ESC [), the bidi controls and the invisible
    /// separators. Line feed and tab too: text from a file is shown on the line it is
    /// printed on (a line feed in a value could forge a line of output); a writer's own
    /// line breaks come between the lines it writes, and JSON writes `\n` and `\t`.
    /// And a byte of a file name that is not UTF-8 (`SystemPath`).
    public var isHiddenFromDisplay: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControlCharacter || isInvisibleSeparator
            || SystemPath.isByte(self)
    }

    /// `\u202e`: how text output shows a character it will not print as it is; `\xff` for a
    /// byte of a file name that is not UTF-8.
    public var displayEscape: String {
        if SystemPath.isByte(self) { return "\\x" + hex(value - SystemPath.byteBase, digits: 2) }
        return unicodeEscape
    }

    /// `\u202e`, as JSON writes a character (a name's byte too: JSON holds only text).
    public var unicodeEscape: String { "\\u" + hex(value, digits: 4) }

    private func hex(_ n: UInt32, digits: Int) -> String {
        let text = String(n, radix: 16)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
