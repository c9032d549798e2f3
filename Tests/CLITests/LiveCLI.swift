import Foundation
import TestSupport
import Testing

/// The built binary run against the stand-in, with its environment (URLs, certificate,
/// key, no proxy); every run's output is searched byte-wise for the secret and the key.
struct LiveCLI {
    let standIn: StandIn
    let ws: Workspace

    init() throws {
        standIn = try StandIn()
        ws = try Workspace()
    }

    @discardableResult
    func run(
        _ args: [String], stdin: String? = nil, env: [String: String?] = [:], key: String? = StandIn.apiKey, timeout: Int = 5,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> CLI.Result {
        var environment = standIn.environment(key: key, timeout: timeout)
        environment["NO_COLOR"] = nil
        for (k, v) in env { environment[k] = v }
        let output = try ProcessRun.run(CLI.binary, args, stdin: stdin, cwd: ws.path, environment: environment)
        LiveCLI.expectNoSecrets(output.out + output.err, "the output of \(args)", sourceLocation: sourceLocation)
        return CLI.Result(out: output.outText, err: output.errText, code: output.code)
    }

    static func expectNoSecrets(_ bytes: Data, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!TestSecret.isIn(bytes), "the secret is in \(what)", sourceLocation: sourceLocation)
        #expect(!StandIn.keyIsIn(bytes), "the Platform API key is in \(what)", sourceLocation: sourceLocation)
    }

    /// A production file that matches the stand-in's instance and is ready.
    func readyFile(_ name: String = "acme.json", edit: (inout [String: Any]) -> Void = { _ in }) throws -> String {
        var json = try standIn.readySettings()
        edit(&json)
        let path = ws.path + "/" + name
        try JSONSerialization.data(withJSONObject: json, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: path))
        chmod(path, 0o600)
        return path
    }

    /// Every request's log line outside its body: the key may be only in Authorization,
    /// the secret nowhere.
    func expectCleanLog(sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (request, bytes) in try standIn.logOutsideBodies() {
            LiveCLI.expectNoSecrets(bytes, "the request \(request.method) \(request.target) outside its body", sourceLocation: sourceLocation)
            if let auth = request.header("Authorization") { #expect(!TestSecret.isIn(Array(auth.utf8)), sourceLocation: sourceLocation) }
            #expect(!request.body.contains(StandIn.apiKey), "the key in a body", sourceLocation: sourceLocation)
        }
    }

    func history(_ file: String) throws -> [[String: Any]] {
        let text = (try? String(contentsOfFile: file + ".history.jsonl", encoding: .utf8)) ?? ""
        LiveCLI.expectNoSecrets(Data(text.utf8), "the history")
        return text.split(separator: "\n").map { try! JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }
}
