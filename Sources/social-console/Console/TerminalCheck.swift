#if canImport(Glibc)
import Glibc
#endif

/// Checks, before ncurses is touched, that there is a terminal the console can use.
/// ncurses itself would hang (piped stdin) or print its own error and exit (TERM unset);
/// each case gets one line that says what to do instead. A locale that is not UTF-8
/// (LANG=C on a server or in a container) does not stop the console: it takes C.UTF-8
/// where the system has it, and otherwise draws in ASCII.
enum TerminalCheck {
    /// How to go on without the full screen: plain mode needs none of it.
    static let plainHint = "or use `social-console edit --plain FILE` for line prompts"

    /// Set by `problem()`: no UTF-8 locale could be had, so frames are drawn in ASCII.
    nonisolated(unsafe) static var asciiOnly = false

    /// Why `edit` runs plain mode instead of the console, if the environment asks: ACCESSIBLE
    /// set to anything but empty, 0, false or no (a screen reader's user set it once for
    /// every program, as huh reads it), or TERM=dumb, which cannot show a full screen.
    static func plainReason() -> String? {
        if let value = getenv("ACCESSIBLE").map({ String(cString: $0).lowercased() }), !["", "0", "false", "no"].contains(value) {
            return "ACCESSIBLE is set"
        }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return "TERM=dumb" }
        return nil
    }

    /// Whether standard input's terminal hung up (its window closed): every read then ends
    /// at once and terminal ioctls fail with EIO. The kernel's SIGHUP usually says so
    /// first, but not to a process whose shell does not pass it on.
    static var isHungUp: Bool {
        var modes = termios()
        return tcgetattr(0, &modes) != 0 && errno == EIO
    }

    static func problem() -> String? {
        if isatty(0) != 1 {
            return "standard input is not a terminal; the console needs one (\(plainHint); for scripts also show, set or audit)"
        }
        if isatty(1) != 1 {
            return "standard output is not a terminal; the console needs one (\(plainHint); for scripts also show, set or audit)"
        }
        guard getenv("TERM").map({ $0.pointee != 0 }) == true else {
            return "TERM is not set; set it to your terminal's type, e.g. export TERM=xterm-256color, \(plainHint)"
        }
        // Only the character type matters (what a byte means on screen and from the
        // keyboard), as for every command (TextLocale): the program's words are its own
        // and it formats no number or date and sorts nothing by the C library. Taking
        // every category of the locale opened two dozen files at each start.
        setlocale(LC_CTYPE, "")
        if !TextLocale.isUTF8, setlocale(LC_CTYPE, "C.UTF-8") == nil || !TextLocale.isUTF8 {
            asciiOnly = true
        }
        return nil
    }
}
