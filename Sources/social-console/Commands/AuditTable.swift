import ConsoleKit
import SettingsKit

/// `--format table`: one line per file under a header, columns aligned as `kubectl get`
/// prints them; a file that cannot be read is a row with its error code. Rows are held
/// until the last file is judged (the widths depend on all of them): one short line a file.
struct AuditTable: AuditWriter {
    static let header = ["PATH", "ENVIRONMENT", "READY", "BLOCKERS", "WARNINGS", "FIRST BLOCKER"]
    /// Between the cells of a rendered row: a control character, which no escaped cell holds.
    static let separator: Character = "\u{1F}"
    /// Between columns, as kubectl leaves.
    static let gap = "   "

    private var rows: [String] = []

    func render(_ entry: AuditEntry) -> String {
        let cells: [String]
        switch entry {
        case .report(let path, let verdict):
            let environment = verdict.report.environment ?? ""
            cells = [
                path, environment.isEmpty ? "-" : environment, verdict.ready ? "yes" : "no", String(verdict.count(.blocker)),
                String(verdict.count(.warning)), verdict.blockers.first?.code ?? "-",
            ]
        case .error(let path, let error):
            cells = [path, "-", "error", "-", "-", error.code.rawValue]
        }
        return cells.map(AuditTable.cell).joined(separator: String(AuditTable.separator))
    }

    mutating func part(_ text: String, to write: (String) -> Void) { rows.append(text) }

    func end(_ summary: AuditSummary) -> String {
        let table = [AuditTable.header] + rows.map { $0.split(separator: AuditTable.separator, omittingEmptySubsequences: false).map(String.init) }
        var widths = [Int](repeating: 0, count: AuditTable.header.count)
        for row in table { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        var out = ""
        for row in table {
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i < row.count - 1 { line += String(repeating: " ", count: widths[i] - DisplayWidth.of(cell)) + AuditTable.gap }
            }
            out += line + "\n"
        }
        return out
    }

    /// A cell on one line: every character that does not show as itself (line breaks and
    /// tabs too) written as a visible escape, as text output does with the others.
    static func cell(_ text: String) -> String {
        text.rewritingScalars { scalars, i in
            scalars[i].isHiddenFromDisplay ? (scalars[i].displayEscape, scalars.index(after: i)) : nil
        }
    }
}
