import SettingsKit

/// Shell completion of `set`'s KEY=VALUE words: the keys of the field table (with `=`),
/// then the values a toggle or choice takes. The secret is not offered: it is never
/// taken from the command line.
enum SetCompletion {
    /// How the completion scripts ask: `social-console --complete-assignment INDEX PREFIX --
    /// WORD...` (the shell's words, the program's first), candidates one a line.
    static let argument = "--complete-assignment"

    /// The candidates for a hidden command line (`HiddenArgument`); nil when it is not one.
    static func candidates(_ arguments: [String]) -> [String]? {
        guard arguments.count >= 4, arguments[3] == "--", let index = Int(arguments[1]) else { return nil }
        return complete(Array(arguments.dropFirst(4)), index, arguments[2])
    }

    /// - Parameters: the shell's words, the index of the word being completed, and the
    ///   part of it before the cursor. bash splits `key=value` into `key`, `=`, `value`;
    ///   zsh and fish keep it one word: both are understood.
    static func complete(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        if index >= 1, index < words.count + 1 {
            let before = index - 1 < words.count ? words[index - 1] : ""
            if prefix == "=" || (index < words.count && words[index] == "=") {
                // bash, cursor right after `key=`: the word is "=" itself.
                return values(for: before)
            }
            if before == "=", index >= 2 {
                return values(for: words[index - 2]).filter { $0.hasPrefix(prefix) }
            }
        }
        if let eq = prefix.firstIndex(of: "=") {
            // bash, which quotes what it fills in as a file name, may have written `key\=`.
            var key = String(prefix[..<eq])
            if key.hasSuffix("\\") { key.removeLast() }
            let typed = prefix[prefix.index(after: eq)...]
            return values(for: key).filter { $0.hasPrefix(typed) }.map { key + "=" + $0 }
        }
        // A key whose values are known is offered with each of them: the shell then fills
        // in the common part, `key=`, without the space it puts after a single candidate,
        // and lists the values.
        return keys.filter { $0.hasPrefix(prefix) }.flatMap { key in
            let known = values(for: key)
            return known.isEmpty ? [key + "="] : known.map { key + "=" + $0 }
        }
    }

    static var keys: [String] { Fields.all.filter { !$0.isSecret }.map(\.key) }

    static func values(for key: String) -> [String] {
        switch Fields.field(key)?.kind {
        case .choice(let values)?: return values
        case .toggle?: return ["true", "false"]
        default: return []
        }
    }
}
