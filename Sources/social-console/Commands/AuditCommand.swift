import ArgumentParser
import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report what each settings file still needs before production.",
        discussion: "A folder means every *.json below it. Exit code: the highest of 0 ready, 1 a blocker, 2 a file error."
    )

    @Argument(help: "Settings files or folders.", completion: .file())
    var paths: [String]

    @Option(name: .long, help: "text, json or jsonl (one line per file as it is judged, then a summary line).")
    var format: AuditFormat = .text

    @Flag(name: .long, help: "Add how many files have each finding code (the fleet view); in JSON also which files.")
    var byCode = false

    @Flag(name: .long, help: "List only the files that are not ready; the summary still counts every file.")
    var onlyFailing = false

    @Option(name: .long, help: "Threads to judge files on (default: two per core).")
    var jobs: Int?

    var options: AuditOptions {
        AuditOptions(paths: paths, format: format, byCode: byCode, onlyFailing: onlyFailing, jobs: jobs)
    }

    func validate() throws { try options.validate() }

    func run() throws { try options.run() }
}
