import SettingsKit
#if canImport(Glibc)
import Glibc
#endif

/// Where commands write. Text is styled only when stdout is a terminal, TERM is not
/// dumb and NO_COLOR is unset: pipes and files get plain text.
enum Output {
    static let colour: Bool = {
        if let noColour = getenv("NO_COLOR"), noColour.pointee != 0 { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(1) == 1
    }()

    /// The secrets of every settings file this command has read, and the Platform API key
    /// (`hide`): everything written here (and through `BufferedOutput`) is passed through
    /// them, the last net behind the masks each value got where it was formatted. Set
    /// before any output, read by `audit`'s threads.
    nonisolated(unsafe) private static var secrets = SecretFilter()

    /// Masks these in all that is written from now on: call with a file's secrets once it
    /// is read (`loadOrExit` does), before anything about it is printed.
    static func hide(_ secrets: [String]) { self.secrets.add(secrets) }

    /// `text` with those secrets masked, for a writer that escaped it already (`BufferedOutput`).
    static func masked(_ text: String) -> String { secrets.scrub(text) }

    /// The unescaped writer: text its writer already made safe (JSON escapes every control;
    /// `safe` made audit's lines), written as it is, but for the secrets.
    static func printUnescaped(_ text: String, terminator: String = "\n") { Swift.print(masked(text), terminator: terminator) }

    /// One line of text. Whatever it holds is shown on this one line: a line feed or tab
    /// from a file is escaped like every other control (`safe`); only the program's own
    /// line breaks, between the lines it writes, are line breaks.
    static func line(_ text: String = "") { Swift.print(safe(text)) }

    /// A line as `line` prints it: the secrets masked, escaped for the terminal, in the
    /// locale's characters. For text made on other threads and printed in turn (`audit`),
    /// so the work is not done one line at a time while the other threads wait.
    static func safe(_ text: String) -> String {
        TextLocale.forOutput(TerminalSafeText.sanitized(secrets.scrub(text), keepingColour: colour))
    }

    /// Lines as `line` prints them one by one, each ending in a line break.
    static func safe(lines: [String]) -> String { lines.map { safe($0) + "\n" }.joined() }

    /// One line on stderr, prefixed with the program name; escaped and masked as `line`.
    static func error(_ text: String) {
        // One line: the line break that may end it is the program's own.
        var message = text.hasSuffix("\n") ? String(text.dropLast()) : text
        if !message.hasPrefix("social-console") && !message.hasPrefix("Error:") && !message.hasPrefix("Usage:") {
            message = "social-console: " + message
        }
        message = TerminalSafeText.sanitized(secrets.scrub(message), keepingColour: false)
        writeStandardError(message + "\n")
    }

    /// A message of several lines of the program's own (a usage error with the command's
    /// usage, the typo message), each line escaped as `error` escapes one.
    static func error(lines text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1 && lines.last == "" { lines.removeLast() }
        guard let first = lines.first else { return }
        error(first)
        for line in lines.dropFirst() { writeStandardError(TerminalSafeText.sanitized(secrets.scrub(line), keepingColour: false) + "\n") }
    }

    /// A file error, as "path:line:column: message (code)", on stderr.
    static func fileError(_ error: FileError) { self.error(error.description) }

    static func bold(_ s: String) -> String { paint(s, "1") }
    static func dim(_ s: String) -> String { paint(s, "2") }
    static func red(_ s: String) -> String { paint(s, "31") }
    static func green(_ s: String) -> String { paint(s, "32") }
    static func yellow(_ s: String) -> String { paint(s, "33") }

    private static func paint(_ s: String, _ sgr: String) -> String {
        colour ? TerminalSafeText.style(s, sgr) : s
    }

    /// A finding's mark in its severity's colour; dim when it is listed only for production.
    static func mark(_ severity: Severity, productionOnly: Bool = false) -> String {
        if productionOnly { return dim(severity.glyph) }
        switch severity {
        case .blocker: return red(severity.glyph)
        case .warning: return yellow(severity.glyph)
        case .info: return dim(severity.glyph)
        }
    }

    /// A finding's mark as its verdict counts it: dim and tagged "(production)" when only
    /// production needs it.
    static func mark(_ finding: Finding, in verdict: Verdict) -> String {
        guard verdict.isProductionOnly(finding) else { return mark(finding.severity) }
        return mark(finding.severity, productionOnly: true) + " " + Verdict.productionTag
    }

    /// A step's mark: complete, complete but for what production needs, or blocked.
    static func stepMark(_ state: Verdict.StepState) -> String {
        switch state {
        case .complete: return green(state.glyph)
        case .productionOnly: return dim(state.glyph)
        case .incomplete: return red(state.glyph)
        }
    }

    /// The verdict's headline, ready in green and not ready in red.
    static func headline(_ verdict: Verdict) -> String {
        verdict.headline.map { phrase in
            switch phrase.tone {
            case .ready: return green(phrase.text)
            case .notReady: return red(phrase.text)
            case .plain: return phrase.text
            }
        }.joined()
    }
}
