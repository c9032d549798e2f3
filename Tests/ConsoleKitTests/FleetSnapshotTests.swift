import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet list drawn into the cell buffer at the console's three sizes (80x24, 60x16
/// and the smallest, 40x10), compared with the text files in Snapshots/.
@Suite struct FleetSnapshotTests {
    static let sizes = [(80, 24), (60, 16), (40, 10)]

    @Test func theListAtEverySize() {
        var s = FleetFixture.state()
        s.press(.down, .down)
        for (w, h) in Self.sizes {
            Snapshot.check(s.rendered(width: w, height: h), named: "fleet-list-\(w)x\(h)")
        }
    }

    @Test func theByCodePanelAtEverySize() {
        var s = FleetFixture.state()
        s.press(.tab, .down)
        for (w, h) in Self.sizes {
            Snapshot.check(s.rendered(width: w, height: h), named: "fleet-by-code-\(w)x\(h)")
        }
    }

    @Test func whileLoadingAndFilteringAndInHelp() {
        let loading = FleetFixture.state(Array(FleetFixture.rows.prefix(4)), loaded: false)
        var listed = loading
        _ = listed.handle(.fleet(.listed(120)))
        var filtering = FleetFixture.state()
        filtering.press([.char("/")] + typing("prod read"))
        var help = FleetFixture.state()
        help.press(.char("?"))
        for (w, h) in Self.sizes {
            Snapshot.check(listed.rendered(width: w, height: h), named: "fleet-loading-\(w)x\(h)")
            Snapshot.check(filtering.rendered(width: w, height: h), named: "fleet-filter-\(w)x\(h)")
        }
        Snapshot.check(help.rendered(), named: "fleet-help-80x24")
        Snapshot.check(FleetFixture.state().rendered(width: 30, height: 8), named: "fleet-too-small-30x8")
    }

    /// Every size from 1x1 up draws without a crash, in every state of the list.
    @Test func everySizeRenders() {
        var states = [FleetFixture.state(), FleetFixture.state([]), FleetState(folder: "/x", readOnly: false)]
        var panel = FleetFixture.state()
        panel.press(.tab)
        var help = FleetFixture.state()
        help.press(.function(1), .end)
        var typing = FleetFixture.state()
        typing.press([.char("/")] + ConsoleKitTests.typing(String(repeating: "日本", count: 100)))
        states += [panel, help, typing]
        for state in states {
            for w in stride(from: 1, through: 130, by: 11) {
                for h in stride(from: 1, through: 40, by: 5) {
                    let frame = state.rendered(width: w, height: h)
                    #expect(frame.split(separator: "\n", omittingEmptySubsequences: false).count == h)
                }
            }
        }
    }
}
