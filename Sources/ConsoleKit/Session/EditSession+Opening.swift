import SettingsKit

/// Opening a file for editing, the one way both front ends do it: load it, or start a
/// new one (created by the first save) when there is none, and find the edits an earlier
/// session kept for it.
extension EditSession {
    public struct Opened: Equatable, Sendable {
        public let session: EditSession
        /// A first line to show: recovered edits that cannot be offered, and why.
        public let notice: StatusMessage?
    }

    /// Fails for a file that is there but cannot be used (and, read-only, for one that is
    /// not there: there is nothing to show).
    public static func open(_ path: String, readOnly: Bool, files: some SettingsFiles) -> Result<Opened, FileError> {
        var base: LoadedFile?
        do {
            base = try files.load(path)
        } catch {
            if error.code != .notFound || readOnly { return .failure(error) }
        }
        let name = SystemIO.baseName(of: RecoveryFile.path(for: path)).displayEscaped
        var offer: RecoveryFile.Pending?
        var notice: StatusMessage?
        do {
            offer = try files.recovery(for: path, loaded: base)
            // Read-only edits nothing, so it offers nothing, but says the edits are waiting.
            if readOnly, offer != nil {
                notice = StatusMessage("Recovered edits wait in \(name); open without --read-only to restore them")
            }
        } catch {
            // A damaged recovery file is the operator's to look at: say so, leave it as it is.
            notice = StatusMessage("\(name) cannot be restored: \(error.message) (\(error.code.rawValue)); left as it is", isError: true)
        }
        return .success(Opened(session: EditSession(path: path, readOnly: readOnly, base: base, recovery: offer), notice: notice))
    }
}
