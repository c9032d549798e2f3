import ArgumentsKit
import TestSupport
import Testing

/// The reader against a command that has every kind of argument and option: what each
/// form of a command line gives, and what each refusal says (the built binary's own
/// commands are tested in CLITests' ArgumentReaderTests).
@Suite struct ArgumentReaderUnitTests {
    static let spec = CommandSpec(
        name: "try", abstract: "A command with every kind of argument.",
        arguments: [
            Positional(name: "file", help: "A file."),
            Positional(name: "more", help: "More words.", count: .any),
        ],
        options: [
            .value("format", help: "text or json.", values: ["text", "json"], default: "text"),
            .value("code", help: "Repeatable.", repeating: true),
            .value("name", help: "Required.", required: true),
            .flag("quiet", short: "q", help: "Quiet."),
            .flag("all", short: "a", help: "All."),
        ])

    func read(_ words: [String]) throws(UsageError) -> ParsedArguments { try ArgumentReader.read(words, for: Self.spec) }

    func refusal(_ words: [String]) -> String? {
        do {
            _ = try read(words)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func eachFormOfAnOptionReadsTheSame() throws {
        let cases: [([String], String?)] = [
            (["f", "--name", "n", "--format", "json"], "json"), (["f", "--name=n", "--format=json"], "json"),
            (["--format", "json", "--name", "n", "f"], "json"), (["--name", "n", "--", "f"], nil),
            (["--format=text", "f", "--format", "json", "--name", "n"], "json"),
        ]
        for (words, format) in cases {
            let parsed = try read(words)
            #expect(parsed.argument("file") == "f" && parsed.option("name") == "n", "\(words)")
            #expect(parsed.option("format") == format, "\(words)")
        }
        #expect(try read(["f", "--name", "n", "--format", "text", "--format", "json"]).option("format") == "json", "the last one counts")
        #expect(try read(["f", "--name", "n", "--code", "a", "--code=b"]).options("code") == ["a", "b"])
        #expect(try read(["f", "--name", "n", "-qa"]).flag("quiet") && (try read(["f", "--name", "n", "-qa"])).flag("all"))
    }

    @Test func argumentsFillThePositionalsInOrderAndTheRepeatingOneTakesTheRest() throws {
        let parsed = try read(["a", "b", "--name", "n", "c", "--", "--quiet", "-"])
        #expect(parsed.argument("file") == "a")
        #expect(parsed.arguments("more") == ["b", "c", "--quiet", "-"])
        #expect(!parsed.flag("quiet"), "after --, a word is an argument")
        #expect(try read(["-", "--name", "n"]).argument("file") == "-", "- alone is standard input, an argument")
    }

    @Test func eachRefusalSaysWhat() {
        #expect(refusal(["--name", "n"]) == "Missing expected argument '<file>'")
        #expect(refusal(["f"]) == "Missing expected argument '--name <name>'")
        #expect(refusal(["f", "--name"]) == "Missing value for '--name <name>'")
        #expect(refusal(["f", "--name", "--quiet"]) == "Missing value for '--name <name>'", "an option's value is no option")
        #expect(refusal(["f", "--name="]) == "Missing value for '--name <name>'")
        #expect(
            refusal(["f", "--name", "n", "--format", "yaml"])
                == "The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.")
        #expect(refusal(["f", "--name", "n", "--quiet=yes"]) == "The option '--quiet' does not take any value, but 'yes' was specified.")
        #expect(refusal(["f", "--name", "n", "--fromat", "json"]) == "Unknown option '--fromat'. Did you mean '--format'?")
        #expect(refusal(["f", "--name", "n", "--zzz"]) == "Unknown option '--zzz'")
        #expect(refusal(["f", "--name", "n", "-x"]) == "Unknown option '-x'")
        #expect(refusal(["f", "--name", "n", "-qx"]) == "Unknown option '-x'")
    }

    @Test func aRefusalNamesItsCommandAndTheOptionsHelp() {
        do {
            _ = try read(["f", "--name", "n", "--format", "yaml"])
            Issue.record("read")
        } catch {
            let lines = error.lines(programName: "prog")
            #expect(
                lines == [
                    "Error: The value 'yaml' is invalid for '--format <format>'. Please provide one of 'text' and 'json'.",
                    "Help:  --format <format>  text or json.",
                    "Usage: prog try <file> [<more> ...] [--format <format>] [--code <code> ...] --name <name> [--quiet] [--all]",
                    "  See 'prog try --help' for more information.",
                ])
        }
    }

    @Test func helpListsEveryArgumentAndOptionInColumns() {
        let help = CommandHelp.text(Self.spec, programName: "prog")
        #expect(help.hasPrefix("OVERVIEW: A command with every kind of argument.\n\nUSAGE: prog try <file> [<more> ...]"))
        #expect(help.contains("\n  --format <format>       text or json. (values: text, json; default: text)\n"))
        #expect(help.contains("\n  -q, --quiet             Quiet.\n"))
        #expect(help.contains("\n  -h, --help              Show help information.\n"))
        #expect(help.hasSuffix("\n\n"))
        #expect(
            CommandHelp.wrap(String(repeating: "word ", count: 40), indent: 4).allSatisfy { $0.count <= CommandHelp.width && $0.hasPrefix("    w") })
    }

    /// Command lines made of the spec's own words and strays, seeded: every one is read or
    /// refused with a message (never a trap), and what is read keeps the spec's promises.
    @Test func anyCommandLineIsReadOrRefusedAndWhatIsReadKeepsTheSpecsPromises() {
        let vocabulary = [
            "f", "g", "-", "--", "--format", "--format=json", "--format=yaml", "--format=", "json", "text", "--code", "--code=x", "--name",
            "--name=n", "--quiet", "-q", "-a", "-qa", "-x", "--quiet=1", "--unknown", "-", "=", "--=", "---", "é", "\u{1B}[2J", "",
        ]
        var random = SplitMix64(seed: 23)
        var read = 0, refused = 0
        for _ in 0..<20_000 {
            let words = (0..<Int.random(in: 0...7, using: &random)).map { _ in vocabulary.randomElement(using: &random)! }
            do {
                let parsed = try self.read(words)
                read += 1
                #expect(!parsed.positionals["file", default: []].isEmpty, "\(words)")
                #expect(parsed.option("name") != nil, "\(words)")
                #expect(parsed.option("format").map { ["text", "json"].contains($0) } ?? true, "\(words)")
                for name in parsed.options.keys where name != "code" { #expect(parsed.options[name]!.count == 1, "\(words)") }
            } catch {
                refused += 1
                #expect(!error.message.isEmpty && error.command?.name == "try", "\(words)")
            }
        }
        #expect(read > 100 && refused > 100, "the vocabulary reaches both: \(read) read, \(refused) refused")
    }
}
