import ArgumentParser
import LiveKit
import SettingsKit

enum VerifyFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "audit plus live checks: the instance at Clerk, its Frontend API, and Atlassian's answer to the credentials.",
        discussion: """
            For each file: the audit's findings, and the live checks run at once: Clerk's Platform API (the \
            connection and, in production, the primary domain; needs \(PlatformKey.variable)), the public Frontend \
            API, and Atlassian's token endpoint (whether it accepts the Client ID and Secret; nothing about callback \
            URLs, scopes or sharing). Files naming the same instance share its answers. Exit code: 2 when a check \
            could not run or a file could not be read, else 1 with a blocker, else 0.
            """
    )

    @Argument(help: "Settings files or folders.", completion: .file())
    var paths: [String]

    @Option(name: .long, help: "text, json or jsonl (one line per file as it is judged, then a summary line).")
    var format: VerifyFormat = .text

    @Option(name: .long, help: "Files judged at once (default 8).")
    var jobs = 8

    @OptionGroup var key: LiveKeyOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
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
        _ = ParallelAudit.run(
            paths, workers: workers, order: format == .jsonl ? .asJudged : .byPath(window: 32 * workers), excluding: ownOutput,
            judge: { path, admit, _ -> (String, bytes: Int) in
                // The file is read by its own name; then, as audit's one sink does, its
                // secrets are masked in all that is written about it, its path included.
                let judged = VerifyEntry.judge(path, admit: admit, environment: environment, answers: answers)
                let (entry, filter) = ParallelAudit.masked(judged.entry)
                let verified = VerifyEntry(entry: entry, live: judged.live)
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
        let (summary, checkErrors, exitCode) = tally.totals
        if format == .text {
            for line in VerifyText.summary(summary, checkErrors: checkErrors) { Output.line(line) }
        } else {
            out.write(document.end(summary, adding: [("checkErrors", .number(String(checkErrors)))]))
        }
        out.flush()
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
