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

    init(_ st: stat) {
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        seconds = Int(st.st_mtim.tv_sec); nanoseconds = Int(st.st_mtim.tv_nsec)
        changeSeconds = Int(st.st_ctim.tv_sec); changeNanoseconds = Int(st.st_ctim.tv_nsec)
    }
}
