import Foundation

/// A second local user for tests of what another user on the machine can do (plant a
/// file in a shared folder, own the settings file root saves). Made with `useradd` when
/// the tests run as root, as CI does, under a unique name `sc-test-<random>`, and removed
/// with `userdel` by `remove()` or when the value goes away. `make()` returns nil, with
/// `unavailableReason` saying why, when that is not possible.
public final class TestUser: @unchecked Sendable {
    public let name: String
    public let uid: uid_t
    public let gid: gid_t
    private var removed = false

    /// Why `make()` cannot give a user here, or nil when it can.
    public static var unavailableReason: String? {
        if geteuid() != 0 { return "needs root to create a second user with useradd" }
        if !FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd") { return "needs /usr/sbin/useradd" }
        return nil
    }

    public static var isAvailable: Bool { unavailableReason == nil }

    private init(name: String, uid: uid_t, gid: gid_t) {
        self.name = name
        self.uid = uid
        self.gid = gid
    }

    public static func make() -> TestUser? {
        guard isAvailable else { return nil }
        let name = "sc-test-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        guard run("/usr/sbin/useradd", ["-M", "-U", "-s", "/usr/sbin/nologin", name]) == 0,
            let pw = getpwnam(name)
        else { return nil }
        return TestUser(name: name, uid: pw.pointee.pw_uid, gid: pw.pointee.pw_gid)
    }

    deinit { remove() }

    public func remove() {
        guard !removed else { return }
        removed = true
        _ = Self.run("/usr/sbin/userdel", [name])
    }

    /// Runs `arguments` as this user (setpriv, no supplementary groups) and returns the
    /// exit status, standard output and standard error.
    public func run(_ executable: String, _ arguments: [String], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
        let output = try ProcessRun.run(
            "/usr/bin/setpriv", ["--reuid=\(uid)", "--regid=\(gid)", "--clear-groups", "--", executable] + arguments,
            stdin: stdin)
        return (output.code, output.outText, output.errText)
    }

    private static func run(_ path: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
