/// A settings file as it was read: the settings, the exact bytes, its permission bits
/// (for the readable-by-others check) and its identity (to notice someone else's save).
public struct LoadedFile: Equatable, Sendable {
    public let path: String
    public let settings: Settings
    public let bytes: [UInt8]
    /// Permission bits, e.g. 0o600.
    public let mode: UInt32
    public let identity: FileIdentity
    /// Where the file was when it was read, every link and `..` resolved: a save writes
    /// only there (`SettingsStore.save`). Nil for a file read only to be judged (`audit`).
    public internal(set) var target: String? = nil

    /// The same file, as if it held `settings`: what a save merges against when the edits
    /// were made to an older version of it (edits recovered from a closed terminal). Its
    /// identity (where it is, whose it is) stays; what someone else saved since is theirs.
    public func holding(_ settings: Settings) -> LoadedFile {
        LoadedFile(path: path, settings: settings, bytes: SettingsStore.encode(settings), mode: mode, identity: identity, target: target)
    }
}
