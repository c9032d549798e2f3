import TestSupport
@testable import ConsoleKit
import Foundation
@testable import SettingsKit
import Testing

/// The console follows the file on disk while nothing is unsaved: never into another
/// file that a link swapped in meanwhile points to (a user whose file root has open could
/// otherwise make root's next save write wherever the link leads).
extension SessionTests {
    @Test func anAutomaticReloadRefusesALinkSwappedInMeanwhile() throws {
        let real = folder.file("real.json"), other = folder.file("other.json")
        try SettingsStore.create(Fixture.settings(Fixture.halfDone), at: real, via: "test")
        try SettingsStore.create(Fixture.settings(Fixture.ready), at: other, via: "test")
        let otherBytes = try Data(contentsOf: URL(fileURLWithPath: other))
        #expect(symlink("real.json", path) == 0)
        let swap = FakeTerminal.Step.run {
            unlink(path)
            symlink("other.json", path)
        }
        let run = run([.tick, swap, .tick, .tick, .key(.char("x")), .key(.ctrl("s")), .tick])
        let frames = run.terminal.frames.map(\.text)
        #expect(frames.contains { $0.contains("other.json, not the file that was loaded") }, "\(run.terminal.screen)")
        #expect(!frames.contains { $0.contains("acme-prod") }, "the other file's settings are never shown")
        #expect(run.session.state.edit.base?.target == SystemIO.realPath(real), "the file loaded stays the base")
        #expect(run.terminal.screen.contains("Not saved") && run.terminal.screen.contains("not the file that was loaded"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == otherBytes, "the file the link points to now is never written")
        #expect(try SettingsStore.load(real).settings.text("instance.name") == "acme-staging")
    }

    @Test func anAutomaticReloadStillFollowsTheSameFileThroughItsLink() throws {
        let real = folder.file("real.json")
        try SettingsStore.create(Fixture.settings(Fixture.halfDone), at: real, via: "test")
        #expect(symlink("real.json", path) == 0)
        let run = run([.tick, otherWriter("instance.name", "renamed-elsewhere"), .tick, .tick, .key(.ctrl("q"))])
        #expect(run.terminal.frames.contains { $0.text.contains("renamed-elsewhere") && $0.text.contains("Reloaded acme.json") })
    }
}
