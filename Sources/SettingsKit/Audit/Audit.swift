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
    /// Judges one file.
    public static func judge(_ path: String) -> AuditEntry {
        do {
            return .report(path: path, Readiness.evaluate(try SettingsStore.load(path)))
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
}
