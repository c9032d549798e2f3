import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet list's reducer, driven by events as the session gives them: the audit's rows
/// in batches, keys for sort, filter and the by-code panel, clicks.
@Suite struct FleetReducerTests {
    @Test func theFirstFrameComesBeforeTheWalkWhichStartsOnce() {
        var s = FleetState(folder: FleetFixture.folder, readOnly: false)
        #expect(s.handle(.resized(width: 80, height: 24)) == .start(Job(id: FleetState.watchJob, work: FleetWatch(folder: "/srv/fleet"))))
        #expect(s.handle(.resized(width: 100, height: 30)) == nil, "one watch for the list's life")
        #expect(s.render().text.contains("listing files…"))
        #expect(s.render().text.contains("Listing the settings files…"))
    }

    @Test func rowsComeInBatchesAndTheTitleCountsThem() {
        var s = FleetFixture.state(loaded: false, batch: 3)
        #expect(s.list.counts.files == 10 && s.list.counts.ready == 3 && s.list.counts.errors == 2 && s.list.counts.withBlockers == 5)
        #expect(s.rendered().contains("judged 10/10"))
        _ = s.handle(.fleet(.loaded))
        let title = s.rendered().split(separator: "\n")[0]
        #expect(title.contains("10 files · 3 ready · 5 with blockers · 2 errors") && !title.contains("judged"), "\(title)")
        // Worst first: errors, then most blockers, most warnings, then by path.
        #expect(
            FleetFixture.shown(s) == [
                "apac/newer.json", "us/broken.json", "eu/globex-prod.json", "us/hooli-prod.json", "apac/cyberdyne-dev.json",
                "us/stark-staging.json", "us/umbrella-prod.json", "apac/wayne-prod.json", "eu/acme-prod.json", "eu/initech-dev.json",
            ])
    }

    @Test func batchesInAnyOrderGiveTheSameList() {
        let one = FleetFixture.state(batch: 10)
        let many = FleetFixture.state(FleetFixture.rows.reversed(), batch: 1)
        #expect(FleetFixture.shown(one) == FleetFixture.shown(many))
        #expect(one.list.counts == many.list.counts)
    }

    @Test func sCyclesBlockersPathAndEnvironment() {
        var s = FleetFixture.state()
        #expect(s.list.sort == .blockers)
        s.press(.char("s"))
        #expect(s.list.sort == .path)
        #expect(FleetFixture.shown(s) == FleetFixture.rows.map(\.path).sorted())
        #expect(s.rendered().contains("Sorted by path"))
        s.press(.char("s"))
        #expect(s.list.sort == .environment)
        let environments = FleetFixture.shown(s).map { s.list.row(path: $0)!.environment }
        #expect(
            environments == ["development", "development", "production", "production", "production", "production", "production", "staging", "", ""])
        #expect(FleetFixture.shown(s).prefix(2) == ["apac/cyberdyne-dev.json", "eu/initech-dev.json"], "blockers first within one")
        s.press(.char("s"))
        #expect(s.list.sort == .blockers)
    }

    @Test func theFilterTakesWordsInAnyOrderAgainstPathCodeAndEnvironment() {
        var s = FleetFixture.state()
        s.press([.char("/")] + typing("prod read-me"))
        #expect(Set(FleetFixture.shown(s)) == ["eu/globex-prod.json", "us/umbrella-prod.json"])
        #expect(s.rendered().contains("/prod read-me"))
        s.press([.ctrl("u")] + typing("READ-ME PROD"))
        #expect(Set(FleetFixture.shown(s)) == ["eu/globex-prod.json", "us/umbrella-prod.json"], "any order, any case")
        s.press([.ctrl("u")] + typing("dev"))
        #expect(Set(FleetFixture.shown(s)) == ["eu/initech-dev.json", "apac/cyberdyne-dev.json"], "the environment by its start")
        s.press([.ctrl("u")] + typing("file/"))
        #expect(Set(FleetFixture.shown(s)) == ["us/broken.json", "apac/newer.json"], "a file error's code")
        s.press(.enter)
        #expect(s.filterEditor == nil && s.list.query.text == "file/", "Enter keeps the filter")
        #expect(s.rendered().contains("2 of 10 files · filter: file/"))
        s.press(.char("q"))
        #expect(s.press(.char("q")) == .quit(0), "q quits where nothing is typed")
    }

    /// No file's secret is there to compare a paste into the filter with: one shaped like
    /// a credential shows as the fixed mask, while it is typed and after, until Esc.
    @Test func aSecretPastedIntoTheFilterShowsAsTheMask() {
        let secret = "ATOAx1kL9qPz0vW3mN7bR2tY5uC8dE4fG6hJ1kL3mN5pQ7rS9tU2vW4xY6zA8bC0dE2f"
        var s = FleetFixture.state()
        s.press([.char("/")] + typing("acme "))
        s.press(.paste(secret + "\n"))
        #expect(s.list.shown.isEmpty, "the filter still applies: nothing matches it")
        var screen = s.rendered()
        #expect(screen.contains("/acme ••••••••") && !screen.contains(String(secret.prefix(8))), "\(screen)")
        s.press(.backspace)
        #expect(!s.rendered().contains(String(secret.dropLast().suffix(8))), "edited, the rest stays masked")
        s.press(.enter)
        screen = s.rendered()
        #expect(screen.contains("filter: acme ••••••••") && !screen.contains(String(secret.prefix(8))), "\(screen)")
        s.press([.char("/"), .escape])
        #expect(s.filterMask.isEmpty && s.list.query.isEmpty, "forgotten with the filter")
        // A path is no secret: it shows as it is.
        s.press(.char("/"))
        s.press(.paste("eu/Acme-Prod2024/acme-prod.json"))
        #expect(s.rendered().contains("/eu/Acme-Prod2024/acme-prod.json") && s.filterMask.isEmpty)
    }

    @Test func escShowsEveryFileAgainAndTypedQIsText() {
        var s = FleetFixture.state()
        #expect(s.press([.char("/")] + typing("q?s")) == nil, "q, ? and s are text while the filter is typed")
        #expect(s.list.query.text == "q?s" && s.list.shown.isEmpty)
        #expect(s.rendered().contains("No file matches the filter"))
        s.press(.escape)
        #expect(s.filterEditor == nil && s.list.query.isEmpty && s.list.shown.count == 10)
    }

    @Test func typingOnNarrowsAndDeletingWidensAgain() {
        var s = FleetFixture.state()
        s.press([.char("/")] + typing("us/"))
        #expect(s.list.shown.count == 4)
        s.press(typing("h"))
        #expect(FleetFixture.shown(s) == ["us/hooli-prod.json"])
        s.press(.backspace)
        #expect(s.list.shown.count == 4, "the rows a narrower filter hid come back")
    }

    @Test func theByCodePanelCountsFilesLongestFirstAndEnterFiltersToThem() {
        var s = FleetFixture.state()
        s.press(.tab)
        #expect(s.area == .byCode)
        let codes = s.codes.map { FleetCodes.all[$0.code] }
        // Most files first; ties in the rule table's order.
        #expect(codes.prefix(3) == ["connection/link-only", "permissions/read-me-missing", "distribution/not-sharing"])
        #expect(s.codes.prefix(4).map(\.files) == [3, 2, 2, 1])
        #expect(codes.count == 13)
        let panel = s.rendered(width: 100, height: 30)
        #expect(panel.contains("connection/link-only") && panel.contains(" 3   30%"), "\(panel)")
        s.press(.down, .enter)
        #expect(s.area == .list && s.list.query.text == FleetCodes.all[s.codes[1].code])
        #expect(Set(FleetFixture.shown(s)) == Set(FleetFixture.rows.filter { $0.codes.contains(s.codes[1].code) }.map(\.path)))
        s.press(.tab, .escape)
        #expect(s.area == .list, "Esc leaves the panel")
    }

    @Test func theSelectionStaysOnItsFileAsRowsComeMoveAndGo() {
        var s = FleetFixture.state()
        s.press(.down, .down, .down)
        let chosen = s.list.selected!.path
        #expect(chosen == "us/hooli-prod.json")
        // New files that sort before it, one judged again to the top, one removed.
        _ = s.handle(
            .fleet(
                .judged([
                    FleetRow(path: "a/worst.json", environment: "production", blockers: 9, first: "app/name-missing", codes: ["app/name-missing"])
                ])))
        #expect(s.list.selected?.path == chosen)
        _ = s.handle(.fleet(.judged([FleetRow(path: chosen, environment: "production", ready: true)])))
        #expect(s.list.selected?.path == chosen && s.list.counts.ready == 4, "judged again: ready now, further down, still selected")
        _ = s.handle(.fleet(.removed(["us/broken.json"])))
        #expect(s.list.selected?.path == chosen && s.list.counts.errors == 1)
        s.press([.char("/")] + typing("eu/") + [.enter])
        #expect(s.list.chosen == chosen && s.list.selected?.path != chosen, "hidden by the filter, still the one chosen")
        s.press(.escape)
        #expect(s.list.selected?.path == chosen, "back on it once the filter is gone")
        _ = s.handle(.fleet(.removed([chosen])))
        #expect(s.list.selected != nil && s.list.selected?.path != chosen && s.list.counts.files == 9)
        #expect(s.list.chosen == s.list.selected?.path, "gone: the row under the cursor is the one now")
    }

    @Test func aRowJudgedAgainIsSortedAndFilteredByThePathItShowsNow() {
        var list = FleetList()
        list.apply([FleetRow(path: "m-hidden.json"), FleetRow(path: "k.json"), FleetRow(path: "z.json")])
        // Judged again: the file is named after its own secret, which the row now masks.
        list.apply([FleetRow(path: "m-hidden.json", maskedPath: "m-\(Secret.maskText).json")])
        list.setQuery(FleetQuery("hidden"))
        #expect(list.shown.isEmpty, "the filter reads the path as the row shows it")
        list.setQuery(FleetQuery(""))
        list.apply([FleetRow(path: "z.json", maskedPath: "a.json")])
        list.setSort(.path)
        #expect(list.shown.map { list.rows[Int($0)].shownPath } == ["a.json", "k.json", "m-\(Secret.maskText).json"])
    }

    @Test func untilTheOperatorMovesTheCursorStaysAtTheTop() {
        var s = FleetFixture.state(Array(FleetFixture.rows.suffix(3)))
        _ = s.handle(.fleet(.judged([FleetRow(path: "a/worst.json", isError: true, first: "file/schema", codes: ["file/schema"])])))
        #expect(s.list.cursor == 0 && s.list.selected?.path == "a/worst.json")
    }

    @Test func pagesAndEndsStopAtTheEdges() {
        let many = (0..<500).map { FleetRow(path: String(format: "f/%03d.json", $0), environment: "production", ready: true) }
        var s = FleetFixture.state(many, batch: 128)
        s.press(.char("s"))  // by path
        let rows = FleetLayout(width: 80, height: 24).listRows
        s.press(.pageDown)
        #expect(s.list.cursor == rows && s.list.top == 1)
        s.press(.end)
        #expect(s.list.cursor == 499 && s.list.top == 500 - rows)
        s.press(.down)
        #expect(s.list.cursor == 499)
        s.press(.home, .up)
        #expect(s.list.cursor == 0 && s.list.top == 0)
        s.press(.ctrl("n"), .ctrl("p"))
        #expect(s.list.cursor == 0)
    }

    @Test func helpOpensWithQuestionMarkAndF1AndScrolls() {
        var s = FleetFixture.state()
        s.press(.char("?"))
        #expect(s.help == 0 && s.rendered().contains("Help: Fleet"))
        s.press(.pageDown, .down)
        #expect(s.help == 11)
        s.press(.end)
        let end = s.help!
        s.press(.down)
        #expect(s.help == end, "stops at the end")
        s.press(.char("q"))
        #expect(s.help == nil, "q closes help")
        s.press(.function(1), .escape)
        #expect(s.help == nil)
    }

    @Test func theMouseSelectsAndASecondClickOpens() {
        var s = FleetFixture.state()
        #expect(s.handle(.clicked(.fleet(.row(2)))) == nil)
        #expect(s.list.cursor == 2)
        #expect(s.handle(.clicked(.fleet(.row(2)))) == .openFile(path: "/srv/fleet/" + s.list.selected!.path, readOnly: false))
        _ = s.handle(.scrolled(1))
        #expect(s.list.cursor == 3)
        s.press(.tab)
        _ = s.handle(.clicked(.fleet(.code(1))))
        #expect(s.codeCursor == 1 && s.area == .byCode)
        _ = s.handle(.clicked(.fleet(.code(1))))
        #expect(s.area == .list && s.list.query.text == FleetCodes.all[s.codes[1].code])
        #expect(s.handle(.clicked(.key(.char("q")))) == .quit(0), "the key bar's keys")
    }

    @Test func yNeverCopiesAPathThatWouldActOnAShellItIsPastedInto() {
        var s = FleetState(folder: "/srv/fleet", readOnly: false)
        _ = s.handle(.resized(width: 80, height: 24))
        _ = s.handle(.fleet(.judged([FleetRow(path: "x\n; rm -rf ~ #.json", isError: true, first: "file/invalid-json")])))
        #expect(s.press(.char("y")) == nil, "a newline in a name would run what follows it")
        #expect(s.rendered().contains("Not copied: x\\u000a; rm -rf ~ #.json holds control characters"), "\(s.rendered())")
    }

    /// In the by-code panel `y` copies what the panel shows: the code under its cursor
    /// (for a ticket, or `explain`), not the path of a file the panel hides.
    @Test func yInTheByCodePanelCopiesTheCode() {
        var s = FleetFixture.state()
        s.press(.tab, .down)
        let code = FleetCodes.all[s.codes[1].code]
        #expect(s.press(.char("y")) == .copyToClipboard(code))
        #expect(s.rendered().contains("Copied \(code) to the clipboard"), "\(s.rendered())")
        #expect(s.rendered(width: 140, height: 30).contains("y Copy"), "the panel's bar offers it")
    }

    @Test func yCopiesTheFilesPathAndF4TurnsTheMouseOffHereAndInAWalkthrough() throws {
        var s = FleetFixture.state()
        s.press(.down)
        #expect(s.press(.char("y")) == .copyToClipboard("/srv/fleet/" + s.list.selected!.path))
        #expect(s.rendered().contains("Copied \(s.list.selected!.path) to the clipboard"))
        #expect(s.press(.function(4)) == .setMouseCapture(false))
        #expect(s.rendered(width: 140, height: 30).contains("F4 Mouse on"))
        let folder = try FleetFixture.folder(["x.json": Fixture.halfDone])
        var w = FleetOpeningTests.state(folder, ["x.json"])
        w.press(.function(4))
        _ = w.openAsTheRunnerDoes(w.press(.enter))
        #expect(w.opened?.mouseCapture == false, "the walkthrough knows the mouse is off")
        #expect(w.press(.function(4)) == .setMouseCapture(true))
        w.press(.escape)
        #expect(w.opened == nil && w.mouseCapture, "back in the list, the mouse as the walkthrough left it")
    }

    @Test func ctrlCAndSignalsEndTheList() {
        var s = FleetFixture.state()
        #expect(s.press(.ctrl("c")) == .quit(130))
        #expect(s.handle(.stopRequested(.hangUp)) == .quit(129))
        #expect(s.press(.ctrl("q")) == .quit(0))
        #expect(s.press(.function(10)) == .quit(0))
    }
}
