/// Text typed or pasted for a field, as its value: the one reading `set` (KEY=VALUE),
/// the console and plain mode all use, so a value one of them takes the others take too.
///
/// Text is taken exactly as typed; empty text is no value (the key removed), except for a
/// list, where it is the empty list. A list is values separated by commas or spaces. A
/// toggle is true or false (yes, no, y, n) in any case. A choice is its stored value or
/// its shown name, whole or by a beginning no other choice shares ("dev", "prod", "shar"),
/// in any case, with spaces, "-" or "_" between words ("Not sharing", "not-sh").
extension Field {
    /// Why text is not a value of the field. It never quotes the text: that may be the
    /// secret, pasted or typed into the wrong field by mistake.
    public struct InputError: Error, Equatable, Sendable {
        public let message: String
        init(_ message: String) { self.message = message }
    }

    public func parse(_ text: String) -> Result<JSONValue?, InputError> {
        switch kind {
        case .text:
            return .success(text.isEmpty ? nil : .string(text))
        case .list:
            return .success(.array(TextInput.splitList(text).map(JSONValue.string)))
        case .toggle:
            if FieldInput.folded(text).isEmpty { return .success(nil) }
            guard let yes = FieldInput.yesOrNo(text) else { return .failure(InputError("expected true or false (or yes, no)")) }
            return .success(.bool(yes))
        case .choice:
            if FieldInput.folded(text).isEmpty { return .success(nil) }
            return choice(named: text).map { .string($0) }
        }
    }

    /// The choice `text` names (see the extension's notes), or why it names none or more
    /// than one.
    public func choice(named text: String) -> Result<String, InputError> {
        let typed = FieldInput.folded(text)
        let all = choices.map { (value: $0.value, forms: [FieldInput.folded($0.value), FieldInput.folded($0.name)]) }
        if let whole = all.first(where: { $0.forms.contains(typed) }) { return .success(whole.value) }
        let starting = typed.isEmpty ? [] : all.filter { $0.forms.contains { $0.hasPrefix(typed) } }.map(\.value)
        if starting.count == 1 { return .success(starting[0]) }
        if starting.count > 1 { return .failure(InputError("more than one choice starts so: type more of \(starting.joined(separator: " or "))")) }
        return .failure(InputError("expected \(choices.map(\.value).joined(separator: " or ")) (or their first letters)"))
    }
}

/// The folding rule of typed answers, once.
public enum FieldInput {
    /// A yes or a no in words: a toggle's value, plain mode's answer to the redirect-URI
    /// action. Nil for anything else.
    public static func yesOrNo(_ text: String) -> Bool? {
        switch folded(text) {
        case "true", "yes", "y": return true
        case "false", "no", "n": return false
        default: return nil
        }
    }

    /// Trimmed, ASCII letters in lower case, spaces and "-" as "_": "Not sharing" and
    /// "not-sharing" read as "not_sharing".
    static func folded(_ text: String) -> String {
        String(
            decoding: text.trimmingWhitespace.utf8.map { b -> UInt8 in
                if (0x41...0x5A).contains(b) { return b + 0x20 }
                return b == 0x20 || b == 0x2D ? 0x5F : b
            }, as: UTF8.self)
    }
}
