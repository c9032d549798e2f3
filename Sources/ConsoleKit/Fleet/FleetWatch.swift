import SettingsKit

/// The fleet list's job: walk the folder, judge every settings file below it on the
/// parallel audit's threads (`ParallelAudit`, `Audit.judge`, the one `Verdict`), post the
/// rows as they come, then watch the folder and judge again what changes, until the list
/// is closed. Done by `FleetJobs`.
public struct FleetWatch: JobWork, Equatable {
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// A path below `folder` as the system knows it.
    static func path(_ relative: String, in folder: String) -> String {
        relative.isEmpty ? folder : AuditFiles.joinable(folder) + "/" + relative
    }

    /// What `AuditFiles` found below `folder`, as a path below it.
    static func relative(_ path: String, in folder: String) -> String {
        let base = AuditFiles.joinable(folder)
        guard path.hasPrefix(base) else { return path }
        let rest = path.dropFirst(base.count)
        return String(rest.first == "/" ? rest.dropFirst() : rest)
    }
}
