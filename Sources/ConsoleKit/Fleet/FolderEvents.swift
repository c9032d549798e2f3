import SettingsKit

#if canImport(Glibc)
import Glibc
#endif

/// What happens in a folder and every folder below it, from Linux's inotify: which settings
/// files were written, moved, removed or had their mode changed, by path below the folder.
/// Nothing is read or listed while nothing happens, however many files there are.
/// Folders `audit` does not go into (hidden ones, links to folders) are not watched.
final class FolderEvents {
    enum Change: Equatable, Sendable {
        /// A settings file was written and closed, moved in, or its mode changed.
        case file(String)
        /// A settings file is being written (created or changed, not yet closed).
        case writing(String)
        /// A settings file was removed or moved away.
        case gone(String)
        /// A folder appeared: it is watched now, and every file below it is new.
        case folder(String)
        /// A folder was removed or moved away, with every file below it.
        case goneFolder(String)
        /// The system dropped events: look at every file again.
        case overflow
    }

    private let fd: Int32
    private let folder: String
    /// Each watch's folder, below `folder` ("" for itself).
    private var watched: [Int32: String] = [:]

    private static let mask: UInt32 =
        UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_MODIFY) | UInt32(IN_DELETE_SELF)
        | UInt32(IN_ONLYDIR) | UInt32(IN_EXCL_UNLINK)

    /// Events of `folder`, once its folders are watched (`watch`); nil where inotify cannot
    /// be had (the caller looks for changes its own way then).
    init?(_ folder: String) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.folder = folder
    }

    deinit { close(fd) }

    /// Watches `relative` and every folder below it that the walk goes into, and returns how
    /// many settings files the walk found there (`AuditFiles.count`: the one walk does
    /// both). `lost` is set when the system allows no more watches; a folder gone or
    /// unreadable meanwhile is no failure.
    func watch(_ relative: String, lost: inout Bool) -> Int {
        AuditFiles.count([FleetWatch.path(relative, in: folder)]) { path in
            guard !lost else { return }
            let wd = SystemPath.withCString(path) { inotify_add_watch(fd, $0, Self.mask) }
            if wd < 0 {
                if errno == ENOSPC || errno == ENOMEM { lost = true }
                return
            }
            watched[wd] = FleetWatch.relative(path, in: folder)
        }
    }

    /// Waits up to `milliseconds` for something to happen; whether something did.
    func wait(milliseconds: Int32) -> Bool {
        var ready = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&ready, 1, milliseconds) > 0
    }

    /// What happened since the last call (nothing when nothing did; never waits).
    func changes() -> [Change] {
        var out: [Change] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return out }
            var offset = 0
            // struct inotify_event: wd, mask, cookie, len, then len bytes of name (NUL padded).
            while offset + 16 <= n {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (
                        raw.loadUnaligned(fromByteOffset: offset, as: Int32.self), raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    )
                }
                let nameBytes = buffer[(offset + 16)..<min(n, offset + 16 + length)].prefix { $0 != 0 }
                offset += 16 + length
                if let change = change(wd: wd, mask: mask, name: SystemPath.string(fromBytes: nameBytes)) { out.append(change) }
            }
        }
    }

    private func change(wd: Int32, mask: UInt32, name: String) -> Change? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 { return .overflow }
        guard let parent = watched[wd] else { return nil }
        if mask & UInt32(IN_IGNORED) != 0 {
            watched[wd] = nil
            return nil
        }
        // The folder itself went: its parent says so for a folder below; the top one is all.
        if mask & UInt32(IN_DELETE_SELF) != 0 { return parent.isEmpty ? .goneFolder("") : nil }
        guard !name.isEmpty, !name.hasPrefix(".") else { return nil }
        let path = parent.isEmpty ? name : parent + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { return .folder(path) }
            if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { return .goneFolder(path) }
            return nil
        }
        guard Audit.isSettingsFileName(name) else { return nil }
        if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 { return .gone(path) }
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_ATTRIB) != 0 { return .file(path) }
        if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 { return .writing(path) }
        return nil
    }
}
