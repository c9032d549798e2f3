import TestSupport
import Foundation
import Testing

/// Names are bytes: a file whose name is not UTF-8 (here Latin-1 "café.json", the byte
/// 0xE9) is shown, audited, set and edited by the name it has, never a look-alike, and
/// its bytes are shown escaped (`\xe9`). Commands are run through sh, whose printf makes
/// the bytes: Foundation's Process passes only UTF-8 arguments.
@Suite struct NonUTF8NameTests {
    static let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".json".utf8)
    static let latin1InShell = #"$(printf 'caf\351.json')"#
    let folder = TemporaryFolder("bytes")

    /// Creates `name` (bytes) in the folder with the example's text.
    func create(_ name: [UInt8], text: String = Repository.text("Resources/examples/acme-prod.json")) {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o600) } }
        precondition(fd >= 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    /// The folder's names, as bytes.
    func names() -> [[UInt8]] {
        guard let d = opendir(folder.path) else { return [] }
        defer { closedir(d) }
        var out: [[UInt8]] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E] { out.append(name) }
        }
        return out.sorted { $0.lexicographicallyPrecedes($1) }
    }

    func contents(_ name: [UInt8]) throws -> String {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        guard let f = path.withUnsafeBufferPointer({ $0.withMemoryRebound(to: CChar.self) { fopen($0.baseAddress!, "rb") } }) else { return "" }
        defer { fclose(f) }
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while case let n = fread(&buf, 1, buf.count, f), n > 0 { out += buf[..<n] }
        return String(decoding: out, as: UTF8.self)
    }

    /// `script` run by sh in the folder, `$BIN` being the built binary.
    func sh(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> CLI.Result {
        let r = try ProcessRun.run("/bin/sh", ["-c", script], cwd: folder.path, environment: ["BIN": CLI.binary, "NO_COLOR": nil])
        #expect(!TestSecret.isIn(r.out) && !TestSecret.isIn(r.err), "the secret was printed", sourceLocation: sourceLocation)
        return CLI.Result(out: r.outText, err: r.errText, code: r.code)
    }

    @Test func showPrintsTheFileByItsNameWithTheByteEscaped() throws {
        create(Self.latin1)
        let r = try sh(#""$BIN" show "\#(Self.latin1InShell)""#)
        #expect(r.code != 2, "\(r.err)")
        #expect(r.out.contains(#"caf\xe9.json"#) && r.out.contains("acme-prod"), "\(r.all)")
    }

    @Test func auditOfTheFolderJudgesTheRealFile() throws {
        create(Self.latin1)
        let text = try sh(#""$BIN" audit ."#)
        #expect(text.code == 0, "the file's own verdict (ready): \(text.all)")
        #expect(text.out.contains(#"./caf\xe9.json"#) && text.out.contains("ready for production"), "\(text.all)")
        let json = try sh(#""$BIN" audit . --format json"#)
        let files = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let entry = (files?["files"] as? [[String: Any]])?.first
        #expect(entry?["path"] as? String == "./caf\u{EFE9}.json", "a name's byte as \\uefe9 in JSON: \(json.out.prefix(200))")
        #expect(entry?["ready"] as? Bool == true)
        // Named on standard input, as `find … | audit -` names it.
        let piped = try sh(#"printf './caf\351.json\n' | "$BIN" audit -"#)
        #expect(piped.code == 0 && piped.out.contains(#"./caf\xe9.json"#), "\(piped.all)")
    }

    /// SARIF names the file by a URI: its own byte percent-encoded (%E9), never the UTF-8
    /// of the code point that stands for it in a string (%EE%BF%A9, a file that is not there).
    @Test func sarifNamesTheFileByItsOwnBytes() throws {
        create(Self.latin1, text: #"{"schemaVersion": 1, "instance": {"name": "x"}}"#)
        let sarif = try sh(#""$BIN" audit . --format sarif"#)
        #expect(sarif.out.contains(#""uri": "./caf%E9.json""#), "\(sarif.out.suffix(600))")
    }

    @Test func setSavesTheFileItWasGivenAndNoOther() throws {
        create(Self.latin1)
        let r = try sh(#""$BIN" set "\#(Self.latin1InShell)" instance.name=renamed"#)
        #expect(r.code == 0, "\(r.all)")
        #expect(r.out.contains(#"caf\xe9.json"#), "\(r.out)")
        #expect(try contents(Self.latin1).contains("\"renamed\""))
        let expected = [Self.latin1, Self.latin1 + Array(".history.jsonl".utf8), Self.latin1 + Array(".lock".utf8)]
        #expect(names() == expected.sorted { $0.lexicographicallyPrecedes($1) }, "\(names().map { String(decoding: $0, as: UTF8.self) })")
    }

    /// A name that really holds a code point of the range that stands for bytes keeps its
    /// own bytes too: the mapping is one to one.
    @Test func aNameHoldingTheStandInRangeItselfIsOpenedToo() throws {
        let name = Array("x".utf8) + [0xEE, 0xBE, 0x80] + Array(".json".utf8)  // U+EF80
        create(name)
        let r = try sh(#""$BIN" set "$(printf 'x\356\276\200.json')" instance.name=again"#)
        #expect(r.code == 0, "\(r.all)")
        #expect(r.out.contains(#"x\xee\xbe\x80.json"#), "\(r.out)")
        #expect(try contents(name).contains("\"again\""))
        #expect(names().count == 3, "no second file: \(names().map { String(decoding: $0, as: UTF8.self) })")
    }

    /// The console on a pty: an edit saved with ^S lands in the file it was started on.
    @Test func editSavesTheFileItWasStartedOn() throws {
        create(Self.latin1)
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        terminal.resize(rows: 30, columns: 100)
        let child = try #require(
            terminal.spawn(
                "/bin/sh", ["-c", #"cd "$1" && exec "$0" edit "\#(Self.latin1InShell)""#, CLI.binary, folder.path],
                environment: PseudoTerminal.consoleEnvironment
            ).map { Child(pid: $0) })
        defer { child.killIfRunning() }
        #expect(terminal.wait(for: #"caf\xe9.json"#), "the title names the file, its byte escaped")
        #expect(terminal.wait(for: "acme-prod"), "the file's own settings are shown")
        terminal.type("\u{05}-edited\r")  // Ctrl-E, to the end of the name; then confirm
        usleep(200_000)
        terminal.type("\u{13}")  // Ctrl-S
        #expect(terminal.wait(for: "Saved"), "\(terminal.text.suffix(400))")
        terminal.type("\u{11}")  // Ctrl-Q
        #expect(child.ended(), "the console did not end")
        #expect(try contents(Self.latin1).contains("\"acme-prod-edited\""), "the edit was not saved into the file")
        #expect(!names().contains { $0.count == Self.latin1.count && $0 != Self.latin1 }, "a second file was made")
        #expect(names().filter { String(decoding: $0, as: UTF8.self).hasSuffix(".json") }.count == 1)
    }
}
