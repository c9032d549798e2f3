import TestSupport
import Testing
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Real faults for the store to meet: a tiny tmpfs that fills up, a read-only bind mount,
/// a folder marked immutable (which refuses even root, who bypasses permission bits).
/// Each needs privileges CI has (it runs as root); where they are missing the test is
/// cancelled with the reason instead of failing. Every helper undoes itself in `close`.
final class ScratchMount {
    let path: String
    private var mounted = true

    private init(path: String) { self.path = path }

    /// A tmpfs of `kib` KiB at a fresh folder, or a cancelled test saying why not.
    static func tmpfs(kib: Int) throws -> ScratchMount {
        let dir = TemporaryFolder.make()
        if mount("tmpfs", dir, "tmpfs", 0, "size=\(kib)k,mode=0755") != 0 {
            let e = errno
            TemporaryFolder.remove(dir)
            try Test.cancel("cannot mount a tmpfs to fill up (\(String(cString: strerror(e)))); run the suite as root to inject a full disk")
        }
        return ScratchMount(path: dir)
    }

    /// `source` again, read-only, at a fresh folder.
    static func readOnlyView(of source: String) throws -> ScratchMount {
        let dir = TemporaryFolder.make()
        guard mount(source, dir, nil, UInt(MS_BIND), nil) == 0 else {
            let e = errno
            TemporaryFolder.remove(dir)
            try Test.cancel("cannot bind-mount (\(String(cString: strerror(e)))); run the suite as root to inject a read-only file system")
        }
        let view = ScratchMount(path: dir)
        if mount(nil, dir, nil, UInt(MS_REMOUNT | MS_BIND | MS_RDONLY), nil) != 0 {
            let e = errno
            view.close()
            try Test.cancel("cannot remount read-only (\(String(cString: strerror(e)))); run the suite as root to inject a read-only file system")
        }
        return view
    }

    func close() {
        guard mounted else { return }
        mounted = false
        // Lazy unmount: a descriptor a failed assertion left open must not keep it mounted.
        if umount2(path, Int32(MNT_DETACH)) != 0 { _ = umount(path) }
        TemporaryFolder.remove(path)
    }

    deinit { close() }

    /// Fills the file system: writes a filler file until the disk refuses. Returns its path.
    @discardableResult
    func fill() -> String {
        let filler = path + "/filler"
        let fd = open(filler, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0)
        let chunk = [UInt8](repeating: 0x41, count: 4096)
        while chunk.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        Glibc.close(fd)
        return filler
    }

    /// Gives back `pages` pages of the filler's space (tmpfs counts whole pages).
    func free(pages: Int, of filler: String) {
        var st = stat()
        stat(filler, &st)
        let used = (Int(st.st_size) + 4095) / 4096
        truncate(filler, off_t(max(0, used - pages) * 4096))
    }
}

/// chattr +i on a folder or file: nothing can be created, renamed or removed in the folder,
/// nor the file opened for writing, not even by root.
/// The nearest thing to "permission denied" that a root test process can meet in-process.
final class ImmutablePath {
    let path: String

    init(_ path: String) throws {
        self.path = path
        let status = system("chattr +i '\(path)' 2>/dev/null")
        if status != 0 {
            try Test.cancel("cannot mark a folder immutable with chattr +i (not root, or the file system lacks it)")
        }
    }

    func close() { _ = system("chattr -i '\(path)' 2>/dev/null") }

    deinit { close() }
}

extension Fixtures {
    static func text(_ path: String) -> String? { read(path).map { String(decoding: $0, as: UTF8.self) } }

    /// Names in a folder, without . and ..
    static func listing(_ dir: String) -> [String] {
        guard let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Every history line must be one valid JSON object.
    static func historyLines(_ file: String) -> [JSONObject] {
        guard let text = text(SettingsStore.historyPath(for: file)) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            guard let entry = try? JSONParser.parse(Array(line.utf8)).objectValue else {
                Issue.record("a history line is not a JSON object: \(line.prefix(80))")
                return JSONObject()
            }
            return entry
        }
    }
}
