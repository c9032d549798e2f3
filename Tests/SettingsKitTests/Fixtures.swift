import TestSupport
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Shared test material: a production instance with no finding at all, to which each
/// test applies one change.
enum Fixtures {

    static var readyText: String { Repository.text("Resources/examples/acme-prod.json") }

    static var ready: Settings { try! SettingsStore.decode(Array(readyText.utf8), path: "acme-prod.json") }

    static func ready(_ change: (inout Settings) -> Void) -> Settings {
        var s = ready
        change(&s)
        return s
    }

    static func codes(_ settings: Settings, mode: UInt32? = nil) -> [String] {
        Readiness.evaluate(settings, fileMode: mode).findings.map(\.code)
    }

    static func write(_ text: String, to path: String, mode: mode_t = 0o600) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        precondition(fd >= 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        fchmod(fd, mode)
        close(fd)
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let f = fopen(path, "rb") else { return nil }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buf, 1, buf.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    static func mode(_ path: String) -> UInt32 {
        var st = stat()
        stat(path, &st)
        return UInt32(st.st_mode) & 0o777
    }
}
