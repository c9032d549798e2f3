/// The document `audit --format json|jsonl` prints around its entries, written a piece at a
/// time as entries come (`AuditEntry.compactJSON` writes each):
/// json: `{"files": [entry, entry], "summary": {…}, "byCode": […]}` and a line break;
/// jsonl: one entry a line, then `{"summary": {…}, "byCode": […]}` on the last line.
/// `byCode` only when asked for. Its keys are a published format; a command that reports
/// more about each file (`verify`) writes its own entries into the same document.
public struct AuditDocument: Sendable {
    public let lines: Bool
    public let byCode: Bool
    private var entries = 0

    /// - Parameters:
    ///   - lines: jsonl: a line per entry, as entries are judged.
    ///   - byCode: end with the files per finding code.
    public init(lines: Bool, byCode: Bool) {
        self.lines = lines
        self.byCode = byCode
    }

    /// What comes before the first entry.
    public var start: String { lines ? "" : "{\"files\": [" }

    /// Writes one entry (its JSON, `AuditEntry.compactJSON`) with what goes before or after
    /// it, a piece at a time: an entry is not copied to be joined to its separator.
    public mutating func entry(_ json: String, to write: (String) -> Void) {
        entries += 1
        if !lines && entries > 1 { write(", ") }
        write(json)
        if lines { write("\n") }
    }

    /// What comes after the last entry: the summary (with `more` keys after its own:
    /// `verify`'s checkErrors) and, when asked for, byCode.
    public func end(_ summary: AuditSummary, adding more: [(String, JSONValue)] = []) -> String {
        var json = summary.json
        if case .object(var o) = json, !more.isEmpty {
            for (key, value) in more { o[key] = value }
            json = .object(o)
        }
        var tail = lines ? "{" : "], "
        tail += "\"summary\": " + JSONWriter.compact(json)
        if byCode { tail += ", \"byCode\": " + JSONWriter.compact(summary.byCodeJSON) }
        return tail + "}\n"
    }
}
