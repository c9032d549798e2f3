#if canImport(Glibc)
import Glibc
#endif

/// Checks, before ncurses is touched, that there is a terminal the console can use.
/// ncurses itself would hang (piped stdin), print its own error and exit (TERM unset),
/// or silently lose every non-ASCII key (a non-UTF-8 locale); each case gets one line
/// that says what to do instead.
enum TerminalCheck {
    /// How to go on without the full screen: plain mode needs none of it.
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
        setlocale(LC_ALL, "")
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        if codeset.uppercased().filter({ $0 != "-" }) != "UTF8" {
            return "the locale is not UTF-8 (\(codeset.isEmpty ? "unknown" : codeset)); set one, e.g. export LC_ALL=C.UTF-8"
        }
        return nil
    }
}
