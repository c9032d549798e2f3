import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Every screen rendered into the cell buffer at 80x24 (the full layout) and 60x16
/// (the compact one), compared with the text files in Snapshots/.
@Suite struct SnapshotTests {
    static let sizes = [(80, 24), (60, 16)]

    @Test(arguments: Screen.allCases)
    func everyScreenAtBothSizes(_ screen: Screen) {
        var s = Fixture.state()
        s.visit(screen)
        for (w, h) in Self.sizes {
            Snapshot.check(s.rendered(width: w, height: h), named: "\(screen.helpName)-\(w)x\(h)")
        }
    }

    @Test func reviewWhenReadyForProduction() {
        var s = Fixture.state(Fixture.ready)
        s.visit(.review)
        Snapshot.check(s.rendered(), named: "review-ready-80x24")
    }

    @Test func permissionsScrolledToCustomScopes() {
        var s = Fixture.state()
        s.visit(.permissions, row: Forms.items(for: .permissions).count - 1)
        Snapshot.check(s.rendered(), named: "permissions-scrolled-80x24")
    }

    @Test func helpAndQuitDialog() {
        var s = Fixture.state()
        s.press(.function(1))
        Snapshot.check(s.rendered(), named: "help-instance-80x24")
        s.press(.escape, .end, .char("!"), .ctrl("q"))
        Snapshot.check(s.rendered(), named: "quit-dialog-80x24")
        Snapshot.check(s.rendered(width: 60, height: 16), named: "quit-dialog-60x16")
    }

    @Test func readOnlyTitle() {
        let s = Fixture.state(readOnly: true)
        Snapshot.check(s.rendered(), named: "instance-read-only-80x24")
    }

    @Test func theSmallestFullyUsableSize() {
        var s = Fixture.state()
        Snapshot.check(s.rendered(width: 40, height: 10), named: "instance-40x10")
        s.visit(.credentials, row: 2)
        Snapshot.check(s.rendered(width: 40, height: 10), named: "credentials-secret-40x10")
    }

    /// The scope filter being typed, the longest scope name at the narrowest size, and a
    /// focused value wrapped whole, at the three sizes.
    @Test func filterNamesAndWrappedValues() {
        var filter = Fixture.state()
        filter.visit(.permissions)
        filter.press([.char("/")] + typing("conf"))
        var longest = Fixture.state()
        longest.visit(.permissions, row: Forms.items(for: .permissions).firstIndex { $0.label == "readonly:content.attachment:confluence" }!)
        var uri = Fixture.state()
        uri.visit(.instance, row: 2)
        for (w, h) in Self.sizes + [(40, 10)] {
            Snapshot.check(filter.rendered(width: w, height: h), named: "permissions-filter-\(w)x\(h)")
            Snapshot.check(longest.rendered(width: w, height: h), named: "permissions-longest-name-\(w)x\(h)")
            Snapshot.check(uri.rendered(width: w, height: h), named: "instance-redirect-uri-\(w)x\(h)")
        }
    }

    @Test func tooSmall() {
        let s = Fixture.state()
        Snapshot.check(s.rendered(width: 30, height: 8), named: "too-small-30x8")
    }
}

/// Any size renders without crashing, down to 1x1, in every state.
@Suite struct LayoutTests {
    @Test func everySizeFromOneByOneRenders() {
        var states: [ConsoleState] = []
        for screen in Screen.allCases {
            var s = Fixture.state()
            s.visit(screen, row: 1)
            states.append(s)
        }
        var help = Fixture.state()
        help.press(.function(1))
        var dialog = Fixture.state()
        dialog.press(.char("!"), .ctrl("q"))
        states += [help, dialog]
        for state in states {
            for w in [1, 2, 5, 20, 39, 40, 41, 59, 79, 80, 81, 120, 250] {
                for h in [1, 2, 3, 9, 10, 11, 23, 24, 25, 60] {
                    var sized = state
                    sized.resize(width: w, height: h)
                    let buffer = Renderer.render(sized, width: w, height: h)
                    #expect(buffer.width == w && buffer.height == h)
                    if let cursor = buffer.cursor { #expect(cursor.x >= 0 && cursor.x < w && cursor.y >= 0 && cursor.y < h) }
                }
            }
        }
    }

    @Test func modesSwitchAtTheDocumentedSizes() {
        #expect(Layout(width: 80, height: 24).mode == .full)
        #expect(Layout(width: 79, height: 24).mode == .compact)
        #expect(Layout(width: 40, height: 10).mode == .compact)
        #expect(Layout(width: 39, height: 30).mode == .tooSmall)
        let text = Fixture.state().rendered(width: 20, height: 5)
        #expect(text.contains("window too small"))
    }

    @Test func theKeyBarAlwaysShowsTheFocusedRowsKeysFirst() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        let narrow = s.rendered(width: 40, height: 12).split(separator: "\n").last.map(String.init) ?? ""
        #expect(narrow.hasPrefix("Enter OK  Esc Cancel  ^R Reveal"))
        s.visit(.credentials, row: 0)
        let wide = s.rendered().split(separator: "\n").last.map(String.init) ?? ""
        #expect(wide.contains("Space Toggle") && wide.contains("^S Save") && wide.contains("^Q Quit") && wide.contains("F1 Help"))
    }

    @Test func stepMarksComeFromTheRuleEngine() {
        let s = Fixture.state()
        let rows = s.rendered().split(separator: "\n").map(String.init)
        for step in Step.allCases {
            let mark = s.report.isComplete(step) ? "✓" : "✗"
            #expect(rows.contains { $0.contains("\(mark) \(step.title) ") || $0.hasSuffix("\(mark) \(step.title)") }, "\(step)")
        }
    }

    @Test func aFieldThatBreaksARuleHasItsMessageUnderIt() {
        var s = Fixture.state()
        s.visit(.distribution)
        let rows = s.rendered().split(separator: "\n").map(String.init)
        let privacy = rows.firstIndex { $0.contains("Privacy policy URL") }!
        #expect(rows[privacy + 1].contains("✗ The privacy policy URL"))
    }
}
