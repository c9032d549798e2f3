#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Finding {
    public var json: JSONValue {
        .object(
            JSONObject([
                ("code", .string(code)), ("severity", .string(severity.rawValue)), ("step", .string(step.rawValue)),
                ("field", .string(field)), ("message", .string(message)), ("fix", .string(fix)),
            ]))
    }
}

public enum Audit {
    /// How each file is judged, and which files are kept.
    public struct Judging: Sendable {
        /// The environment files are judged for (`audit --for production`).
        public var basis: Verdict.Basis
        /// Only files with one of these finding or file error codes (`audit --code`); all
        /// files when empty.
        public var codes: [String]
        /// Also find where each finding's field is in its file (`Report.fieldPositions`):
        /// the file is read a second time, for the formats that print positions.
        public var locatingFields: Bool

        public init(basis: Verdict.Basis = .ownEnvironment, codes: [String] = [], locatingFields: Bool = false) {
            self.basis = basis
            self.codes = codes
            self.locatingFields = locatingFields
        }

        /// Whether the entry is one of the files asked for.
        public func keeps(_ entry: AuditEntry) -> Bool {
            if codes.isEmpty { return true }
            switch entry {
            case .report(_, let verdict): return verdict.findings.contains { codes.containsBytes($0.code) }
            case .error(_, let error): return codes.containsBytes(error.code.rawValue)
            }
        }
    }

    /// Judges one file. `admit` is told its size before it is read (`ParallelAudit`'s
    /// budget of bytes in flight); `read`, when given, the file's identity when it was
    /// opened and when it had been read (a watcher of the file takes a verdict only of a
    /// file that did not change while it was read); `adding`, when given, findings of its
    /// own about the settings read (`verify`'s live checks), judged with the rules' own.
    public static func judge(
        _ path: String, _ judging: Judging = Judging(), admit: (Int) -> Void = { _ in },
        read: ((_ opened: FileIdentity, _ read: FileIdentity) -> Void)? = nil,
        adding: ((Settings) -> [Finding])? = nil
    ) -> AuditEntry {
        do {
            let file = try SettingsStore.read(path, admit: admit, read: read)
            var report = Readiness.evaluate(file)
            if let adding { report = report.adding(adding(file.settings)) }
            if judging.locatingFields, !report.findings.isEmpty {
                report.fieldPositions = KeyPositions(of: report.findings.map(\.field), in: file.bytes)
            }
            return .report(path: path, Verdict(report, for: judging.basis))
        } catch {
            // A folder among the files: one the walk could not read (`AuditFiles`).
            if error.code == .unreadable, SystemIO.isFolder(path), case .failure(let e) = FolderListing.read(path) {
                return .error(
                    path: path,
                    FileError(
                        .unreadable, path: path,
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

    /// Every code a file can be kept for with `Judging.codes`: the rule table's and the
    /// errors of a file that cannot be judged.
    public static let codes: [String] = RuleTable.all.map(\.code) + FileError.Code.auditCodes.map(\.rawValue)
}

extension FileError.Code {
    /// The errors `audit` reports for a file it cannot judge.
    public static let auditCodes: [FileError.Code] = [.notFound, .unreadable, .invalidJSON, .schema, .unsupportedVersion]
}
