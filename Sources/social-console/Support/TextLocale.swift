import SettingsKit
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
        return text.rewritingScalars { scalars, i in
            guard scalars[i].value >= 0x80, let ascii = AsciiStandIns.text[scalars[i]] else { return nil }
            return (ascii, scalars.index(after: i))
        }
    }
}
