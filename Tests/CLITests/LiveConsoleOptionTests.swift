import Foundation
import TestSupport
import Testing

/// `edit`'s key for Review's live actions: --api-key-file and CLERK_PLATFORM_API_KEY are
/// checked as the live commands check them, before the terminal is, and a key that
/// cannot be used is one clear line and exit 2 (never quoting the key).
@Suite struct LiveConsoleOptionTests {
    @Test func editChecksTheKeyAsTheLiveCommandsDo() throws {
        let live = try LiveCLI()
        let file = try live.readyFile()
        let keyFile = try StandIn.writeKeyFile(live.ws.path + "/key", mode: 0o644)
        var r = try live.run(["edit", file, "--api-key-file", keyFile], key: nil)
        #expect(r.code == 2 && r.err.contains("chmod 600") && r.err.contains("key/file-readable-by-others"), "\(r.err)")
        r = try live.run(["edit", file], key: "sk_live_backendsecret")
        #expect(r.code == 2 && r.err.contains("sk_") && !r.err.contains("backendsecret"), "\(r.err)")
        // A usable key: the console then needs a terminal, which a pipe is not.
        chmod(keyFile, 0o600)
        r = try live.run(["edit", file, "--api-key-file", keyFile], key: nil)
        #expect(r.code == 2 && !r.err.contains("key/"), "\(r.err)")
        r = try live.run(["edit", "--plain", file, "--api-key-file", keyFile], key: nil)
        #expect(r.code == 2 && r.err.contains("plain mode has none"), "\(r.err)")
    }
}
