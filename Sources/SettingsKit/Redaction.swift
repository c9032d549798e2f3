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
    /// The settings with the secret replaced by its mask, for `show`, `diff` and descriptions.
    public static func redacted(_ settings: Settings) -> Settings {
        guard let secret = settings.text(Fields.secretKey) else { return settings }
        var copy = settings
        copy.setText(Fields.secretKey, Secret.mask(secret))
        return copy
    }
}
