#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Totals over all audited files, each judged by its verdict: findings listed only for
/// production count toward no total. `byCode` counts files per finding code (the fleet view),
/// production-only findings included: the file has them.
public struct AuditSummary: Sendable {
    public var files = 0
    public var ready = 0
    public var blockers = 0
    public var warnings = 0
    public var errors = 0
    /// Files with each finding code.
    public var byCode: [String: Int] = [:]
    /// The paths of those files, when asked for (`keepingPaths`), in path order; else
    /// empty, so that memory does not grow with the fleet.
    public var pathsByCode: [String: [String]] = [:]
    /// How many paths are kept per code: none, the first few in path order (`audit --by-code`
    /// text), or all.
    public let keepsPaths: Int
    public var keepsAnyPaths: Bool { keepsPaths > 0 }
    public var exitCode: Int32 = 0

    /// - Parameter keepingPaths: how many paths to keep per code (`Int.max` for all).
    public init(keepingPaths: Int = 0) { keepsPaths = keepingPaths }

    public mutating func add(_ entry: AuditEntry) {
        files += 1
        exitCode = max(exitCode, entry.exitCode)
        switch entry {
        case .report(_, let verdict):
            if verdict.ready { ready += 1 }
            blockers += verdict.count(.blocker)
            warnings += verdict.count(.warning)
            // Each code once per file. A file has a few codes (at most one per rule): a
            // list is cheaper than hashing them into a Set.
            var seen: [String] = []
            for finding in verdict.findings where !seen.containsBytes(finding.code) {
                seen.append(finding.code)
                count(finding.code, entry.path)
            }
        case .error(_, let error):
            errors += 1
            count(error.code.rawValue, entry.path)
        }
    }

    private mutating func count(_ code: String, _ path: String) {
        byCode[code, default: 0] += 1
        if keepsAnyPaths { keep([path], for: code) }
    }

    /// Adds paths to a code's, keeping the first `keepsPaths` in path order.
    mutating func keep(_ paths: [String], for code: String) {
        // In place: a copy of the list for each file would be quadratic in the fleet.
        if keepsPaths == Int.max {
            pathsByCode[code, default: []].append(contentsOf: paths)
            return
        }
        // A few, kept sorted: files come mostly in path order, so most are past the last kept.
        for path in paths {
            pathsByCode[code, default: []].insertSorted(path, keepingFirst: keepsPaths)
        }
    }

    /// Codes by how many files have them, most first; ties in rule-table order.
    public var codeCounts: [(code: String, severity: String, files: Int)] {
        let order = Dictionary(uniqueKeysWithValues: RuleTable.all.enumerated().map { ($1.code, $0) })
        return byCode.map { code, n in (code, RuleTable.rule(code)?.severity.rawValue ?? "error", n) }
            .sorted { a, b in a.files != b.files ? a.files > b.files : (order[a.code] ?? Int.max, a.code) < (order[b.code] ?? Int.max, b.code) }
    }

    /// The paths kept for a code, in path order.
    public func paths(_ code: String) -> [String] { (pathsByCode[code] ?? []).sorted() }

    public var json: JSONValue {
        .object(
            JSONObject([
                ("files", .number(String(files))), ("ready", .number(String(ready))), ("blockers", .number(String(blockers))),
                ("warnings", .number(String(warnings))), ("errors", .number(String(errors))),
            ]))
    }

    public var byCodeJSON: JSONValue {
        .array(
            codeCounts.map { row in
                var o = JSONObject([("code", .string(row.code)), ("severity", .string(row.severity)), ("files", .number(String(row.files)))])
                // Sorted, so the list does not depend on which thread judged which file.
                if keepsAnyPaths { o["paths"] = .array(paths(row.code).map(JSONValue.string)) }
                return .object(o)
            })
    }
}

extension Array where Element == String {
    /// Inserts `path` in sorted order when it is among the first `limit`, dropping the one
    /// then past the limit.
    fileprivate mutating func insertSorted(_ path: String, keepingFirst limit: Int) {
        if count == limit, let last, path >= last { return }
        insert(path, at: firstIndex { $0 > path } ?? count)
        if count > limit { removeLast() }
    }
}
