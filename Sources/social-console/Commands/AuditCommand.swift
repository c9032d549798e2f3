import ArgumentsKit
import SettingsKit

struct AuditCommand: Command {
    static let name = "audit"
    static let spec = CommandSpec(
        name: name,
        abstract: "Report what each settings file still needs, judged for the environment it names.",
        discussion: """
            A folder means every *.json below it; - reads the paths of files and folders from standard \
            input, one a line (find … | social-console audit -). A development file is ready when its \
            connection is enabled: what only production needs is still listed, marked (production), and \
            counts toward nothing. Exit code: the highest of 0 ready, 1 a blocker, 2 a file error.
            """,
        arguments: [
            Positional(
                name: "paths", help: "Settings files or folders; - reads their paths from standard input.", count: .oneOrMore,
                completion: .file)
        ],
        options: [
            .value(
                "format",
                help: """
                    text, json, jsonl (one line per file as it is judged, then a summary line), table (a line per \
                    file), sarif (SARIF 2.1.0, for code scanning) or junit (JUnit XML, a test per step).
                    """, values: AuditFormat.names, default: "text"),
            .value(
                "for", as: "environment", help: "production: judge every file for production, whatever environment it names.",
                values: AuditTarget.names),
            .value(
                "code", help: "Only the files with this finding or file error code (repeatable).", repeating: true,
                completion: .values(Audit.codes)),
            .flag("by-code", help: "Add how many files have each finding code (the fleet view) and which files."),
            .flag("only-failing", help: "List only the files that are not ready; the summary still counts every file."),
            .flag("quiet", short: "q", help: "Print nothing: the exit status only."),
            .value("jobs", help: "Threads to judge files on (default: two per core)."),
        ]
    )

    let audit: AuditRun

    init(_ arguments: ParsedArguments) throws(UsageError) {
        audit = AuditRun(
            paths: arguments.arguments("paths"), format: arguments.choice("format", default: .text), byCode: arguments.flag("by-code"),
            onlyFailing: arguments.flag("only-failing"), jobs: try arguments.integer("jobs"), judgedFor: arguments.choice("for"),
            codes: arguments.options("code"), quiet: arguments.flag("quiet"))
    }

    func validate() throws { try audit.validate() }

    func run() throws { try audit.run() }
}
