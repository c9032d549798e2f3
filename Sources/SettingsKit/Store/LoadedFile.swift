/// A settings file as it was read: the settings, the exact bytes, its permission bits
/// (for the readable-by-others check) and its identity (to notice someone else's save).
public struct LoadedFile: Sendable {
    public let path: String
    public let settings: Settings
    public let bytes: [UInt8]
    /// Permission bits, e.g. 0o600.
    public let mode: UInt32
    public let identity: FileIdentity
}
