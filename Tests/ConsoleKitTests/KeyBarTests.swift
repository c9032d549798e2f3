import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The key bar at 80 columns keeps what a newcomer needs to leave a screen, whatever
/// else it offers by then (undo after the first edit, the list of changes, copy): the key
/// table's priorities say so, and this checks it on every row of every screen.
@Suite struct KeyBarTests {
    static func bar(_ s: ConsoleState, width: Int = 80) -> String {
        s.rendered(width: width, height: 24).split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    }

    @Test(arguments: [false, true])
    func leavingTheScreenStaysOnAnEightyColumnBar(edited: Bool) {
        var s = Fixture.state()
        if edited {
            s.press(.char("!"), .enter)
            #expect(s.edit.history.canUndo && s.isDirty)
        }
        for screen in Screen.allCases {
            s.visit(screen)
            for row in 0..<max(1, s.focusCount) {
                s.visit(screen, row: row)
                let bar = Self.bar(s)
                for needed in ["PgUp/PgDn Screen", "^Q Quit", "F1 Help"] {
                    #expect(bar.contains(needed), "\(screen) row \(row)\(edited ? " after an edit" : ""): \(bar)")
                }
            }
        }
    }

    @Test func theSecretFieldKeepsItsOwnKeysToo() {
        var s = Fixture.state()
        s.press(.char("!"), .enter)
        s.visit(.credentials, row: 2)
        #expect(Self.bar(s) == "Enter OK  Esc Cancel  ^R Reveal  PgUp/PgDn Screen  ^S Save  ^Q Quit  F1 Help", "\(Self.bar(s))")
    }

    @Test func copyAndTheMouseShowWhereThereIsRoom() {
        var s = Fixture.state()
        s.visit(.authorization, row: 1)
        let wide = Self.bar(s, width: 120)
        #expect(wide.contains("y Copy") && wide.contains("F4 Mouse off"), "\(wide)")
        s.press(.function(4))
        #expect(Self.bar(s, width: 120).contains("F4 Mouse on"))
    }
}
