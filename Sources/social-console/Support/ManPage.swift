import ConsoleKit
import SettingsKit

/// The man page's sections that the command definitions cannot give, written into the page
/// swift-argument-parser's generate-manual makes: `make files` runs
/// `social-console --complete-man-page < generated.1 > social-console.1`. Each section is
/// generated from the data the program itself runs on (the console's key table, the
/// store's side-file names, Resources/manual.json), so the page cannot drift from it.
enum ManPage {
    static let argument = "--complete-man-page"

    /// The generated page from standard input, completed, on standard output.
    static func run() {
        Output.printUnescaped(complete(String(decoding: SystemIO.readAll(0, limit: 1 << 24), as: UTF8.self)), terminator: "")
    }

    /// The sections, in the order the mdoc conventions give them, in place of the generated
    /// page's EXIT STATUS (generate-manual's says only "0 on success, >0 on error"). A page
    /// without one gets them before AUTHORS or SEE ALSO, or at the end.
    static func complete(_ page: String) -> String {
        var lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let added = sections.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let exit = lines.firstIndex(where: { sectionTitle($0) == "EXIT STATUS" }) {
            let end = lines[(exit + 1)...].firstIndex { sectionTitle($0) != nil } ?? lines.count
            lines.replaceSubrange(exit..<end, with: added)
        } else {
            let at = lines.firstIndex { ["SEE ALSO", "AUTHORS"].contains(sectionTitle($0)) } ?? lines.count
            lines.insert(contentsOf: added, at: at)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The title of an `.Sh` line, quotes removed; nil for any other line.
    static func sectionTitle(_ line: String) -> String? {
        guard line.hasPrefix(".Sh ") else { return nil }
        return String(line.dropFirst(4).filter { $0 != "\"" })
    }

    static var sections: String {
        var out: [String] = []
        out.append(".Sh CONSOLE KEYS")
        out.append(text("The full-screen console's keys, as its key bar and F1 list them:"))
        for section in KeyReference.sections {
            out.append(".Ss " + quoted(section.heading))
            out += list(section.rows.map { ($0.keys, $0.action) }, width: "14n")
        }
        out.append(".Sh ENVIRONMENT")
        out += list(Manual.environment.map { ($0.term, $0.meaning) }, macro: "Ev")
        out.append(".Sh FILES")
        out += list(Manual.files(for: "FILE", settingsFile: QuickStart.defaultFile).map { ($0.term, $0.meaning) }, macro: "Pa")
        out.append(".Sh EXIT STATUS")
        out += list(Manual.exitStatus.map { ($0.term, $0.meaning) }, width: "8n")
        out.append(".Sh EXAMPLES")
        for example in Manual.examples {
            out.append(".Pp")
            out.append(text(example.text))
            out.append(".Bd -literal -offset indent")
            // A long command goes on over lines ending in a backslash, as typed in a shell.
            out += example.commands.flatMap { $0.split(separator: "\n").map { text(String($0)) } }
            out.append(".Ed")
        }
        return out.joined(separator: "\n")
    }

    /// A tagged list: each term (a key, a variable, a file) with its meaning. A term of
    /// several names ("LANG, LC_ALL") gets the macro for each.
    static func list(_ items: [(term: String, meaning: String)], macro: String? = nil, width: String = "Ds") -> [String] {
        var out = [".Bl -tag -width " + width]
        for (term, meaning) in items {
            if let macro {
                let names = term.split(separator: ",").map { String($0).trimmingWhitespace }
                out.append(".It " + names.map { macro + " " + quoted($0) }.joined(separator: " , "))
            } else {
                out.append(".It " + quoted(term))
            }
            out.append(text(meaning))
        }
        out.append(".El")
        return out
    }

    /// A macro argument in quotes, so a key named like a macro ("Ar", "No") stays a word.
    static func quoted(_ s: String) -> String { "\"" + escaped(s).replacing(text: "\"", with: "\\(dq") + "\"" }

    /// A text line: never read as a request, whatever it starts with.
    static func text(_ s: String) -> String {
        let line = escaped(s)
        return line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line
    }

    /// Backslashes as `\e`, and every character beyond ASCII as `\[uXXXX]`, which groff and
    /// mandoc both render in any locale (generate-manual drops such characters).
    static func escaped(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar == "\\" {
                out += "\\e"
            } else if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return out
    }
}
