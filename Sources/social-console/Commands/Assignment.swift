import SettingsKit

/// One KEY=VALUE from the command line, checked against the field table.
enum Assignment {
    /// Why an assignment is refused; the message never holds the value of a secret.
    struct Refusal: Error { let message: String }

    static func parse(_ text: String) -> Result<(String, JSONValue?), Refusal> {
        guard let eq = text.firstIndex(of: "=") else {
            // Never echo the text: it may be a secret given by mistake.
            return refuse("expected KEY=VALUE, got an argument without '='")
        }
        let key = String(text[..<eq])
        let raw = String(text[text.index(after: eq)...])
        if key == Fields.secretKey {
            return refuse(
                "the client secret is never taken from the command line (other users could see it in the process list and shell history); use --client-secret-stdin"
            )
        }
        guard let field = Fields.field(key) else {
            let shownKey = key.count > 60 ? String(key.prefix(60)) + "…" : key
            let keys = Fields.all.filter { !$0.isSecret }.map(\.key)
            let guess = nearestKey(to: key, in: keys).map { "did you mean \"\($0)\"? " } ?? ""
            return refuse("unknown key \"\(shownKey)\"; \(guess)valid keys: \(keys.joined(separator: ", "))")
        }
        // Read as the console and plain mode read typed text; the refusal names the key
        // and what it takes, never the value (it may be a secret given by mistake).
        switch field.parse(raw) {
        case .success(let value): return .success((key, value))
        case .failure(let error): return refuse("\(key): \(error.message)")
        }
    }

    /// The valid key a mistyped one most likely meant: within a few edits of the whole key,
    /// or with the same last part ("name" → "instance.name", "Status" → "….status").
    static func nearestKey(to key: String, in keys: [String]) -> String? {
        guard key.count <= 80 else { return nil }
        if let near = EditDistance.nearest(to: key, in: keys, limit: max(2, key.count / 4)) { return near }
        func lastName(_ key: String) -> String { DottedKey.names(of: key).last?.lowercased() ?? "" }
        let last = lastName(key)
        return keys.first { lastName($0) == last } ?? keys.first { EditDistance.between(last, lastName($0)) <= 2 }
    }

    static func refuse(_ message: String) -> Result<(String, JSONValue?), Refusal> { .failure(Refusal(message: message)) }
}
