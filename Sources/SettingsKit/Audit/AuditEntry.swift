#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The verdict on one path given to `audit`: a report, or why the file could not be read.
public enum AuditEntry: Sendable {
    case report(path: String, Report)
    case error(path: String, FileError)

    public var path: String {
        switch self {
        case .report(let path, _), .error(let path, _): return path
        }
    }

    /// The exit code this entry alone calls for: 0 ready, 1 a blocker, 2 a file error.
    public var exitCode: Int32 {
        switch self {
        case .report(_, let report): return report.readyForProduction ? 0 : 1
        case .error: return 2
        }
    }

    /// One entry of `files` in `audit --format json`; its keys are a published format.
    public var json: JSONValue {
        switch self {
        case .report(let path, let report):
            var o = JSONObject()
            o["path"] = .string(path)
            o["environment"] = report.environment.map(JSONValue.string) ?? .null
            o["ready"] = .bool(report.readyForProduction)
            if report.environment == "development" { o["readyForDevelopment"] = .bool(report.readyForDevelopment) }
            o["steps"] = .array(
                Step.allCases.map { step in
                    .object(JSONObject([("id", .string(step.rawValue)), ("complete", .bool(report.isComplete(step)))]))
                })
            o["findings"] = .array(report.findings.map(\.json))
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
