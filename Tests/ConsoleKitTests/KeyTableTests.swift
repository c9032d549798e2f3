import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The one key table: F1, the README, the key bar and the reducer all follow it.
@Suite struct KeyTableTests {
    @Test func f1ListsEveryBindingOnEveryScreen() {
        for screen in Screen.allCases {
            let help = HelpText.text(for: screen)
            for binding in KeyTable.all {
                #expect(help.contains("- \(binding.names): \(binding.help)"), "F1 on \(screen.title) misses \(binding.names)")
            }
        }
    }

    @Test func theReadmeListsEveryBinding() {
        let readme = Repository.text("README.md")
        #expect(readme.contains(KeyTable.markdown), "README.md's console key table differs from the key table; it should read:\n\(KeyTable.markdown)")
    }

    /// A context's rows stand together in the table: its lookups take them as one range.
    @Test func eachContextsRowsStandTogether() {
        var finished: [KeyBinding.Context] = []
        for (i, binding) in KeyTable.all.enumerated() where i == 0 || KeyTable.all[i - 1].context != binding.context {
            #expect(!finished.contains(binding.context), "a row of \(binding.context) stands apart from the others: put it with them")
            finished.append(binding.context)
        }
        for context in KeyBinding.Context.allCases {
            #expect(Array(KeyTable.bindings(in: context).map(\.names)) == KeyTable.all.filter { $0.context == context }.map(\.names))
        }
    }

    @Test func noKeyMeansTwoThingsInOneContext() {
        for context in KeyBinding.Context.allCases {
            var seen: [Key] = []
            for binding in KeyTable.bindings(in: context) {
                for key in binding.keys {
                    #expect(!seen.contains(key), "\(key) is bound twice in \(context)")
                    seen.append(key)
                }
            }
        }
    }

    @Test func theKeyBarAndTheDialogsShowTheTablesNames() {
        var s = Fixture.state()
        #expect(s.rendered().hasSuffix("Enter OK  Esc Cancel  Tab Next  PgUp/PgDn Screen  ^S Save  ^Q Quit  F1 Help"), "\(s.rendered())")
        s.press(.char("!"))
        #expect(s.rendered(width: 100, height: 30).contains("^D Changes"), "offered once there is something to review")
        s.press(.ctrl("q"))
        let labels = KeyTable.bindings(in: .quitDialog).compactMap { b in b.bar.map { "\($0) \(b.label)" } }
        #expect(s.rendered().contains(labels.joined(separator: "   ")))
    }

    @Test func ctrlROffersToHideTheSecretWhileItIsShown() {
        var s = Fixture.state()
        s.visit(.credentials, row: 2)
        #expect(s.rendered().contains("^R Reveal"))
        s.press(.ctrl("r"))
        #expect(s.revealSecret)
        let shown = s.rendered(width: 100, height: 30)
        #expect(shown.contains("^R Hide") && !shown.contains("^R Reveal"), "\(shown)")
        s.press(.ctrl("r"))
        #expect(s.rendered().contains("^R Reveal"))
    }
}
