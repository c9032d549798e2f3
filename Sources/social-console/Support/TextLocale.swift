#if canImport(Glibc)
import Glibc
#endif

/// Whether the locale's characters are UTF-8, and command output for one that is not
/// (LANG=C on servers and in containers): the program's own glyphs in ASCII, so a
/// terminal set to ASCII shows `v`, `x` and `->` instead of mojibake.
enum TextLocale {
    /// The C library's character type now (after a setlocale).
    static var isUTF8: Bool {
        let codeset = nl_langinfo(nl_item(CODESET)).map { String(cString: $0) } ?? ""
        return codeset.uppercased().filter { $0 != "-" } == "UTF8"
    }

    /// For command output, from the environment's locale (LC_ALL, LC_CTYPE, LANG), once.
    static let outputIsUTF8: Bool = {
        setlocale(LC_CTYPE, "")
        return isUTF8
    }()

    /// `text` as it should be printed in this locale. Free when the locale is UTF-8 or
    /// the text is ASCII.
    static func forOutput(_ text: String) -> String {
        if outputIsUTF8 || text.isASCII { return text }
        // A run at a time between the glyphs that change (see TerminalSafeText.sanitized).
        let scalars = text.unicodeScalars
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var run = scalars.startIndex
        var i = run
        while i < scalars.endIndex {
            let next = scalars.index(after: i)
            if scalars[i].value >= 0x80, let ascii = Unicode.Scalar.asciiStandIns[scalars[i]] {
                out += Substring(scalars[run..<i])
                out += ascii
                run = next
            }
            i = next
        }
        out += Substring(scalars[run...])
        return out
    }
}
