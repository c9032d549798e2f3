import TestSupport
import Foundation
import Testing

/// The command line as the program's own parser reads it (`Arguments/`): the forms an
/// option takes, what ends the options, and each refusal's wording and usage.
@Suite struct ArgumentReaderTests {
    @Test func anOptionGivenTwiceKeepsItsLastValueAndARepeatableOneKeepsThemAll() throws {
        let ws = try Workspace()
        let file = try ws.example("acme-prod.json")
        #expect(try CLI.run(["show", file, "--format", "json", "--format=text"]).out.hasPrefix(file))
        #expect(try CLI.run(["show", file, "--format", "text", "--format", "json"]).out.hasPrefix("{"))
        // Two codes: the files with either.
        let r = try CLI.run(["audit", ws.path, "--code", "file/not-found", "--code=connection/link-only", "--format", "table"])
        #expect(r.code == 0 && r.err.isEmpty, "\(r.err)")
    }

    @Test func dashDashEndsTheOptionsAndADashAloneIsAnArgument() throws {
        let ws = try Workspace()
        try ws.example("acme-prod.json", as: "--format")
        let r = try CLI.run(["show", "--", "--format"], cwd: ws.path)
        #expect(r.code == 0 && r.out.hasPrefix("--format"), "\(r.err)")
        // `explain -` reads the message from standard input.
        let explained = try CLI.run(["explain", "-"], stdin: "redirect_uri_mismatch\n")
        #expect(explained.code == 0 && explained.out.contains("redirect"), "\(explained.err)")
    }

    @Test(arguments: [
        (["show", "a.json", "--format"], "Missing value for '--format <format>'"),
        (["authorize-url", "a.json", "--state", "-x"], "Missing value for '--state <state>'"),
        (["show", "a.json", "--format="], "Missing value for '--format <format>'"),
        (["show", "a.json", "--format", "yaml"], "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'."),
        (["audit", "a.json", "--jobs", "many"], "The value 'many' is invalid for '--jobs <jobs>'"),
        (["audit", "a.json", "--quiet=yes"], "The option '--quiet' does not take any value, but 'yes' was specified."),
        (["audit", "a.json", "--formt", "json"], "Unknown option '--formt'. Did you mean '--format'?"),
        (["audit", "a.json", "-x"], "Unknown option '-x'"),
        (["show"], "Missing expected argument '<file>'"),
        (["audit"], "Missing expected argument '<paths> ...'"),
        (["show", "a.json", "b.json"], "Unexpected argument 'b.json'"),
        (["init", "new.json", "--redirect-uri", "https://x.example/v1/oauth_callback"], "Missing expected argument '--environment <environment>'"),
        (["help", "audti"], "Unknown command 'audti'; did you mean 'audit'?"),
    ])
    func aRefusalSaysWhatAndShowsTheUsage(arguments: [String], message: String) throws {
        let ws = try Workspace()
        try ws.example("acme-prod.json", as: "a.json")
        let r = try CLI.run(arguments, cwd: ws.path)
        #expect(r.code == 2)
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.first == "Error: " + message, "\(r.err)")
        #expect(lines.contains { $0.hasPrefix("Usage: social-console") }, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ws.path + "/new.json"))
    }

    /// A refused word is quoted back, its control characters escaped: a hostile argument
    /// (a script's, a pasted one) cannot drive the terminal through an error message.
    @Test func aRefusedWordsControlCharactersAreShownEscaped() throws {
        for arguments in [
            ["show", "a.json", "b\u{1B}]52;c;aGk=\u{07}"], ["audit", "a.json", "--format", "\u{1B}[31mred"], ["audit", "--\u{1B}[2J"],
        ] {
            let r = try CLI.run(arguments)
            #expect(r.code == 2)
            #expect(!r.err.utf8.contains(0x1B) && !r.err.utf8.contains(0x07), "\(arguments): \(r.err)")
            #expect(r.err.contains("\\u001b"), "\(r.err)")
        }
    }

    @Test func aRefusalAboutAnOptionQuotesItsHelp() throws {
        let r = try CLI.run(["show", "a.json", "--format", "yaml"])
        #expect(r.err.contains("\nHelp:  --format <format>  text or json.\n"), "\(r.err)")
        #expect(r.err.hasSuffix("  See 'social-console show --help' for more information.\n"), "\(r.err)")
    }

    @Test func helpAndVersionWinOverTheRestOfTheLine() throws {
        for arguments in [["audit", "--help"], ["audit", "-h"], ["audit", "-qh"], ["help", "audit"], ["audit", "--bogus", "--help"]] {
            let r = try CLI.run(arguments)
            #expect(r.code == 0 && r.out.hasPrefix("OVERVIEW: Report what each settings file still needs"), "\(arguments): \(r.all)")
            #expect(r.out.contains("USAGE: social-console audit <paths> ... [--format <format>]"))
        }
        // After `--`, `--help` is a file's name.
        #expect(try CLI.run(["show", "--", "--help"]).err.contains("file/not-found"))
        for arguments in [["--version"], ["show", "--version"], ["audit", "x.json", "--version"]] {
            let r = try CLI.run(arguments)
            #expect(r.code == 0 && r.out.hasPrefix("social-console "), "\(arguments)")
        }
        let root = try CLI.run(["help"])
        #expect(root.code == 0 && root.out.contains("SUBCOMMANDS:\n  edit (default)"))
        #expect(root.out.hasSuffix("  See 'social-console help <subcommand>' for detailed help.\n"))
    }

    /// The help's columns: labels at two spaces, descriptions at 26, every line within 79
    /// columns but a usage line.
    @Test func helpIsLaidOutInColumns() throws {
        for command in ["audit", "init", "set", "verify"] {
            let help = try CLI.run([command, "--help"]).out
            for line in help.split(separator: "\n") where !line.hasPrefix("USAGE:") {
                #expect(line.count <= 79, "\(command): \(line)")
            }
        }
        let initHelp = try CLI.run(["init", "--help"]).out
        // A label too long for the column puts its description on the next line.
        #expect(initHelp.contains("  --environment <environment>\n                          development or production.\n"))
        #expect(initHelp.contains("  --name <name>           A name for the instance, e.g. acme-prod.\n"))
    }
}
