/// `audit --format json|jsonl` writes one entry per file, 100,000 of them for a big
/// fleet. Building each entry as a `JSONValue` tree and then writing the tree took a
/// fifth of the run; this writes the same bytes straight into a buffer.
/// `AuditFleetTests` checks it against `JSONWriter.compact(entry.json)`, which stays the
/// definition of the format.
extension AuditEntry {
    /// Exactly `JSONWriter.compact(json)`.
    public var compactJSON: String { compactJSON(adding: JSONObject()) }

    /// `JSONWriter.compact(json)` with `extra`'s members added at the end: an entry of a
    /// document that says more about each file than `audit` does (`verify`'s live checks).
    public func compactJSON(adding extra: JSONObject) -> String {
        var out = JSONBytes()
        switch self {
        case .report(let path, let verdict):
            let report = verdict.report
            out.raw("{\"path\": "); out.string(path)
            out.raw(", \"environment\": ")
            if let environment = report.environment { out.string(environment) } else { out.raw("null") }
            out.raw(", \"ready\": "); out.bool(verdict.ready)
            out.raw(", \"readyForProduction\": "); out.bool(verdict.readyForProduction)
            if report.namedEnvironment == .development { out.raw(", \"readyForDevelopment\": "); out.bool(report.readyForDevelopment) }
            out.raw(", \"steps\": [")
            for (i, step) in Step.allCases.enumerated() {
                if i > 0 { out.raw(", ") }
                out.raw("{\"id\": "); out.string(step.rawValue)
                out.raw(", \"complete\": "); out.bool(verdict.isComplete(step)); out.raw("}")
            }
            out.raw("], \"findings\": [")
            for (i, f) in report.findings.enumerated() {
                if i > 0 { out.raw(", ") }
                out.raw("{\"code\": "); out.string(f.code)
                out.raw(", \"severity\": "); out.string(f.severity.rawValue)
                out.raw(", \"step\": "); out.string(f.step.rawValue)
                out.raw(", \"field\": "); out.string(f.field)
                out.raw(", \"message\": "); out.string(f.message)
                out.raw(", \"fix\": "); out.string(f.fix)
                if verdict.isProductionOnly(f) { out.raw(", \"production\": true") }
                out.raw("}")
            }
            out.raw("]")
            if !report.leftOut.isEmpty {
                out.raw(", \"findingsLeftOut\": [")
                for (i, left) in report.leftOut.enumerated() {
                    if i > 0 { out.raw(", ") }
                    out.raw("{\"code\": "); out.string(left.code)
                    out.raw(", \"count\": "); out.number(left.count); out.raw("}")
                }
                out.raw("]")
            }
            out.members(extra)
            out.raw("}")
        case .error(let path, let error):
            out.raw("{\"path\": "); out.string(path)
            out.raw(", \"error\": {\"code\": "); out.string(error.code.rawValue)
            out.raw(", \"message\": "); out.string(error.message)
            if let position = error.position {
                out.raw(", \"line\": "); out.number(position.line)
                out.raw(", \"column\": "); out.number(position.column)
            }
            out.raw("}")
            out.members(extra)
            out.raw("}")
        }
        return out.text
    }
}
