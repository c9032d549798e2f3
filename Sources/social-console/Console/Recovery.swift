import ConsoleKit
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// What the console finds at launch in FILE.recovered.json: edits to offer back, or a
/// line to show when the file is there but cannot be offered.
enum Recovery {
    static func look(for path: String, readOnly: Bool) -> (offer: RecoveryFile.Pending?, notice: StatusMessage?) {
        let recoveryPath = RecoveryFile.path(for: path)
        let name = SystemIO.baseName(of: recoveryPath)
        if readOnly {
            // Read-only edits nothing, so it offers nothing, but says the edits are waiting.
            guard SystemIO.linkStatus(recoveryPath) != nil else { return (nil, nil) }
            return (nil, StatusMessage("Recovered edits wait in \(name); open without --read-only to restore them"))
        }
        do {
            return (try RecoveryFile.pending(for: path), nil)
        } catch {
            // A damaged recovery file is the operator's to look at: say so, leave it as it is.
            return (nil, StatusMessage("\(name) cannot be restored: \(error.message) (\(error.code.rawValue)); left as it is", isError: true))
        }
    }
}
