import ConsoleKit
import SettingsKit

/// `--format table`: one line per file under a header, columns aligned as `kubectl get`
/// prints them; a file that cannot be read is a row with its error code. Rows are held
/// until the last file is judged (the widths depend on all of them): one short line a file.
struct AuditTable: AuditWriter {
    static let header = ["PATH", "ENVIRONMENT", "READY", "BLOCKERS", "WARNINGS", "FIRST BLOCKER"]
    /// Between the cells of a rendered row: a control character, which no escaped cell holds.
    static let separator = "\u{1F}"
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
        return cells.map(AuditTable.cell).joined(separator: AuditTable.separator)
    }

    mutating func part(_ text: String, to write: (String) -> Void) { rows.append(text) }

    func end(_ summary: AuditSummary) -> String {
        let table =
            [AuditTable.header]
            + rows.map { row in
                row.utf8.split(separator: AuditTable.separator.utf8.first!, omittingEmptySubsequences: false).map {
                    String(decoding: $0, as: UTF8.self)
                }
            }
        // Each cell measured once (the cells are escaped: printable ASCII, nearly all, is
        // measured a byte a column).
        let cellWidths = table.map { row in row.map { DisplayWidth.of($0) } }
        var widths = [Int](repeating: 0, count: AuditTable.header.count)
        for row in cellWidths { for (i, width) in row.enumerated() { widths[i] = max(widths[i], width) } }
        var out = ""
        for (row, rowWidths) in zip(table, cellWidths) {
            for (i, cell) in row.enumerated() {
                out += cell
                if i < row.count - 1 { out += String(repeating: " ", count: widths[i] - rowWidths[i]) + AuditTable.gap }
            }
            out += "\n"
        }
        return out
    }

    /// A cell on one line: every character that does not show as itself (line breaks and
    /// tabs too) written as a visible escape, as text output does with the others.
    static func cell(_ text: String) -> String { text.displayEscaped }
}
