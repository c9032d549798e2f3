/// How a change is written, once for every writer: the text line (`set`, `history`, `diff`,
/// the console, plain mode) and the JSON object (the history file, `history --format json`,
/// `diff --format json`). Both start from `shown`, so none of them can mask less.
extension Change {
    /// A side's value as it may be written: every value under a secret-named key inside it
    /// masked, whatever it is (a number, a string too short to search for), and every
    /// string, number or key holding one of the secrets (this change's and `secrets`)
    /// masked whole, before anything is formatted or escaped.
    public func shown(_ value: JSONValue, secrets: [String] = []) -> JSONValue {
        Secret.hidingSecretKeys(value, at: path, patterns: patterns(adding: secrets))
    }

    /// The key as it may be written (`shownKey`, and masked of `secrets` too).
    public func shownKey(secrets: [String] = []) -> String {
        secrets.isEmpty ? shownKey : Secret.scrub(shownKey, secrets: secrets)
    }

    /// "key: old → new", values as compact JSON, a missing one as `missing`; a secret
    /// change as "key: changed" (`secretWord`). Where the locale is not UTF-8, the writers
    /// turn "→" into "->" with the rest of their glyphs (`AsciiStandIns`).
    public func line(
        secrets: [String] = [], missing: String = "(not set)", secretWord: String = "changed",
        style: (String) -> String = { $0 }
    ) -> String {
        let key = shownKey(secrets: secrets)
        if isSecret { return "\(key): \(secretWord)" }
        func text(_ value: JSONValue?) -> String {
            guard let value, value != .null else { return style(missing) }
            return JSONWriter.compact(shown(value, secrets: secrets))
        }
        return "\(key): \(text(old)) → \(text(new))"
    }

    /// `{"key": …, "old": …, "new": …}` as the history file holds a change, a missing side
    /// as null; a secret change as `{"key": …, "secret": "changed"}` (`secretWord`). `diff`
    /// names the sides "a" and "b" and leaves a missing one out (`missingAsNull: false`).
    public func json(
        secrets: [String] = [], sides: (old: String, new: String) = ("old", "new"), missingAsNull: Bool = true,
        secretWord: String = "changed"
    ) -> JSONValue {
        var o = JSONObject([("key", .string(shownKey(secrets: secrets)))])
        if isSecret {
            o["secret"] = .string(secretWord)
            return .object(o)
        }
        for (name, value) in [(sides.old, old), (sides.new, new)] {
            if let value { o[name] = shown(value, secrets: secrets) } else if missingAsNull { o[name] = .null }
        }
        return .object(o)
    }

    private func patterns(adding secrets: [String]) -> [[UInt8]] {
        guard !secrets.isEmpty else { return patterns }
        var all = patterns
        for pattern in Secret.patterns(secrets) where !all.contains(pattern) { all.append(pattern) }
        return all
    }
}
