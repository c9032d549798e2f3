import SettingsKit

/// `--format sarif`: SARIF 2.1.0, the format code scanning reads (GitHub, GitLab, Azure).
/// One run; the rules are the rule table's and the file errors'; each finding is a result
/// at the line and column of its field's key in the file (line 1 when the file has no
/// such key), each file error a result at the error's line and column.
struct AuditSARIF: AuditWriter {
    let byCode: Bool
    private var results = 0

    init(byCode: Bool) { self.byCode = byCode }

    var pathsPerCode: Int { byCode ? Int.max : 0 }

    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// What a file error means, as a rule.
    static let fileErrors: [(FileError.Code, description: String)] = [
        (.notFound, "The file does not exist."),
        (.unreadable, "The file or folder cannot be read."),
        (.invalidJSON, "The file is not valid JSON."),
        (.schema, "A known key holds a value of the wrong type, or the file is not a settings file."),
        (.unsupportedVersion, "The file's schemaVersion is newer than this program knows."),
    ]

    /// Each rule's place in `rules`, by code: results name it (`ruleIndex`).
    static let ruleIndex: [String: Int] = Dictionary(
        uniqueKeysWithValues: (RuleTable.all.map(\.code) + fileErrors.map(\.0.rawValue)).enumerated().map { ($1, $0) })

    static var rules: [JSONValue] {
        let findings = RuleTable.all.map { rule in
            JSONValue.object(
                JSONObject([
                    ("id", .string(rule.code)),
                    ("shortDescription", text(rule.generalMessage)),
                    ("help", text(rule.generalFix)),
                    ("defaultConfiguration", .object(JSONObject([("level", .string(level(rule.severity)))]))),
                    ("properties", .object(JSONObject([("step", .string(rule.step.rawValue)), ("severity", .string(rule.severity.rawValue))]))),
                ]))
        }
        let errors = fileErrors.map { code, description in
            JSONValue.object(
                JSONObject([
                    ("id", .string(code.rawValue)),
                    ("shortDescription", text(description)),
                    ("help", text("Mend the file where the result points; social-console never rewrites a file it cannot read.")),
                    ("defaultConfiguration", .object(JSONObject([("level", .string("error"))]))),
                ]))
        }
        return findings + errors
    }

    /// SARIF's level for a severity.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .blocker: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    static func text(_ text: String) -> JSONValue { .object(JSONObject([("text", .string(text))])) }

    var start: String {
        let driver = JSONObject([
            ("name", .string("social-console")), ("version", .string(Version.number)),
            ("rules", .array(AuditSARIF.rules)),
        ])
        let head = JSONWriter.compact(
            .object(
                JSONObject([
                    ("tool", .object(JSONObject([("driver", .object(driver))]))), ("columnKind", .string("unicodeCodePoints")),
                ])))
        return "{\"$schema\": \"\(AuditSARIF.schema)\", \"version\": \"2.1.0\", \"runs\": [" + head.dropLast() + ", \"results\": ["
    }

    /// The file's results, written straight as bytes: thousands of files have a few each.
    func render(_ entry: AuditEntry) -> String {
        var out = JSONBytes()
        switch entry {
        case .report(let path, let verdict):
            let uri = PercentEncoding.fileReference(path)
            for (i, finding) in verdict.findings.enumerated() {
                if i > 0 { out.raw(", ") }
                AuditSARIF.result(
                    finding.code, level: AuditSARIF.level(finding.severity), message: finding.message, uri: uri,
                    at: verdict.report.fieldPositions?[finding.field], into: &out)
                out.raw(", \"properties\": {\"step\": "); out.string(finding.step.rawValue)
                out.raw(", \"field\": "); out.string(finding.field)
                out.raw(", \"fix\": "); out.string(finding.fix)
                if verdict.isProductionOnly(finding) { out.raw(", \"production\": true") }
                out.raw("}}")
            }
        case .error(let path, let error):
            AuditSARIF.result(
                error.code.rawValue, level: "error", message: error.message, uri: PercentEncoding.fileReference(path), at: error.position,
                into: &out)
            out.raw("}")
        }
        return out.text
    }

    /// A result up to its properties: the caller adds them, if any, and closes it.
    static func result(_ code: String, level: String, message: String, uri: String, at position: TextPosition?, into out: inout JSONBytes) {
        out.raw("{\"ruleId\": "); out.string(code)
        if let index = ruleIndex[code] { out.raw(", \"ruleIndex\": "); out.number(index) }
        out.raw(", \"level\": "); out.string(level)
        out.raw(", \"message\": {\"text\": "); out.string(message)
        out.raw("}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "); out.string(uri)
        out.raw("}, \"region\": {\"startLine\": "); out.number(position?.line ?? 1)
        if let position { out.raw(", \"startColumn\": "); out.number(position.column) }
        out.raw("}}}]")
    }

    mutating func part(_ text: String, to write: (String) -> Void) {
        results += 1
        if results > 1 { write(", ") }
        write(text)
    }

    func end(_ summary: AuditSummary) -> String {
        var properties = JSONObject([("summary", summary.json)])
        if byCode { properties["byCode"] = summary.byCodeJSON }
        return "], \"properties\": " + JSONWriter.compact(.object(properties)) + "}]}\n"
    }
}
