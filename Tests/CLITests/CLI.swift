import TestSupport
import Foundation
import Testing

/// Runs the built `social-console` binary, as users do, and checks on every run that
/// the client secret appears nowhere in what it printed.
enum CLI {

    struct Result {
        let out: String
        let err: String
        let code: Int32
        var all: String { out + err }
    }

    static var binary: String { BuiltBinary.path }

    @discardableResult
    static func run(_ args: [String], stdin: String? = nil, cwd: String? = nil, env: [String: String] = [:],
                    sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = nil
        for (k, v) in env { environment[k] = v }
        process.environment = environment
        if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        final class Box: @unchecked Sendable { var data = Data() }
        let outBox = Box()
        let group = DispatchGroup()
        let reader = outPipe.fileHandleForReading
        DispatchQueue.global().async(group: group) { outBox.data = reader.readDataToEndOfFile() }
        let errData = errPipe.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let outData = outBox.data
        process.waitUntilExit()
        let result = Result(out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self),
                            code: process.terminationStatus)
        #expect(!TestSecret.isIn(outData) && !TestSecret.isIn(errData), "the secret was printed by \(args)", sourceLocation: sourceLocation)
        return result
    }
}

/// A temp folder with copies of the bundled example files.
final class Workspace {
    private let folder = TemporaryFolder("cli")
    var path: String { folder.path }

    init() throws {}

    static var repository: URL { Repository.root }

    /// Copies Resources/examples/NAME here with the given mode and returns its path.
    @discardableResult
    func example(_ name: String, as newName: String? = nil, mode: Int = 0o600) throws -> String {
        let source = Workspace.repository.appendingPathComponent("Resources/examples/\(name)").path
        let target = path + "/" + (newName ?? name)
        try FileManager.default.copyItem(atPath: source, toPath: target)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: target)
        return target
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let target = path + "/" + name
        try text.write(toFile: target, atomically: false, encoding: .utf8)
        return target
    }

    func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)) }

    func json(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: read(name)) as! [String: Any]
    }
}
