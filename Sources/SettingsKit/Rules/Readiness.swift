/// The one rule engine: `audit`, `show`, the console's step marks and its Review
/// screen all read this.
public enum Readiness {
    /// At most this many findings of one rule per file: 400,000 unknown scopes in one file
    /// made 106 MB of JSON. The rest are counted (`Report.leftOut`), not listed.
    public static let findingsPerRule = 100

    public static func evaluate(_ settings: Settings, fileMode: UInt32? = nil) -> Report {
        let input = RuleInput(settings, fileMode: fileMode)
        // Messages quote values from the file; one may be the secret pasted into the wrong
        // field. The patterns are made when a message first quotes a value.
        let secrets = Secret.values(in: settings)
        var patterns: [[UInt8]]?
        func scrubbed(_ text: String) -> String {
            if patterns == nil { patterns = Secret.patterns(secrets) }
            return patterns!.isEmpty ? text : Secret.scrub(text, patterns: patterns!)
        }
        var findings: [(Finding, Int)] = []
        var leftOut: [Report.LeftOut] = []
        let rules = RuleTable.all
        for (order, check) in checksInTableOrder.enumerated() {
            guard let check else { continue }
            let hits = check(input)
            if hits.isEmpty { continue }
            // Only a rule that found something is read from the table: a row is six strings
            // and a dictionary to copy, and most rules find nothing in most files.
            let rule = rules[order]
            if hits.count > findingsPerRule { leftOut.append(Report.LeftOut(code: rule.code, count: hits.count - findingsPerRule)) }
            for var hit in hits.prefix(findingsPerRule) {
                // The field and its label too: a check may name a key of the file, and
                // another secret (an old tool's client_secret) may be used as a key.
                let quoted = hit.value
                if !hit.value.isEmpty { hit.value = scrubbed(hit.value) }
                if !hit.expected.isEmpty { hit.expected = scrubbed(hit.expected) }
                if !hit.hint.isEmpty { hit.hint = scrubbed(hit.hint) }
                if !hit.label.isEmpty { hit.label = scrubbed(hit.label) }
                hit.field = hit.field.map(scrubbed)
                let message = hit.message.flatMap { rule.messages[$0] } ?? rule.message
                let fix = hit.fix.flatMap { rule.fixes[$0] } ?? rule.fix
                // A mark points into the value as the message quotes it: none once that was masked.
                let mark = hit.mark.flatMap { quoted.isSameBytes(as: hit.value) ? Finding.Mark(text: hit.value, offset: $0) : nil }
                let finding = Finding(
                    code: rule.code, severity: rule.severity, step: rule.step,
                    field: hit.field ?? rule.field,
                    message: fill(message, hit), fix: fill(fix, hit), entry: hit.entry, mark: mark)
                findings.append((finding, order))
            }
        }
        findings.sort { a, b in
            if a.0.step != b.0.step { return a.0.step < b.0.step }
            if a.0.severity != b.0.severity { return a.0.severity < b.0.severity }
            return a.1 < b.1
        }
        return Report(
            findings: findings.map(\.0),
            environment: settings.text("instance.environment"),
            connectionEnabled: settings.flag("connection.enabled") == true,
            leftOut: leftOut, secrets: secrets)
    }

    public static func evaluate(_ file: LoadedFile) -> Report { evaluate(file.settings, fileMode: file.mode) }

    /// Each rule's check, in the rule table's order: found once, not by hashing every
    /// code for every file.
    static let checksInTableOrder: [Rules.Check?] = RuleTable.all.map { Rules.checks[$0.code] }

    /// The template with {value}, {label}, {field}, {hint} and {expected} filled in. One pass over the
    /// template's bytes: a value from the file that itself holds "{label}" is quoted as
    /// it is, never filled in again. (Byte search also replaced a Character-based
    /// search that took a tenth of `audit`'s time; the placeholders are ASCII.)
    private static let placeholderNames = ["{value}", "{label}", "{field}", "{hint}", "{expected}"].map { Array($0.utf8) }

    static func fill(_ template: String, _ hit: Hit) -> String {
        let bytes = Array(template.utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return template }
        var out = ""
        var i = 0, copied = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{"), let p = placeholderNames.firstIndex(where: { bytes[i...].starts(with: $0) }) {
                out += String(decoding: bytes[copied..<i], as: UTF8.self)
                switch p {
                case 0: out += hit.value
                case 1: out += hit.label
                case 2: out += hit.field ?? ""
                case 3: out += hit.hint
                default: out += hit.expected
                }
                i += placeholderNames[p].count
                copied = i
            } else {
                i += 1
            }
        }
        out += String(decoding: bytes[copied...], as: UTF8.self)
        return out
    }
}

extension RuleInfo {
    /// A finding of this row with its placeholders filled in (one pass: a value that holds
    /// "{label}" is quoted as it is): for findings whose checks are not `Rules` (LiveKit's).
    public func finding(value: String = "", label: String = "", field: String? = nil, hint: String = "") -> Finding {
        let hit = Hit(value: value, field: field, label: label, hint: hint)
        return Finding(
            code: code, severity: severity, step: step, field: Readiness.fill(self.field, hit), message: Readiness.fill(message, hit),
            fix: Readiness.fill(fix, hit))
    }

    /// The rule's message with what a finding fills in left out as "…" ("The scope … is
    /// not in the scope catalogue."): the rule itself, for lists of rules (SARIF).
    public var generalMessage: String { Readiness.fill(message, RuleInfo.elided) }
    /// The rule's fix, with the same elisions.
    public var generalFix: String { Readiness.fill(fix, RuleInfo.elided) }

    private static let elided = Hit(value: "…", field: "…", label: "…", hint: "…", expected: "…")
}
