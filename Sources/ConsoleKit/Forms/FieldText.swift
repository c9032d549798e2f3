import SettingsKit

/// A one-line text value drawn into a field. The work grows with the field's width, not
/// with the value: a value loaded from a file or pasted may hold 100,000 characters and a
/// frame is drawn on every key, so only the characters around what is shown are read.
enum FieldText {
    /// Which characters are drawn as the mask instead of themselves.
    enum Masking {
        case none
        /// The secret field: the whole value.
        case all
        /// Any other field: the runs of characters that are part of the secret.
        case secret(SecretMask)
    }

    /// A value that is not being edited: from its start, as much as fits in `width`
    /// columns, ending in "…" when cut. Returns whether it shows part of the secret masked.
    @discardableResult
    static func drawValue(_ text: String, masking: Masking, x: Int, y: Int, width: Int, style: Style, into buffer: inout CellBuffer) -> Bool {
        guard width > 0 else { return false }
        // The secret's runs are found a little past the edge, so one that the edge cuts
        // is still masked up to it; a run shows as the short mask, so where one left the
        // field unfilled, more is read (past the longest run searched for) to fill it.
        var (head, complete) = prefix(of: text, columns: width + SecretMask.run)
        var shown = Shown(head, range: 0..<head.count, masking: masking)
        var drawn = shown.text(0..<head.count)
        if case .secret = masking, !complete, DisplayWidth.of(drawn) <= width {
            (head, complete) = prefix(of: text, columns: width + SecretMask.run + SecretMask.searchedLength)
            shown = Shown(head, range: 0..<head.count, masking: masking)
            drawn = shown.text(0..<head.count)
            // Runs longer than that: the value goes on past what was read.
            if !complete, DisplayWidth.of(drawn) <= width { drawn += "…" }
        }
        buffer.put(TextWrap.truncate(drawn, width: width), x: x, y: y, style: style)
        return shown.masksSecret(from: 0, columns: width)
    }

    /// The characters at the start of `text` that `columns` columns can show, plus enough
    /// after them to tell that the text goes on; `complete` when that is the whole text.
    /// Bullets are one column wide and so are most characters: counting each visible
    /// character as one column is the least any of them can take.
    static func prefix(of text: String, columns: Int) -> (characters: [Character], complete: Bool) {
        var out: [Character] = []
        var least = 0
        for c in text {
            if least > columns { return (out, false) }
            out.append(c)
            if DisplayWidth.of(c) > 0 { least += 1 }
        }
        return (out, true)
    }

    /// A value being edited: the text that ends at the cursor fits in `width - 1` columns
    /// (the last one is the cursor's), then as much after it as fits. Returns the cursor's
    /// column within the field, and whether the field shows part of the secret masked.
    @discardableResult
    static func drawEditing(
        _ characters: [Character], cursor: Int, masking: Masking, x: Int, y: Int, width: Int, style: Style, into buffer: inout CellBuffer
    ) -> (column: Int, showsSecret: Bool) {
        guard width > 0 else { return (0, false) }
        let cursor = max(0, min(cursor, characters.count))
        // Every character the field can show lies within `width` non-blank characters of
        // the cursor; twice that leaves room for zero-width ones. A run of thousands of
        // zero-width characters just shows less text, the cursor still in its place.
        let reach = 2 * width + 1
        let lo = max(0, cursor - reach), hi = min(characters.count, cursor + reach)
        let shown = Shown(characters, range: lo..<hi, masking: masking)
        let (start, column) = window(shown, cursor: cursor, width: width)
        buffer.put(characters: shown.characters(start..<hi), x: x, y: y, style: style, limit: width)
        return (column, shown.masksSecret(from: start, columns: width))
    }

