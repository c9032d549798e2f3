import TestSupport
import Foundation
import Testing

/// The bash completion the binary generates, run by bash as it would be on Tab
/// (Tests/complete.bash sets COMP_WORDS and calls the completion function).
@Suite struct CompletionTests {
    func complete(_ words: [String], in folder: String) throws -> [String] {
        let ws = try Workspace()
        let script = try CLI.run(["--generate-completion-script", "bash"])
        let scriptPath = try ws.write("social-console.bash", script.out)
        let output = try ProcessRun.run("/bin/bash", [Repository.path("Tests/complete.bash"), scriptPath, CLI.binary] + words, cwd: folder)
        return output.outText.split(separator: "\n").map(String.init)
    }

    @Test func completesFileNamesSetKeysAndValues() throws {
        guard FileManager.default.isExecutableFile(atPath: "/bin/bash") else { return }
        let ws = try Workspace()
        try ws.example("acme-prod.json")
        try ws.write("notes.txt", "x")
        #expect(try complete(["show", "acme"], in: ws.path) == ["acme-prod.json"])
        #expect(try complete(["audit", "ac"], in: ws.path) == ["acme-prod.json"])
        #expect(try complete(["set", "acme-prod.json", "instance.na"], in: ws.path) == ["instance.name="])
        // A key with known values comes with each of them, so bash fills in `key=` and lists them.
        #expect(
            try complete(["set", "acme-prod.json", "instance.env"], in: ws.path)
                == ["instance.environment=development", "instance.environment=production"])
        #expect(
            try complete(["set", "acme-prod.json", "atlassianApp.distribution.s"], in: ws.path)
                == [
                    "atlassianApp.distribution.status=not_sharing", "atlassianApp.distribution.status=sharing",
                    "atlassianApp.distribution.storesPersonalData=true", "atlassianApp.distribution.storesPersonalData=false",
                ])
        // The secret is never offered: it is not taken from the command line.
        #expect(!(try complete(["set", "acme-prod.json", "connection.client"], in: ws.path)).contains("connection.clientSecret="))
        // bash hands `key=value` over as key, "=", value.
        #expect(try complete(["set", "acme-prod.json", "instance.environment", "="], in: ws.path) == ["development", "production"])
        #expect(try complete(["set", "acme-prod.json", "instance.environment", "=", "pro"], in: ws.path) == ["production"])
        #expect(try complete(["set", "acme-prod.json", "connection.enabled", "=", ""], in: ws.path) == ["true", "false"])
        // What bash leaves after filling in `key=` itself: the "=" quoted, one word.
        #expect(try complete(["set", "acme-prod.json", "instance.environment\\=pro"], in: ws.path) == ["instance.environment=production"])
        #expect(try complete(["show", "--format", ""], in: ws.path) == ["text", "json"])
        #expect(try complete(["audit", "--format", ""], in: ws.path) == ["text", "json", "jsonl", "table", "sarif", "junit"])
        #expect(try complete(["audit", "--for", ""], in: ws.path) == ["production"])
        #expect(try complete(["audit", "--code", "connection/"], in: ws.path) == ["connection/disabled", "connection/link-only"])
        #expect(try complete(["init", "new.json", "--environment", ""], in: ws.path) == ["development", "production"])
        #expect(try complete(["hist"], in: ws.path) == ["history"])
    }

    /// The fish completion, asked as fish asks on Tab (`complete -C`), where fish is
    /// installed (the CI machine has none: `make check-install` then only says so).
    @Test func fishCompletesCommandsOptionsValuesAndSetsWords() throws {
        guard let fish = ["/usr/bin/fish", "/bin/fish"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            try Test.cancel("fish is not installed")
        }
        let ws = try Workspace()
        try ws.example("acme-prod.json")
        let script = try ws.write("social-console.fish", try CLI.run(["--generate-completion-script", "fish"]).out)
        let folder = URL(fileURLWithPath: CLI.binary).deletingLastPathComponent().path
        func complete(_ line: String) throws -> [String] {
            let command = "set -x PATH \(folder) $PATH; source \(script); complete -C '\(line)'"
            let output = try ProcessRun.run(fish, ["--no-config", "-c", command], cwd: ws.path)
            return output.outText.split(separator: "\n").map { String($0.split(separator: "\t").first ?? "") }
        }
        #expect(try complete("social-console show --format ") == ["json", "text"])
        #expect(try complete("social-console au") == ["audit", "authorize-url"])
        #expect(try complete("social-console show ac") == ["acme-prod.json"])
        #expect(try complete("social-console audit --code connection/") == ["connection/disabled", "connection/link-only"])
        #expect(
            try complete("social-console set acme-prod.json instance.env") == ["instance.environment=development", "instance.environment=production"])
        #expect(try complete("social-console set acme-prod.json instance.environment=pro") == ["instance.environment=production"])
        #expect(!(try complete("social-console set acme-prod.json connection.client")).contains("connection.clientSecret="))
    }
}
