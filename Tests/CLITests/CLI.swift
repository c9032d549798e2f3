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
    static func run(
        _ args: [String], stdin: String? = nil, cwd: String? = nil, env: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Result {
        var environment: [String: String?] = ["NO_COLOR": nil]
        for (k, v) in env { environment[k] = v }
        let output = try ProcessRun.run(binary, args, stdin: stdin, cwd: cwd, environment: environment)
        let (outData, errData) = (output.out, output.err)
        let result = Result(out: output.outText, err: output.errText, code: output.code)
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
