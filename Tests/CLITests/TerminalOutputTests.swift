import TestSupport
import Foundation
import Testing

/// Only the program's own styling reaches the terminal; values from files are escaped.
@Suite struct TerminalOutputTests {
    /// Runs the binary with a terminal as its standard output (util-linux `script`), so
    /// colour is on, and returns what it wrote.
    func onATerminal(_ args: [String]) throws -> Data {
        try ProcessRun.run(
            "/usr/bin/script", ["-q", "-e", "-c", ([CLI.binary] + args).joined(separator: " "), "/dev/null"],
            environment: ["NO_COLOR": nil, "TERM": "xterm-256color"]
        ).out
    }

    func hostile(_ ws: Workspace) throws -> String {
        var text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        // Concealed text, black on black, and a reset that would end our own red.
        text = text.replacingOccurrences(of: "\"name\": \"acme-prod\"", with: #""name": "acme\u001b[8m-HIDDEN-\u001b[30;40m\u001b[0m""#)
        text = text.replacingOccurrences(of: "\"vendorName\": \"Acme Inc.\"", with: #""vendorName": "\u001b[1mAcme\u001b[31m""#)
        // A blocker whose message quotes the value, to hide it from the person auditing.
        text = text.replacingOccurrences(of: "\"read:me\", ", with: #""read:me", "x\u001b[8m-HIDDEN-", "#)
        return try ws.write("h.json", text)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs util-linux script for a terminal"))
    func colourCodesFromAFileAreEscapedWithColourOn() throws {
        let ws = try Workspace()
        let file = try hostile(ws)
        for args in [["show", file], ["audit", file]] {
            let out = try onATerminal(args)
            let text = String(decoding: out, as: UTF8.self)
            #expect(text.contains("\u{1B}[1m"), "colour is on: \(text.prefix(300))")
            for raw in ["\u{1B}[8m", "\u{1B}[30;40m", "\u{1B}[31m\""] {
                #expect(!text.contains(raw), "\(args) passed \(raw.debugDescription) through")
            }
            #expect(text.contains("\\u001b[8m"), "\(args) shows the escape: \(text)")
            #expect(!out.contains(Data([0xEF, 0xB7, 0x90])), "no style marker left")
        }
    }

    /// U+2028, U+2029, U+FEFF and U+200B in values: escaped in text and in JSON.
    @Test func invisibleSeparatorsAreEscaped() throws {
        let ws = try Workspace()
        var text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"name\": \"acme-prod\"", with: #""name": "a\u2028b\u2029c\ufeffd\u200be""#)
        let file = try ws.write("i.json", text)
        let other = try ws.example("acme-prod.json", as: "o.json")
        for args in [["show", file], ["show", file, "--format", "json"], ["diff", file, other], ["diff", file, other, "--format", "json"]] {
            let r = try CLI.run(args)
            for scalar in ["\u{2028}", "\u{2029}", "\u{FEFF}", "\u{200B}"] {
                #expect(
                    !r.out.unicodeScalars.contains(scalar.unicodeScalars.first!),
                    "\(args) printed U+\(String(scalar.unicodeScalars.first!.value, radix: 16)) raw")
            }
            #expect(r.out.lowercased().contains("\\u2028"), "\(args): \(r.out)")
        }
    }
}
