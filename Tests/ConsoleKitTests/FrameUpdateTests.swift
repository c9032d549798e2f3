import TestSupport
import Foundation
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The session works out what changed on screen (as ratatui's Terminal does before its
/// Backend draws): a typed key sends a cell or two, a resize and a repaint send it all,
/// and what the terminal ends up showing is the frame itself.
@Suite struct FrameUpdateTests {
    let folder = TemporaryFolder("frames")

    func session(_ script: [FakeTerminal.Step], width: Int = 100, height: Int = 30) throws -> FakeTerminal {
        let path = folder.file("acme.json")
        if !FileManager.default.fileExists(atPath: path) { try SettingsStore.create(Fixture.settings(Fixture.halfDone), at: path, via: "test") }
        let files = StoreFiles(via: "console")
        let opened = try EditSession.open(path, readOnly: false, files: files).get()
        let terminal = FakeTerminal(script, width: width, height: height)
        var session = ConsoleSession(state: ConsoleState(opened.session), backend: terminal, files: files, diskCheckInterval: .seconds(60))
        _ = session.run()
        return terminal
    }

    /// What the README promises of a typed character: a few bytes, not a frame. Each key
    /// is read on its own (a tick between), as a person types.
    @Test func aTypedCharacterSendsOnlyWhatItChanged() throws {
        let terminal = try session(FakeTerminal.typing("xyz12").flatMap { [$0, .tick] })
        let bytes = terminal.bytesPerUpdate
        // The first character also turns on the title's unsaved marker.
        let typed = Array(bytes.dropFirst().prefix(4))
        print(
            "frame updates: first frame \(FakeTerminal.bytes(of: terminal.updates[0], after: nil)) bytes; typed characters \(bytes.prefix(5)) bytes")
        #expect(typed.count == 4 && typed.allSatisfy { $0 <= 64 }, "\(typed)")
        #expect(terminal.updates.dropFirst().prefix(5).allSatisfy { !$0.isWhole })
        #expect(terminal.updates[2].changes.map(\.cell.text) == ["y"], "one cell for one character: \(terminal.updates[2].changes)")
    }

    @Test func aResizeAndARepaintSendTheWholeFrameAndTheScreenIsTheFrame() throws {
        let terminal = try session([.tick, .resize(width: 60, height: 16), .tick, .key(.ctrl("l")), .tick, .key(.char("x")), .tick])
        let whole = terminal.updates.map(\.isWhole)
        #expect(whole.first == true)
        #expect(whole.dropFirst().filter { $0 }.count == 2, "the resize and Ctrl-L: \(whole)")
        #expect(terminal.repaints == 1)
        let last = try #require(terminal.frames.last)
        #expect(last.width == 60 && last.height == 16)
        #expect(last.text.contains("acme-stagingx"))
    }
}
