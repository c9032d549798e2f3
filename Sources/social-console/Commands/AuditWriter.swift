import SettingsKit

/// How `audit` writes one format: each file's part is made on the thread that judged it
/// (`render`, so the work is shared), then the parts are written in turn (`part`), between
/// a start and an end that knows the totals.
protocol AuditWriter: Sendable {
    /// The file's part, or "" for nothing. Runs on the worker threads, several at once.
    func render(_ entry: AuditEntry) -> String
    /// What comes before the first part.
    var start: String { get }
    /// Writes a part, in turn (never two at once), through `write`.
    mutating func part(_ text: String, to write: (String) -> Void)
    /// What comes after the last part.
    func end(_ summary: AuditSummary) -> String
    /// How many paths per finding code `end` prints (`AuditSummary(keepingPaths:)`).
    var pathsPerCode: Int { get }
}

extension AuditWriter {
    var start: String { "" }
    var pathsPerCode: Int { 0 }
}

/// `--format json` and `jsonl`: the audit document of SettingsKit.
struct AuditJSON: AuditWriter {
    var document: AuditDocument

    func render(_ entry: AuditEntry) -> String { entry.compactJSON }
    var start: String { document.start }
    // Every file under each code: the one part of the output that grows with the fleet.
    var pathsPerCode: Int { document.byCode ? Int.max : 0 }
    mutating func part(_ text: String, to write: (String) -> Void) { document.entry(text, to: write) }
    func end(_ summary: AuditSummary) -> String { document.end(summary) }
}

/// `-q`: the exit status only.
struct AuditQuiet: AuditWriter {
    func render(_ entry: AuditEntry) -> String { "" }
    func part(_ text: String, to write: (String) -> Void) {}
    func end(_ summary: AuditSummary) -> String { "" }
}
