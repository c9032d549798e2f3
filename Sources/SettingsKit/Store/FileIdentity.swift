#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells one version of a file on disk from another without reading it.
public struct FileIdentity: Equatable, Sendable {
    let device: UInt64, inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int
    /// The change time too: an editor that rewrites in place and puts the old modification
    /// time back (same inode, same size) cannot set it back.
    let changeSeconds: Int, changeNanoseconds: Int

    /// Who owned the file: a save gives the new version the owner of the version it read,
    /// never that of a file someone else put in its place meanwhile.
    let owner: UInt32, group: UInt32

    /// When the file last changed (its change time), in seconds since the epoch.
    public var changed: Double { Double(changeSeconds) + Double(changeNanoseconds) / 1e9 }

    /// From `stat`'s answer (`SystemIO.status`): what a watcher of files compares.
    public init(_ st: stat) {
        owner = UInt32(st.st_uid); group = UInt32(st.st_gid)
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
        changeSeconds = Int(st.st_ctim.tv_sec); changeNanoseconds = Int(st.st_ctim.tv_nsec)
    }
}
