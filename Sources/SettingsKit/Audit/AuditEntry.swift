/// The verdict on one path given to `audit`: a file judged, or why it could not be read.
public enum AuditEntry: Sendable {
    case report(path: String, Verdict)
    case error(path: String, FileError)

    public var path: String {
        switch self {
        case .report(let path, _), .error(let path, _): return path
        }
    }

    /// The exit code this entry alone calls for: 0 ready, 1 a blocker, 2 a file error.
    public var exitCode: Int32 {
        switch self {
        case .report(_, let verdict): return verdict.exitCode
        case .error: return 2
        }
    }

    /// One entry of `files` in `audit --format json`; its keys are a published format.
    /// `compactJSON` writes the same bytes faster; this stays the definition.
    public var json: JSONValue {
        switch self {
        case .report(let path, let verdict):
            let report = verdict.report
            var o = JSONObject()
            o["path"] = .string(path)
            o["environment"] = report.environment.map(JSONValue.string) ?? .null
            o["ready"] = .bool(verdict.ready)
            o["readyForProduction"] = .bool(verdict.readyForProduction)
            if report.namedEnvironment == .development { o["readyForDevelopment"] = .bool(report.readyForDevelopment) }
            o["steps"] = .array(
                Step.allCases.map { step in
                    .object(JSONObject([("id", .string(step.rawValue)), ("complete", .bool(verdict.isComplete(step)))]))
                })
            o["findings"] = .array(
                report.findings.map { finding in
                    guard verdict.isProductionOnly(finding), case .object(var f) = finding.json else { return finding.json }
                    f["production"] = .bool(true)
                    return .object(f)
                })
            if !report.leftOut.isEmpty {
                o["findingsLeftOut"] = .array(
                    report.leftOut.map { .object(JSONObject([("code", .string($0.code)), ("count", .number(String($0.count)))])) })
            }
            return .object(o)
        case .error(let path, let error):
            var e = JSONObject()
            e["code"] = .string(error.code.rawValue)
            e["message"] = .string(error.message)
            if let position = error.position {
                e["line"] = .number(String(position.line))
                e["column"] = .number(String(position.column))
            }
            return .object(JSONObject([("path", .string(path)), ("error", .object(e))]))
        }
    }
}
