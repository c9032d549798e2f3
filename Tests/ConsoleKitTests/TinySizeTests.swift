@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Review and the help overlay at tiny and huge sizes: no crash, nothing drawn over the
/// title, the status line or the key bar, the size needed readable in a window too small
/// for anything else, and help's scrolling clamped to what it shows.
@Suite struct TinySizeTests {
    static let sizes = [(1, 1), (10, 3), (20, 5), (39, 9), (40, 10), (41, 11), (60, 16), (80, 24), (200, 60)]

    /// Review at its first and last finding, Review with nothing left, and the help
    /// overlay of every screen scrolled to its top and its end.
    static func states() -> [(String, ConsoleState)] {
        var out: [(String, ConsoleState)] = []
        var review = Fixture.state()
        review.visit(.review)
        out.append(("review, first finding", review))
        review.visit(.review, row: review.focusCount - 1)
        out.append(("review, last finding", review))
        var ready = Fixture.state(Fixture.ready)
        ready.visit(.review)
        out.append(("review, ready", ready))
        var dialog = review
        dialog.press(.ctrl("q"))
        out.append(("review, quit dialog", dialog))
        for screen in Screen.allCases {
            var help = Fixture.state()
            help.visit(screen)
            help.press(.function(1))
            out.append(("help on \(screen)", help))
            help.press(.end)
            out.append(("help on \(screen), end", help))
        }
        return out
    }

    @Test func reviewAndHelpDrawInsideTheirAreaAtEverySize() {
        for (name, base) in Self.states() {
            for (w, h) in Self.sizes {
                var s = base
                s.resize(width: w, height: h)
                let buffer = Renderer.render(s, width: w, height: h)
                #expect(buffer.width == w && buffer.height == h)
                #expect(buffer.cursor == nil || (buffer.cursor!.x < w && buffer.cursor!.y < h))
                let rows = buffer.rows
                if Layout(width: w, height: h).mode == .tooSmall {
                    if w >= 5 { #expect(rows.joined(separator: " ").contains("40x10"), "\(name) at \(w)x\(h)") }
                    continue
                }
                #expect(rows[0].hasPrefix(" social-console · acme.json"), "\(name) at \(w)x\(h): title")
                let keyBar = KeyBar.fitting(KeyBar.entries(for: s), width: w).first.map { $0.key } ?? ""
                #expect(rows[h - 1].hasPrefix(keyBar), "\(name) at \(w)x\(h): key bar\n\(buffer.text)")
                if s.overlay != .quitConfirm {
                    // The status row holds nothing but a status or a hint, from column 1.
                    #expect(rows[h - 2].isEmpty || rows[h - 2].hasPrefix(" "), "\(name) at \(w)x\(h): status\n\(buffer.text)")
                }
            }
        }
    }

    @Test func helpScrolledToItsEndShowsItsLastLineAtEverySize() {
        for (w, h) in Self.sizes where Layout(width: w, height: h).mode != .tooSmall {
            var s = Fixture.state(width: w, height: h)
            s.visit(.credentials)
            s.press(.function(1), .end)
            let text = Renderer.render(s, width: w, height: h).text
            #expect(!text.contains("▼"), "at the end, no more below (\(w)x\(h))\n\(text)")
            s.press(.home)
            #expect(!Renderer.render(s, width: w, height: h).text.contains("▲"))
        }
    }

    @Test func shrinkingToTinyAndBackKeepsHelpsScrollInRange() {
        var s = Fixture.state()
        s.press(.function(1), .end)
        guard case .help(let end) = s.overlay else { Issue.record("no help"); return }
        for (w, h) in [(1, 1), (10, 3), (20, 5), (200, 60), (80, 24)] {
            s.resize(width: w, height: h)
            _ = Renderer.render(s, width: w, height: h)
            guard case .help(let scroll) = s.overlay else { Issue.record("help closed"); return }
            #expect(scroll <= end && scroll <= HelpText.maxScroll(s), "\(w)x\(h)")
        }
        s.press(.end)
        #expect(s.overlay == .help(scroll: end), "End again reaches the same last line")
    }
}

extension TinySizeTests {
    @Test func aTinyWindowStillSaysWhatSizeIsNeeded() {
        let s = Fixture.state()
        #expect(s.rendered(width: 10, height: 3).contains("need 40x10"))
        #expect(s.rendered(width: 20, height: 5).contains("(need 40x10)"))
        #expect(s.rendered(width: 12, height: 2).contains("too small:"))
        #expect(s.rendered(width: 5, height: 1) == "40x10")
        #expect(s.rendered(width: 1, height: 1).count == 1)
    }
}
