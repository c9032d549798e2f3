#if canImport(Glibc)
import Glibc
#endif

/// Checks, before ncurses is touched, that there is a terminal the console can use.
/// ncurses itself would hang (piped stdin), print its own error and exit (TERM unset),
/// or silently lose every non-ASCII key (a non-UTF-8 locale); each case gets one line
/// that says what to do instead, and names plain mode, which needs none of it.
enum TerminalCheck {
    /// How to go on without the full screen.
    static let plainHint = "or use `social-console edit --plain FILE` for line prompts"

    static func problem() -> String? {
        if isatty(0) != 1 {
            return "standard input is not a terminal; the console needs one (\(plainHint); for scripts also show, set or audit)"
        }
        if isatty(1) != 1 {
            return "standard output is not a terminal; the console needs one (\(plainHint); for scripts also show, set or audit)"
        }
        guard let rawTerm = getenv("TERM"), rawTerm.pointee != 0 else {
            return "TERM is not set; set it to your terminal's type, e.g. export TERM=xterm-256color, \(plainHint)"
        }
        let term = String(cString: rawTerm)
        if term == "dumb" {
            return "TERM=dumb cannot show the console; use a full terminal (e.g. TERM=xterm-256color), \(plainHint)"
        }
        if !localeIsUTF8 {
            return "the locale is not UTF-8 (\(codeset.isEmpty ? "unknown" : codeset)); set one, e.g. export LC_ALL=C.UTF-8, \(plainHint)"
        }
        return nil
    }

    /// The locale's character set as the environment sets it up ("UTF-8", "ANSI_X3.4-1968").
    static var codeset: String {
        setlocale(LC_ALL, "")
        return nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
    }

    /// Whether text may be printed as UTF-8; if not, output uses ASCII glyphs.
    static var localeIsUTF8: Bool { codeset.uppercased().filter { $0 != "-" } == "UTF8" }
}
