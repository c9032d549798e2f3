import TestSupport
import Foundation
import Testing

/// The release binary `make` builds links the Swift runtime in: it must start on a machine
/// without the toolchain. `make check-install` (run by .ci/run after the suite) checks the
/// installed copy; this checks the one in .build/release when it is there, as a release
/// build takes minutes the suite should not spend.
@Suite struct StaticBinaryTests {
    static let release = Repository.root.appendingPathComponent(".build/release/social-console").path

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: release),
            "no release build in .build/release: `make` builds it; .ci/run checks it with `make check-install`"))
    func releaseBinaryNeedsNoSwiftLibrary() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The toolchain folder is hidden with a tmpfs in a mount namespace of its own, when
        // this runs as root; Tests/install-check.sh does the same and says when it cannot.
        check.arguments = [
            "-c",
            """
            set -e
            bin=\(StaticBinaryTests.release)
            if ldd "$bin" | grep -Ei 'swift|Foundation|dispatch|BlocksRuntime'; then
              echo "links Swift libraries: built without --static-swift-stdlib? (make builds it with)"; exit 1
            fi
            lib=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/lib/swift/linux
            if [ "$(id -u)" = 0 ] && [ -d "$lib" ] && unshare -m true 2>/dev/null; then
              LD_LIBRARY_PATH= unshare -m sh -c 'mount -t tmpfs none "$1" && "$2" --version' sh "$lib" "$bin"
            else
              LD_LIBRARY_PATH= "$bin" --version
            fi
            """,
        ]
        let out = Pipe()
        check.standardOutput = out
        check.standardError = out
        try check.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "\(text)")
        #expect(text.hasPrefix("social-console "), "\(text)")
    }
}
