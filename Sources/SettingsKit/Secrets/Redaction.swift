/// How the client secret is shown: never in clear. At most its last 4 characters, and
/// only when it is long enough that 4 characters give nothing useful away.
public enum Secret {
    public static let bullet: Character = "•"

    /// "••••••••wxyz" for a long secret, "•••••• (set)"-style bullets only for a short one.
    public static func mask(_ secret: String) -> String {
        let count = secret.count
        if count >= 16 {
            return String(repeating: bullet, count: 8) + String(secret.suffix(4))
        }
        return String(repeating: bullet, count: 8)
    }
}

public enum Redaction {
    /// Shorter secrets are not searched for inside other values: a 3-letter "secret" would
    /// mask half the file. SPEC's secrets are far longer.
    public static let minimumSearchLength = 8

    /// The settings with the secret replaced by its mask, for `show`, `diff` and descriptions.
    /// Masked too: any key named like a secret anywhere (an old tool's "client_secret"), and
    /// any text holding the secret's value (pasted into the Client ID, or into a note).
    public static func redacted(_ settings: Settings) -> Settings {
        let secrets = settings.text(Fields.secretKey).map { [$0] } ?? []
        guard case .object(let root) = redact(.object(settings.root), path: "", secrets: secrets) else { return settings }
        return Settings(root: root)
    }

    /// connection.clientSecret, or any key whose last part names a secret.
    public static func isSecretKey(_ dottedKey: String) -> Bool {
        if dottedKey == Fields.secretKey { return true }
        let last = dottedKey.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return last.contains("secret")
    }

    /// Whether a value holds one of `secrets` (long enough to search for) anywhere in it.
    public static func holdsSecret(_ value: JSONValue, _ secrets: [String]) -> Bool {
        let searched = secrets.filter { $0.count >= minimumSearchLength }
        guard !searched.isEmpty else { return false }
        switch value {
        // By bytes: a character-wise search misses the secret when a combining mark follows it.
        case .string(let s): return searched.contains { s.containsBytes(of: $0) }
        case .array(let items): return items.contains { holdsSecret($0, searched) }
        case .object(let object): return object.contains { key, child in searched.contains { key.containsBytes(of: $0) } || holdsSecret(child, searched) }
        default: return false
        }
    }

    /// Recursion is bounded: loaded documents nest at most JSONParser.maxDepth levels.
    static func redact(_ value: JSONValue, path: String, secrets: [String]) -> JSONValue {
        switch value {
        case .string(let s):
            return isSecretKey(path) || holdsSecret(value, secrets) ? .string(Secret.mask(s)) : value
        case .array(let items):
            return .array(items.map { redact($0, path: path, secrets: secrets) })
        case .object(let object):
            var out = JSONObject()
            // A masked key may meet another; a lookup per key would be quadratic. By bytes:
            // "é" and "e\u{301}" are two keys, both shown.
            var shown = Set<ByteString>()
            for (key, child) in object {
                let shownKey = holdsSecret(.string(key), secrets) ? Secret.mask(key) : key
                let childPath = path.isEmpty ? key : path + "." + key
                if shown.insert(ByteString(shownKey)).inserted { out.appendUnchecked(shownKey, redact(child, path: childPath, secrets: secrets)) }
            }
            return .object(out)
        default:
            return value
        }
    }
}
