/// The last net at an output sink: the secrets a writer must never pass on, looked for in
/// every form a writer may have given them, as they are and as a JSON string writes them
/// (a secret holding `"`, `\` or a control character is escaped there). Values are masked
/// where they are formatted (`Secret.redacted`, `Change.shown`, the rules' messages); a
/// sink (the command line's `Output`, each audited file's text) passes everything through
/// this as well, so a value that a new writer forgot to mask is still masked.
public struct SecretFilter: Sendable {
    private var patterns: [[UInt8]] = []

    public init(_ secrets: [String] = []) { add(secrets) }

    public var isEmpty: Bool { patterns.isEmpty }

    /// Also masks these (each long enough to search for: `Secret.patterns`).
    public mutating func add(_ secrets: [String]) {
        for secret in secrets where !secret.isEmpty {
            for raw in Secret.patterns([secret]) {
                var escaped = ""
                JSONWriter.writeString(String(decoding: raw, as: UTF8.self), into: &escaped)
                for form in [raw, Array(escaped.utf8.dropFirst().dropLast())] where !patterns.contains(form) { patterns.append(form) }
            }
        }
    }

    /// `text` with every form of every secret replaced by the mask.
    public func scrub(_ text: String) -> String {
        patterns.isEmpty ? text : Secret.scrub(text, patterns: patterns)
    }
}
