import Foundation

/// What a finished process wrote and how it ended.
public struct ProcessOutput: Sendable {
    public let code: Int32
    public let out: Data
    public let err: Data

    public var outText: String { String(decoding: out, as: UTF8.self) }
    public var errText: String { String(decoding: err, as: UTF8.self) }
}

/// The one way tests run a program: the built binary (`CLI.run`, the end-to-end tests),
/// a helper script, or a command as another user. Both output pipes are read while it runs,
/// so a large output cannot block it; standard input is `stdin` and then end of file.
public enum ProcessRun {
    /// `environment` adds or replaces variables of this process's own (nil removes one).
    public static func run(
        _ executable: String, _ arguments: [String], stdin: String? = nil, cwd: String? = nil,
        environment: [String: String?] = [:]
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        let reader = outPipe.fileHandleForReading
        DispatchQueue.global().async(group: group) { outBox.data = reader.readDataToEndOfFile() }
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(code: process.terminationStatus, out: outBox.data, err: errData)
    }
}
