import TestSupport
import Foundation
import Testing

/// `make install` and `make uninstall` with paths a shell would split or run: every path
/// reaches the shell quoted, and what cannot be quoted is refused before anything runs.
/// The release build is replaced by a stand-in (SWIFT=true, BIN holding a small script),
/// so only the Makefile's own rules run: a second, not the two minutes of a release build.
@Suite struct MakefileTests {
    let folder = TemporaryFolder("make")
    var work: String { folder.path + "/work" }

    init() throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: work + "/fake", withIntermediateDirectories: true)
        // A stand-in for the built binary, which writes the man page and the completions:
        // something for each file make expects.
        try "#!/bin/sh\necho \"$1 $2\"\n".write(toFile: work + "/fake/social-console", atomically: false, encoding: .utf8)
        chmod(work + "/fake/social-console", 0o755)
    }

    func make(_ arguments: [String]) throws -> ProcessOutput {
        try ProcessRun.run(
            "/usr/bin/env",
            ["make", "--no-print-directory", "-f", Repository.root.path + "/Makefile", "SWIFT=true", "BIN=fake", "OUT=files"] + arguments,
            cwd: work)
    }

    func entries(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    @Test func aPrefixWithSpacesInstallsThereAndUninstallsOnlyThat() throws {
        guard (try? make(["--version"]))?.code == 0 else { try Test.cancel("make is not installed") }
        // A file named like the prefix's first word: `rm -f a b/bin/...` would remove it.
        try "keep".write(toFile: work + "/a", atomically: false, encoding: .utf8)
        let install = try make(["install", "PREFIX=a b"])
        #expect(install.code == 0, "\(install.errText)")
        #expect(FileManager.default.fileExists(atPath: work + "/a b/bin/social-console"))
        #expect(FileManager.default.fileExists(atPath: work + "/a b/share/man/man1/social-console.1"))
        #expect(entries(work) == ["a", "a b", "fake", "files"], "install littered the folder: \(entries(work))")
        let uninstall = try make(["uninstall", "PREFIX=a b"])
        #expect(uninstall.code == 0, "\(uninstall.errText)")
        #expect(FileManager.default.fileExists(atPath: work + "/a"), "uninstall removed a file outside the prefix")
        #expect(!FileManager.default.fileExists(atPath: work + "/a b/bin/social-console"))
    }

    @Test func backticksAndSemicolonsInPathsRunNothing() throws {
        guard (try? make(["--version"]))?.code == 0 else { try Test.cancel("make is not installed") }
        let root = folder.path + "/root;touch ran-destdir"
        let r = try make(["install", "DESTDIR=\(root)", "PREFIX=/usr/`touch ran-prefix`"])
        #expect(r.code == 0, "\(r.errText)")
        #expect(!FileManager.default.fileExists(atPath: work + "/ran-destdir") && !FileManager.default.fileExists(atPath: work + "/ran-prefix"))
        #expect(FileManager.default.fileExists(atPath: root + "/usr/`touch ran-prefix`/bin/social-console"))
        #expect(try make(["uninstall", "DESTDIR=\(root)", "PREFIX=/usr/`touch ran-prefix`"]).code == 0)
        #expect(!FileManager.default.fileExists(atPath: work + "/ran-prefix"))
    }

    @Test(arguments: ["/opt/it's", "$(shell touch ran-make)", "/opt/$$HOME"])
    func aPrefixMakeCannotCarryIsRefusedBeforeAnythingRuns(prefix: String) throws {
        guard (try? make(["--version"]))?.code == 0 else { try Test.cancel("make is not installed") }
        for target in ["install", "uninstall"] {
            let r = try make([target, "PREFIX=\(prefix)"])
            #expect(r.code != 0 && r.errText.contains("PREFIX holds"), "\(target) \(prefix): \(r.errText)")
        }
        #expect(entries(work) == ["fake"], "something ran: \(entries(work))")
    }
}
