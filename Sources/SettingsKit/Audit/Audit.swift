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
            o["steps"] = .array(Step.allCases.map { step in
                .object(JSONObject([("id", .string(step.rawValue)), ("complete", .bool(report.isComplete(step)))]))
            })
            o["findings"] = .array(report.findings.map(\.json))
            if !report.leftOut.isEmpty {
                o["findingsLeftOut"] = .array(report.leftOut.map { .object(JSONObject([("code", .string($0.code)), ("count", .number(String($0.count)))])) })
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

extension Finding {
    public var json: JSONValue {
        .object(JSONObject([
            ("code", .string(code)), ("severity", .string(severity.rawValue)), ("step", .string(step.rawValue)),
            ("field", .string(field)), ("message", .string(message)), ("fix", .string(fix)),
        ]))
    }
}

/// Totals over all audited files; `byCode` counts files per finding code (the fleet view).
public struct AuditSummary: Sendable {
    public var files = 0
    public var ready = 0
    public var blockers = 0
    public var warnings = 0
    public var errors = 0
    /// Files with each finding code.
    public var byCode: [String: Int] = [:]
    /// The paths of those files, when asked for (`keepingPaths`); else empty, so that
    /// memory does not grow with the fleet.
    public var pathsByCode: [String: [String]] = [:]
    public let keepsPaths: Bool
    public var exitCode: Int32 = 0

    public init(keepingPaths: Bool = false) { keepsPaths = keepingPaths }

    public mutating func add(_ entry: AuditEntry) {
        files += 1
        exitCode = max(exitCode, entry.exitCode)
        switch entry {
        case .report(_, let report):
            if report.readyForProduction { ready += 1 }
            blockers += report.blockers.count
            warnings += report.warnings.count
            for code in Set(report.findings.map(\.code)) { count(code, entry.path) }
        case .error(_, let error):
            errors += 1
            count(error.code.rawValue, entry.path)
        }
    }

    private mutating func count(_ code: String, _ path: String) {
        byCode[code, default: 0] += 1
        if keepsPaths { pathsByCode[code, default: []].append(path) }
    }

    /// Codes by how many files have them, most first; ties in rule-table order.
    public var codeCounts: [(code: String, severity: String, files: Int)] {
        let order = Dictionary(uniqueKeysWithValues: RuleTable.all.enumerated().map { ($1.code, $0) })
        return byCode.map { code, n in (code, RuleTable.rule(code)?.severity.rawValue ?? "error", n) }
            .sorted { a, b in a.files != b.files ? a.files > b.files : (order[a.code] ?? Int.max, a.code) < (order[b.code] ?? Int.max, b.code) }
    }

    public var json: JSONValue {
        .object(JSONObject([
            ("files", .number(String(files))), ("ready", .number(String(ready))), ("blockers", .number(String(blockers))),
            ("warnings", .number(String(warnings))), ("errors", .number(String(errors))),
        ]))
    }

    public var byCodeJSON: JSONValue {
        .array(codeCounts.map { row in
            var o = JSONObject([("code", .string(row.code)), ("severity", .string(row.severity)), ("files", .number(String(row.files)))])
            // Sorted, so the list does not depend on which thread judged which file.
            if keepsPaths { o["paths"] = .array((pathsByCode[row.code] ?? []).sorted().map(JSONValue.string)) }
            return .object(o)
        })
    }
}

public enum Audit {
    /// Judges one file.
    public static func judge(_ path: String) -> AuditEntry {
        do {
            return .report(path: path, Readiness.evaluate(try SettingsStore.load(path)))
        } catch {
            // A folder among the files: one the walk could not read (`AuditFiles`).
            if error.code == .unreadable, SystemIO.isFolder(path), case .failure(let e) = FolderListing.read(path) {
                return .error(path: path, FileError(.unreadable, path: path,
                                                    "cannot read the folder: \(SystemIO.errorText(e.code)); the files in it were not audited"))
            }
            return .error(path: path, error)
        }
    }

    /// The files `audit` looks at: each file given, and every `*.json` below each folder
    /// given (hidden entries skipped), sorted by path. A path that does not exist is kept,
    /// so it is reported as not found.
    public static func collectFiles(_ paths: [String]) -> [String] { Array(AuditFiles(paths)) }

    /// Settings files in a folder: `*.json`, but not the history (`*.history.jsonl`, which
    /// the suffix test already leaves out) nor recovery files (`*.recovered.json`).
    public static func isSettingsFileName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasPrefix(".") && !name.hasSuffix(".recovered.json")
    }
}
