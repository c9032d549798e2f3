/// Typed reads of settings by dotted key, for whatever can look a key up: the settings
/// themselves, or a rule's input that looked the known keys up once.
public protocol SettingsReading {
    func value(_ key: String) -> JSONValue?
}

extension SettingsReading {
    public func text(_ key: String) -> String? { value(key)?.stringValue }
    public func flag(_ key: String) -> Bool? { value(key)?.boolValue }
    public func list(_ key: String) -> [String]? { value(key)?.textItems }

    /// A text value with surrounding white space removed, or nil when it is missing or blank.
    public func filled(_ key: String) -> String? {
        guard let s = text(key) else { return nil }
        let trimmed = s.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}
