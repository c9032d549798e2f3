/// Word wrapping by display width, for help text, findings and messages.
public enum TextWrap {
    /// Wraps one paragraph at spaces; a word longer than a line is split. A leading
    /// indent is kept on every line (a hanging indent for list items in help text).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let indentCount = text.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount < width / 2 ? indentCount : 0)
        var lines: [String] = []
        var line = indent, lineWidth = indent.count, lineHasWord = false
        func flush() { lines.append(line); line = indent; lineWidth = indent.count; lineHasWord = false }
        for word in text.split(separator: " ") {
            var w = word
            // The rest of the word's width, kept up to date rather than measured again for
            // each line it is split over: a long pasted value wraps in linear time.
            var wordWidth = DisplayWidth.of(w)
            if lineHasWord && lineWidth + 1 + wordWidth > width { flush() }
            if lineHasWord { line += " "; lineWidth += 1 }
            while lineWidth + wordWidth > width {
                var part = "", partWidth = 0
                while let c = w.first, lineWidth + partWidth + DisplayWidth.of(c) <= width {
                    part.append(c); partWidth += DisplayWidth.of(c); w = w.dropFirst()
                }
                if part.isEmpty && !lineHasWord, let c = w.first { part.append(c); partWidth += DisplayWidth.of(c); w = w.dropFirst() }
                wordWidth -= partWidth
                line += part
                flush()
            }
            if !w.isEmpty { line += w; lineWidth += wordWidth; lineHasWord = true }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts text to `width` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var w = 0
        for c in text {
            let cw = DisplayWidth.of(c)
            if w + cw > width - 1 { break }
            out.append(c)
            w += cw
        }
        return out + "…"
    }
}
