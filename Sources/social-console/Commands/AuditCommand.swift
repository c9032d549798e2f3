import ArgumentParser
import SettingsKit

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report what each settings file still needs, judged for the environment it names.",
        discussion: """
            A folder means every *.json below it; - reads the paths of files and folders from standard \
            input, one a line (find … | social-console audit -). A development file is ready when its \
            connection is enabled: what only production needs is still listed, marked (production), and \
            counts toward nothing. Exit code: the highest of 0 ready, 1 a blocker, 2 a file error.
            """
    )

    @Argument(help: "Settings files or folders; - reads their paths from standard input.", completion: .file())
    var paths: [String]

    @Option(
        name: .long,
        help: """
            text, json, jsonl (one line per file as it is judged, then a summary line), table (a line per \
            file), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, a test per step).
            """)
    var format: AuditFormat = .text

    @Option(
        name: .customLong("for"),
        help: ArgumentHelp("production: judge every file for production, whatever environment it names.", valueName: "environment"))
    var judgedFor: AuditTarget?

    @Option(name: .customLong("code"), help: "Only the files with this finding or file error code (repeatable).", completion: .list(Audit.codes))
    var codes: [String] = []

    @Flag(name: .long, help: "Add how many files have each finding code (the fleet view) and which files.")
    var byCode = false

    @Flag(name: .long, help: "List only the files that are not ready; the summary still counts every file.")
    var onlyFailing = false

    @Flag(name: [.customShort("q"), .long], help: "Print nothing: the exit status only.")
    var quiet = false

    @Option(name: .long, help: "Threads to judge files on (default: two per core).")
    var jobs: Int?

    var audit: AuditRun {
        AuditRun(
            paths: paths, format: format, byCode: byCode, onlyFailing: onlyFailing, jobs: jobs, judgedFor: judgedFor, codes: codes,
            quiet: quiet)
    }

    func validate() throws { try audit.validate() }

    func run() throws { try audit.run() }
}
