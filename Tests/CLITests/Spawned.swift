import TestSupport
import Foundation
import Testing

/// The built binary run in the background, for tests that kill it, race it against other
/// copies of itself, or must not wait forever for it (hostile files): `CLI.run` waits.
final class Spawned {
    let process = Process()
    private let outFile: String
    private let errFile: String
    private let input = Pipe()

    /// Output goes to files, not pipes: a killed child must not leave a reader blocked.
    init(_ args: [String], user: (uid: Int, gid: Int)? = nil, dir: String) throws {
        outFile = dir + "/.out-" + UUID().uuidString
        errFile = dir + "/.err-" + UUID().uuidString
        _ = FileManager.default.createFile(atPath: outFile, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile, contents: nil)
        if let user {
            // setpriv drops root to another user, who meets real permission checks.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user.uid)", "--regid=\(user.gid)", "--clear-groups", CLI.binary] + args
        } else {
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = args
        }
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        process.environment = environment
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: outFile)
        process.standardError = FileHandle(forWritingAtPath: errFile)
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }

    func send(_ text: String) { send(Data(text.utf8)) }

    func send(_ data: Data) { input.fileHandleForWriting.write(data) }

    func closeInput() { try? input.fileHandleForWriting.close() }

    func kill9() { _ = kill(pid, SIGKILL) }

    /// What it has written to standard output so far, while it runs.
    var outputSoFar: String { (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? "" }

    /// Waits up to `seconds`; a process still running then is killed and reported.
    @discardableResult
    func wait(upTo seconds: Double, sourceLocation: SourceLocation = #_sourceLocation) -> CLI.Result? {
        closeInput()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(2_000) }
        if process.isRunning {
            kill9()
            process.waitUntilExit()
            Issue.record("still running after \(seconds) s: \(process.arguments ?? [])", sourceLocation: sourceLocation)
            return nil
        }
        process.waitUntilExit()
        return collect(sourceLocation: sourceLocation)
    }

    /// Whether it ended by itself (exit) rather than by a signal.
    var exitedNormally: Bool { process.terminationReason == .exit }

    func collect(sourceLocation: SourceLocation = #_sourceLocation) -> CLI.Result {
        let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: outFile)
        try? FileManager.default.removeItem(atPath: errFile)
        let result = CLI.Result(out: out, err: err, code: process.terminationStatus)
        #expect(!result.all.contains(TestSecret.value), "the secret was printed", sourceLocation: sourceLocation)
        return result
    }
}

/// Mounts for the fault tests, through mount(8); each test cancels itself with the reason
/// when mounting is not permitted (not root, or a container without CAP_SYS_ADMIN).
enum Mounts {
    static func sh(_ command: String) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }

    static func tmpfs(at dir: String, kib: Int) throws {
        if sh("mount -t tmpfs -o size=\(kib)k,mode=0755 tmpfs '\(dir)'") != 0 {
            try Test.cancel("mounting a tmpfs is not permitted here; run as root to inject a full disk")
        }
    }

    static func readOnlyBind(_ source: String, at dir: String) throws {
        if sh("mount --bind '\(source)' '\(dir)' && mount -o remount,bind,ro '\(dir)'") != 0 {
            _ = sh("umount -l '\(dir)'")
            try Test.cancel("bind-mounting read-only is not permitted here; run as root to inject a read-only file system")
        }
    }

    static func unmount(_ dir: String) { _ = sh("umount -l '\(dir)'") }

    /// Fills the file system holding `dir` until it refuses to take more.
    static func fill(_ dir: String) { _ = sh("cat /dev/zero > '\(dir)/filler'") }
}
