import ArgumentsKit
import LiveKit
import SettingsKit

enum VerifyFormat: String, ArgumentChoice {
    case text, json, jsonl
}

struct VerifyCommand: Command {
    static let name = "verify"
    static let spec = CommandSpec(
        name: name,
        abstract: "audit plus live checks: the instance at Clerk, its Frontend API, and Atlassian's answer to the credentials.",
        discussion: """
            For each file: the audit's findings, and the live checks run at once: Clerk's Platform API (the \
            connection and, in production, the primary domain; needs \(PlatformKey.variable)), the public Frontend \
            API, and Atlassian's token endpoint (whether it accepts the Client ID and Secret; nothing about callback \
            URLs, scopes or sharing). Files naming the same instance share its answers. Exit code: 2 when a check \
            could not run or a file could not be read, else 1 with a blocker, else 0.
            """,
        arguments: [Positional(name: "paths", help: "Settings files or folders.", count: .oneOrMore, completion: .file)],
        options: [
            .value(
                "format", help: "text, json or jsonl (one line per file as it is judged, then a summary line).", values: VerifyFormat.names,
                default: "text"),
            .value("jobs", help: "Files judged at once.", default: "8"),
            LiveKeyOption.spec,
        ]
    )

    let paths: [String]
    let format: VerifyFormat
    let jobs: Int
    let key: LiveKeyOption

    init(_ arguments: ParsedArguments) throws(UsageError) {
        paths = arguments.arguments("paths")
        format = arguments.choice("format", default: .text)
        jobs = try arguments.integer("jobs") ?? 8
        key = LiveKeyOption(arguments)
    }

    func validate() throws {
        if paths.isEmpty { throw UsageError("give at least one file or folder") }
        if jobs < 1 { throw UsageError("--jobs must be at least 1") }
    }

    func run() throws {
        let ownOutput = AuditRun.standardOutputFile()
        var probe = AuditFiles(paths, excluding: ownOutput)
        if probe.next() == nil {
            Output.error("no settings files found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        let environment = try LiveSetup.environment(key)
        let answers = LiveAnswers()
        let tally = VerifyTally()
        let out = BufferedOutput(streaming: format == .jsonl)
        _ = (Output.colour, TextLocale.outputIsUTF8)
        let format = self.format
        var document = AuditDocument(lines: format == .jsonl, byCode: false)
        let workers = min(jobs, ParallelAudit.mostWorkers)
        if format != .text { out.write(document.start) }
        let summary = ParallelAudit.run(
            paths, workers: workers, order: format == .jsonl ? .asJudged : .byPath(window: 32 * workers), excluding: ownOutput,
            judge: { path, admit, totals -> (String, bytes: Int) in
                // The file is read by its own name; then, as audit's one sink does, its
                // secrets are masked in all that is written about it, its path included.
                let judged = VerifyEntry.judge(path, admit: admit, environment: environment, answers: answers)
                let (entry, filter) = ParallelAudit.masked(judged.entry)
                let verified = VerifyEntry(entry: entry, live: judged.live)
                totals.add(verified.entry)
                tally.add(verified)
                let text = filter.scrub(format == .text ? Output.safe(lines: VerifyText.render(verified)) : verified.compactJSON)
                return (text, text.utf8.count)
            },
            emit: { text in
                if format == .text {
                    Output.printUnescaped(text)
                } else {
                    document.entry(text, to: out.write)
                    out.endOfRecord()
                }
            })
        let (checkErrors, exitCode) = tally.totals
        if format == .text {
            for line in VerifyText.summary(summary, checkErrors: checkErrors) { Output.line(line) }
        } else {
            out.write(document.end(summary, adding: [("checkErrors", .number(String(checkErrors)))]))
        }
        out.flush()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
