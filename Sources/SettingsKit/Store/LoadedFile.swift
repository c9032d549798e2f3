/// A settings file as it was read: the settings, the exact bytes, its permission bits
/// (for the readable-by-others check) and its identity (to notice someone else's save).
public struct LoadedFile: Sendable {
    public let path: String
    public let settings: Settings
    public let bytes: [UInt8]
    /// Permission bits, e.g. 0o600.
    public let mode: UInt32
    public let identity: FileIdentity
    /// Where the file was when it was read, every link and `..` resolved: a save writes
    /// only there (`SettingsStore.save`). Nil for a file read only to be judged (`audit`).
    public internal(set) var target: String? = nil
}
