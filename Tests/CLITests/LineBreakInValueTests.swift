import TestSupport
import Foundation
import Testing

/// Only the program's own line breaks are line breaks: a line feed or tab from a file (a
/// value, a file name) is shown escaped like every other control, so a file cannot print
/// a fake question or a fake verdict on a line of its own.
@Suite struct LineBreakInValueTests {
    static let forged = "FORGED ready for production"

    /// No line of `text` starts with the forged text; it is there, escaped, on a line of
    /// the program's own.
    func expectNoForgedLine(_ text: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("FORGED") }, "\(what): \(text)", sourceLocation: sourceLocation)
        // As text shows a control, or inside a JSON value as JSON escapes it.
        #expect(
            text.contains("\\u000a" + Self.forged) || text.contains("\\n" + Self.forged), "\(what) shows the line feed escaped: \(text)",
            sourceLocation: sourceLocation)
        #expect(!text.contains("\t"), "\(what) prints a tab from the file: \(text)", sourceLocation: sourceLocation)
    }

    func workspace() throws -> (Workspace, String) {
        let ws = try Workspace()
        try FileManager.default.createDirectory(atPath: ws.path + "/fleet", withIntermediateDirectories: false)
        let file = try ws.write(
            "fleet/x\n\(Self.forged).json",
            #"{"schemaVersion": 1, "instance": {"name": "acme\n\#(Self.forged)", "environment": "production", "redirectUri": "https://clerk.acme.com/v1/oauth_callback\t\n\#(Self.forged)"}, "notes": {"n": "a\tb\n\#(Self.forged)"}}"#
        )
        return (ws, file)
    }

    @Test func showAndAuditKeepAValuesLineFeedOnItsLine() throws {
        let (ws, file) = try workspace()
        expectNoForgedLine(try CLI.run(["show", file]).out, "show")
        expectNoForgedLine(try CLI.run(["audit", file]).out, "audit")
        expectNoForgedLine(try CLI.run(["audit", ws.path + "/fleet"]).out, "audit of the folder")
        // JUnit's failure text, which CI shows line by line: the program's own line breaks only.
        expectNoForgedLine(try CLI.run(["audit", ws.path + "/fleet", "--format", "junit"]).out, "audit --format junit")
        expectNoForgedLine(try CLI.run(["set", file, "instance.name=b\n\(Self.forged)"]).out, "set")
        expectNoForgedLine(try CLI.run(["history", file]).out, "history")
        let other = try ws.write("other.json", #"{"schemaVersion": 1}"#)
        expectNoForgedLine(try CLI.run(["diff", other, file]).out, "diff")
        // An error naming the file: one line on stderr.
        let missing = try CLI.run(["show", ws.path + "/no\n\(Self.forged).json"])
        #expect(missing.code == 2 && missing.err.split(separator: "\n").count == 1, "\(missing.err)")
    }

    @Test func plainModeKeepsAValuesLineFeedOnItsLine() throws {
        let (_, file) = try workspace()
        let r = try CLI.run(["edit", "--plain", file], stdin: "\n\n\nq\n", env: PlainModeTests.environment)
        expectNoForgedLine(r.out, "plain mode")
    }
}
