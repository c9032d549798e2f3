import TestSupport
import Foundation
import Testing

/// The command line itself: the version, mistyped commands and keys, each command's own
/// usage and formats, and the ways of writing the same options read the same.
@Suite struct CommandLineTests {
    @Test func versionIsPrintedAndInTheHelp() throws {
        let r = try CLI.run(["--version"])
        #expect(r.code == 0)
        let line = r.out.trimmingCharacters(in: .newlines)
        #expect(line.range(of: #"^social-console \d+\.\d+\.\d+$"#, options: .regularExpression) != nil, "\(line)")
        let number = String(line.dropFirst("social-console ".count))
        let help = try CLI.run(["--help"])
        #expect(help.code == 0 && help.out.contains("Version \(number)."))
    }

    @Test(arguments: [("shwo", "show"), ("audti", "audit"), ("hsitory", "history"), ("edti", "edit"), ("sett", "set")])
    func aMistypedCommandIsAUsageError(typed: String, meant: String) throws {
        let ws = try Workspace()
        let r = try CLI.run([typed], cwd: ws.path)
        #expect(r.code == 2)
        #expect(r.err.contains("did you mean '\(meant)'?"), "\(r.err)")
        // The message's own line breaks are line breaks, not escapes of them.
        #expect(r.err.split(separator: "\n").count == 3 && !r.err.contains("\\u000a"), "\(r.err)")
        // Never taken for a new file: nothing was created.
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/" + typed))
    }

    @Test func aMistypedCommandBeforeAFolderDoesNotPrintTheConsoleUsage() throws {
        let ws = try Workspace()
        try ws.example("acme-prod.json")
        let r = try CLI.run(["audti", ws.path])
        #expect(r.code == 2)
        #expect(r.err.contains("did you mean 'audit'?"))
        #expect(!r.err.contains("edit".uppercased()) && !r.all.contains("Usage: social-console edit"), "\(r.all)")
    }

    @Test func anExistingFileNamedLikeATypoIsOpenedNotRefused() throws {
        let ws = try Workspace()
        try ws.example("acme-prod.json", as: "shwo")
        // Not a terminal, so the console refuses to start; but it was the console that answered.
        let r = try CLI.run(["shwo"], cwd: ws.path)
        #expect(!r.err.contains("did you mean"))
        #expect(r.err.contains("terminal"), "\(r.err)")
    }

    @Test func wordsFarFromEveryCommandAreStillFileNames() throws {
        let ws = try Workspace()
        // `edit --plain`-less console on a new name: refused only for want of a terminal.
        let r = try CLI.run(["tenant-eu"], cwd: ws.path)
        #expect(!r.err.contains("did you mean"))
    }

    @Test func setWithNothingToSetPrintsSetsOwnUsage() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["set", file])
        #expect(r.code == 2)
        #expect(r.err.contains("nothing to set"))
        #expect(r.err.contains("Usage: social-console set <file>"), "\(r.err)")
    }

    @Test(arguments: [
        ("atlassianApp.nme", "atlassianApp.name"), ("instance.enviroment", "instance.environment"),
        ("name", "instance.name"), ("atlassianApp.distribution.Status", "atlassianApp.distribution.status"),
        ("connection.scope", "connection.scopes"),
    ])
    func setSuggestsTheNearestKey(typed: String, meant: String) throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let before = try ws.read("acme-prod.json")
        let r = try CLI.run(["set", file, "\(typed)=x"])
        #expect(r.code == 2)
        #expect(r.err.contains("did you mean \"\(meant)\"?"), "\(r.err)")
        #expect(try ws.read("acme-prod.json") == before)
    }

    @Test func eachCommandListsTheFormatsItTakes() throws {
        for (command, values) in [
            ("show", "text, json;"), ("diff", "text, json;"), ("history", "text, json;"), ("audit", "text, json, jsonl, table, sarif, junit;"),
        ] {
            let help = try CLI.run([command, "--help"]).out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(help.contains("(values: \(values)"), "\(command): \(help)")
        }
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        let r = try CLI.run(["show", file, "--format", "jsonl"])
        #expect(r.code == 2 && r.err.contains("jsonl"))
    }

    /// Options before or after the paths, `--name=value` or `--name value`, `-q` or
    /// `--quiet`, and `--` before the paths: the same command, byte for byte.
    @Test func theWaysOfWritingTheSameOptionsReadTheSame() throws {
        let ws = try Workspace()
        let ready = try ws.example("acme-prod.json")
        let staging = try ws.example("acme-staging.json")
        // (as typed, the same in a canonical order: `--` ends the options)
        let cases: [([String], [String])] = [
            (["audit", ready], ["audit", "--", ready]),
            (["audit", ready, staging, "--format", "json"], ["audit", "--format", "json", "--", ready, staging]),
            (["audit", "--format=jsonl", staging, ready, "--jobs", "1"], ["audit", "--format", "jsonl", "--jobs", "1", "--", staging, ready]),
            (["audit", ws.path, "--by-code"], ["audit", "--by-code", "--", ws.path]),
            (
                ["audit", ws.path, "--only-failing", "--by-code", "--format", "json"],
                ["audit", "--only-failing", "--by-code", "--format", "json", "--", ws.path]
            ),
            (["audit", ws.path + "/missing.json"], ["audit", "--", ws.path + "/missing.json"]),
            (
                ["audit", ws.path, "--for", "production", "--code", "connection/link-only", "--code=app/logo-missing", "--format", "table"],
                ["audit", "--for", "production", "--code", "connection/link-only", "--code", "app/logo-missing", "--format", "table", "--", ws.path]
            ),
            (["audit", "-q", staging], ["audit", "--quiet", "--", staging]),
            (["audit", ready, "--format", "sarif"], ["audit", "--format", "sarif", "--", ready]),
            (["audit", ws.path, "--format=junit", "--only-failing"], ["audit", "--format", "junit", "--only-failing", "--", ws.path]),
        ]
        for (typed, canonical) in cases {
            let a = try CLI.run(typed), b = try CLI.run(canonical)
            #expect(a.out == b.out && a.err == b.err && a.code == b.code, "\(typed)")
            #expect(!a.out.isEmpty || !a.err.isEmpty || typed.contains("-q"))
        }
        // `-` reads paths from standard input, before `--` and after it.
        let piped = try CLI.run(["audit", "-"], stdin: ready), pipedParsed = try CLI.run(["audit", "--", "-"], stdin: ready)
        #expect(piped.out == pipedParsed.out && piped.code == 0 && piped.out.contains("ready for production"))
        // Refusals come with the command's usage.
        let bad = try CLI.run(["audit", ready, "--jobs", "0"])
        #expect(bad.code == 2 && bad.err.contains("--jobs must be at least 1") && bad.err.contains("Usage: social-console audit"))
        let unknown = try CLI.run(["audit", ready, "--bogus"])
        #expect(unknown.code == 2 && unknown.err.contains("--bogus"))
        // The console: refused for want of a terminal, whichever way its file is given.
        let console = try CLI.run(["edit", ready, "--read-only"])
        let consoleParsed = try CLI.run(["edit", "--read-only", "--", ready])
        #expect(console.err == consoleParsed.err && console.code == consoleParsed.code && console.code != 0)
    }
}