    /// The first character shown and the cursor's column: walking back from the cursor,
    /// adding one character's width at a time, while the text still fits in `width - 1`.
    /// A masked run the walk stops inside starts where it ends: the mask it shows is
    /// drawn only from the run's first character.
    static func window(_ shown: Shown, cursor: Int, width: Int) -> (start: Int, column: Int) {
        var start = cursor, used = 0
        while start > shown.lowerBound {
            let w = shown.width(start - 1)
            if used + w > width - 1 { break }
            used += w
            start -= 1
        }
        while start < cursor, shown.isMasked(start), !shown.startsRun(start) { start += 1 }
        return (start, used)
    }

    /// Part of a value as it is drawn: each character, or where the secret is, the fixed
    /// mask (`Secret.maskText`) once for each run of it, never a bullet per character,
    /// which would show how long it is. The mask is drawn at the run's first character;
    /// the others take no column. Indices are those of the whole value.
    struct Shown {
        let source: ArraySlice<Character>
        /// Whether each character of `source` is masked; nil: none is.
        private let flags: [Bool]?

        /// The characters of `range` as drawn. The secret is searched for a run's length
        /// beyond the range on both sides: a run the range cuts is masked up to the cut.
        init(_ characters: [Character], range: Range<Int>, masking: Masking) {
            source = characters[range]
            switch masking {
            case .none:
                flags = nil
            case .all:
                flags = [Bool](repeating: true, count: range.count)
            case .secret(let mask):
                let context = max(0, range.lowerBound - SecretMask.run + 1)..<min(characters.count, range.upperBound + SecretMask.run - 1)
                flags = Array(mask.flags(characters[context]).dropFirst(range.lowerBound - context.lowerBound).prefix(range.count))
            }
        }

        var lowerBound: Int { source.startIndex }

        func isMasked(_ i: Int) -> Bool { flags?[i - source.startIndex] ?? false }

        /// The first masked character of a run (or of what the range holds of one).
        func startsRun(_ i: Int) -> Bool { isMasked(i) && (i == source.startIndex || !isMasked(i - 1)) }

        /// What character `i` draws: itself, the mask, or nothing.
        func drawn(_ i: Int) -> [Character] {
            guard isMasked(i) else { return [source[i]] }
            return startsRun(i) ? Self.mask : []
        }

        static let mask = Array(Secret.maskText)

        func width(_ i: Int) -> Int {
            guard isMasked(i) else { return DisplayWidth.of(source[i]) }
            return startsRun(i) ? Self.mask.count : 0
        }

        /// Whether any character within `columns` columns from `start` is masked as part
        /// of the secret (not the secret field's own mask): the status line says why.
        func masksSecret(from start: Int, columns: Int) -> Bool {
            guard flags != nil else { return false }
            var used = 0
            for i in start..<source.endIndex {
                used += width(i)
                if used > columns { break }
                if isMasked(i) { return true }
            }
            return false
        }

        /// Lazily: the field reads only what it draws.
        func characters(_ range: Range<Int>) -> LazySequence<FlattenSequence<LazyMapSequence<Range<Int>, [Character]>>> {
            range.lazy.flatMap { drawn($0) }
        }

        /// The characters of `range` as drawn, as one String, appended one by one:
        /// `String(sequence)` is the standard library's generic initializer, which looks
        /// up the sequence's conformances at run time on first use.
        func text(_ range: Range<Int>) -> String {
            var text = ""
            for i in range {
                for character in drawn(i) { text.append(character) }
            }
            return text
        }
    }
}

extension FieldText.Masking {
    var isAll: Bool {
        if case .all = self { return true }
        return false
    }

    /// How a text row is masked: the secret field whole, any other field where it holds the
    /// secret. The focused field shows in clear only while the operator has revealed it.
    init(_ item: FormItem, focused: Bool, state: ConsoleState, mask: SecretMask) {
        if focused && state.revealSecret {
            self = .none
        } else if item.isSecret {
            self = .all
        } else {
            self = mask.isEmpty ? .none : .secret(mask)
        }
    }
}
