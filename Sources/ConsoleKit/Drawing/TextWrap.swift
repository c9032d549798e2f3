/// Word wrapping by display width, for help text, findings and messages.
enum TextWrap {
    /// Wraps one paragraph at spaces; a word longer than a line is split. A leading
    /// indent is kept on every line (a hanging indent for list items in help text).
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let indentCount = text.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: indentCount < width / 2 ? indentCount : 0)
        var lines: [String] = []
        var line = indent, lineWidth = indent.count, lineHasWord = false
        func flush() { lines.append(line); line = indent; lineWidth = indent.count; lineHasWord = false }
        for word in text.split(separator: " ") {
            // The word's width is measured once and kept up to date as parts are split
            // off: measuring the rest again for each line made a long word quadratic.
            var w = word, wordWidth = DisplayWidth.of(word)
            if lineHasWord && lineWidth + 1 + wordWidth > width { flush() }
            if lineHasWord { line += " "; lineWidth += 1 }
            while lineWidth + wordWidth > width {
                var end = w.startIndex, partWidth = 0
                while end < w.endIndex, lineWidth + partWidth + DisplayWidth.of(w[end]) <= width {
                    partWidth += DisplayWidth.of(w[end]); end = w.index(after: end)
                }
                if end == w.startIndex && !lineHasWord && end < w.endIndex {
                    partWidth = DisplayWidth.of(w[end]); end = w.index(after: end)
                }
                // `append(contentsOf:)` takes a Substring as it is; `+=` would go through
                // the generic append, which looks up Substring's conformances at run time.
                line.append(contentsOf: w[..<end])
                w = w[end...]
                wordWidth -= partWidth
                flush()
            }
            if !w.isEmpty { line.append(contentsOf: w); lineWidth += wordWidth; lineHasWord = true }
        }
        if lineHasWord || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts text to `width` columns, ending in "…" when something was cut. Reads the
    /// text only as far as `width` columns: a value may hold 100,000 characters.
    static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var beforeEllipsis = text.startIndex  // the end of what fits in width - 1 columns
        for i in text.indices {
            used += DisplayWidth.of(text[i])
            if used > width { return String(text[..<beforeEllipsis]) + "…" }
            if used <= width - 1 { beforeEllipsis = text.index(after: i) }
        }
        return text
    }
}
