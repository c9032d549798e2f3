import TestSupport
@testable import ConsoleKit
@testable import LiveKit
@testable import SettingsKit
import Testing

/// Review's live actions through the reducer: what t and p ask for, the spinner, Esc,
/// the results as live findings and their stale marks, the key prompt, the push dialog,
/// the 409 flow and the refusal. The jobs' news is sent as the session would deliver it.
@Suite struct LiveActionTests {
    static let key = "ak_test_KEY_0a1b2c3d4e5f6a7b8c9d"
    static let app = "app_2StandIn"

    /// Fixture.ready, naming its Clerk application and instance.
    static let withClerk = Fixture.ready.replacingOccurrences(
        of: "\"schemaVersion\": 1,", with: "\"schemaVersion\": 1, \"clerk\": {\"applicationId\": \"\(app)\", \"instance\": \"production\"},")

    /// On Review, with the key given at start unless `key` is false.
    static func review(_ json: String = withClerk, key: Bool = true, readOnly: Bool = false) -> ConsoleState {
        var s = Fixture.state(json, readOnly: readOnly, width: 100, height: 30)
        if key { s.live.key = try! PlatformKey.make(Self.key, from: "test").get() }
        s.visit(.review)
        return s
    }

    /// The job an effect starts, and its live work.
    static func started(_ effect: Effect?) -> (Job.ID, LiveWork)? {
        guard case .start(let job)? = effect, let work = job.work as? LiveWork else { return nil }
        return (job.id, work)
    }

    static func verdict(_ findings: [Finding], checks: [LiveCheckResult]? = nil, time: String = "2026-12-01T10:04:05Z") -> LiveVerdict {
        LiveVerdict(
            findings: findings,
            checks: checks ?? [.init(check: .clerk, outcome: .ran), .init(check: .frontend, outcome: .ran), .init(check: .atlassian, outcome: .ran)],
            time: time)
    }

    static func plan(_ settings: Settings, remote: RemoteConnection, version: String = "v1_1") -> PushPlan {
        PushPlan(
            target: try! ClerkTarget.make(app: app, instance: "production").get(), version: version, remote: remote,
            keys: Push.keys(settings), settings: settings)
    }

    static func screen(_ s: ConsoleState) -> String { s.rendered(width: 100, height: 30) }

    /// The open dialog's paragraphs and items, unwrapped.
    static func dialog(_ s: ConsoleState) -> String {
        guard let d = DialogView.dialog(for: s, mask: s.mask) else { return "" }
        return (d.lines + d.items.joined()).joined(separator: "\n")
    }

    // MARK: Test with Clerk and Atlassian

    @Test func tStartsTheChecksOfTheSettingsOnScreenAndTheSpinnerTurns() throws {
        var s = Self.review()
        let (id, work) = try #require(Self.started(s.press(.char("t"))))
        #expect(work.task == .verify(s.settings) && work.key == s.live.key && work.historyPath == nil)
        #expect(Self.screen(s).contains("| Testing with Clerk and Atlassian… Esc stops it."))
        #expect(Self.screen(s).contains("acme.json  | testing"), "the title shows it on every screen")
        for glyph in ["/", "-", "\\", "|"] {
            _ = s.handle(.live(.working(id)))
            #expect(Self.screen(s).contains("\(glyph) Testing with Clerk and Atlassian…") && Self.screen(s).contains("acme.json  \(glyph) testing"))
        }
        _ = s.handle(.live(.working(Job.ID(id.value + 7))))
        #expect(s.live.running?.frame == 4, "another job's news turns nothing")
        #expect(s.press(.char("t")) == nil && s.status?.isError == true, "one live job at a time")
        // Typing goes on meanwhile: another screen, a field edited.
        s.visit(.instance)
        s.press(typing("-x") + [.enter])
        #expect(s.settings.text("instance.name") == "acme-prod-x")
        #expect(s.live.running?.id == id)
        #expect(Self.screen(s).contains("| testing"))
    }

    @Test func escStopsTheTestAndItsLateNewsIsDropped() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        #expect(Self.screen(s).contains("Esc Stop test"), "the key bar offers it")
        #expect(s.press(.escape) == .cancel(id))
        #expect(s.live.running == nil && s.status?.text == "Stopped the test with Clerk and Atlassian")
        #expect(!Self.screen(s).contains("testing"))
        _ = s.handle(.live(.finished(id, .verified(Self.verdict([LiveFindings.finding("live/credentials-accepted")])), historyError: nil)))
        #expect(s.live.results == nil, "a stopped job's result is not taken")
        #expect(s.press(.escape) == nil, "nothing left to stop")
    }

    @Test func escInATextFieldStillCancelsTheEditNotTheTest() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        s.visit(.instance)
        s.press(typing("zz"))
        #expect(s.press(.escape) == nil && s.live.running?.id == id)
        #expect(s.settings.text("instance.name") == "acme-prod")
        s.press(.tab)  // Environment: a choice, where Esc means nothing else
        #expect(s.press(.escape) == .cancel(id))
    }

    @Test func resultsAreLiveFindingsWithTheTimeOfTheCheckAndEnterGoesToTheirFix() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        let verdict = Self.verdict([
            LiveFindings.finding("live/credentials-accepted"),
            LiveFindings.finding("live/instance-differs", label: "enabled", field: "connection.enabled"),
        ])
        _ = s.handle(.live(.finished(id, .verified(verdict), historyError: nil)))
        let screen = Self.screen(s)
        #expect(screen.contains("Live check at 10:04:05 UTC: 1 blocker, 0 warnings, 1 note."), "\(screen)")
        #expect(screen.contains("✗ blocker  Credentials (live 10:04:05 UTC): The instance's enabled differ"), "blockers first")
        #expect(screen.contains("· note     Credentials (live 10:04:05 UTC): Atlassian accepted"))
        #expect(s.status?.text == "Tested with Clerk and Atlassian at 10:04:05 UTC")
        #expect(s.focusCount == 2 && s.reviewFindings.count == 2, "a ready file: only the live findings")
        #expect(screen.contains("Enter Go to fix"))
        s.press(.enter)
        #expect(s.screen == .credentials && s.focus == Forms.index(of: "connection.enabled", on: .credentials))
    }

    @Test func aSkippedOrFailedCheckIsSaid() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        let verdict = Self.verdict(
            [],
            checks: [
                .init(check: .clerk, outcome: .skipped("no Platform API key")),
                .init(check: .frontend, outcome: .failed(LiveError("net/unreachable", "the Frontend API could not be reached"))),
                .init(check: .atlassian, outcome: .ran),
            ])
        s.visit(.app)
        _ = s.handle(.live(.finished(id, .verified(verdict), historyError: nil)))
        #expect(s.status?.isError == true)
        #expect(s.status?.text.contains("the clerk check was skipped: no Platform API key") == true)
        #expect(s.status?.text.contains("the frontend check could not run: the Frontend API could not be reached (net/unreachable)") == true)
        #expect(s.status?.text.hasSuffix("The findings are on Review.") == true)
    }

    @Test func aLaterEditOfAJudgedFieldMarksItsFindingsStale() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        let verdict = Self.verdict([
            LiveFindings.finding("live/instance-differs", label: "enabled", field: "connection.enabled"),
            LiveFindings.finding("live/redirect-uri-differs", value: "https://clerk.other.com/v1/oauth_callback"),
        ])
        _ = s.handle(.live(.finished(id, .verified(verdict), historyError: nil)))
        // Not judged by either: the app's name.
        s.visit(.app)
        s.press(typing("!") + [.enter])
        s.visit(.review)
        #expect(!Self.screen(s).contains("stale"))
        // The redirect URI, judged by the second only.
        s.visit(.instance, row: 2)
        s.press(.end, .char("x"), .enter)
        s.visit(.review)
        var screen = Self.screen(s)
        #expect(screen.contains("Instance (live 10:04:05 UTC, stale: edited since): The instance's"), "\(screen)")
        #expect(screen.contains("Credentials (live 10:04:05 UTC): The instance's enabled"))
        // Undone: what was judged is on screen again.
        s.press(.ctrl("_"))
        s.visit(.review)
        screen = Self.screen(s)
        #expect(!screen.contains("stale"), "\(screen)")
    }

    @Test func withoutAKeyThePromptAsksAndNeverShowsIt() throws {
        var s = Self.review(key: false)
        #expect(s.press(.char("t")) == nil)
        #expect(Self.screen(s).contains("Platform API key") && Self.screen(s).contains("Key: (nothing typed yet)"))
        s.press(typing(String(Self.key.prefix(10))))
        _ = s.handle(.key(.paste(String(Self.key.dropFirst(10)) + "\n")))
        var screen = Self.screen(s)
        #expect(screen.contains("Key: " + Secret.maskText) && !screen.contains("ak_test") && !screen.contains("0a1b2c3d"))
        #expect(s.mask.secrets.contains(Self.key), "what is typed is masked wherever it could show")
        let (_, work) = try #require(Self.started(s.press(.enter)))
        #expect(work.key?.textToHide == Self.key && s.live.key?.textToHide == Self.key)
        #expect(s.overlay == nil)
        screen = Self.screen(s)
        #expect(!screen.contains("ak_test") && !screen.contains("0a1b2c3d"))
        // A field holding the key is masked too.
        s.press(.escape)
        s.visit(.instance)
        _ = s.handle(.key(.paste(Self.key)))
        #expect(!Self.screen(s).contains("0a1b2c3d"))
    }

    @Test func thePromptRefusesASecretKeyAndEnterWithNothingTestsWithoutTheClerkCheck() throws {
        var s = Self.review(key: false)
        s.press(.char("t"))
        s.press(typing("sk_live_abcdefghijklmnop"))
        #expect(s.press(.enter) == nil)
        #expect(Self.dialog(s).contains("secret key (sk_…), not a Platform API key"))
        #expect(s.live.key == nil && !Self.screen(s).contains("sk_live"))
        _ = s.handle(.key(.paste(String(repeating: "k", count: PlatformKey.fileLimit + 1))))
        #expect(Self.dialog(s).contains("too long to be a Platform API key"))
        s.press(typing("abc") + [.backspace, .ctrl("u")])
        guard case .live(.keyPrompt(let prompt))? = s.overlay else { Issue.record("the prompt closed"); return }
        #expect(prompt.typed.isEmpty)
        let (_, work) = try #require(Self.started(s.press(.enter)))
        #expect(work.key == nil && work.task == .verify(s.settings))
        // Esc at the prompt asks nothing.
        var t = Self.review(key: false)
        t.press(.char("t"))
        #expect(t.press(.escape) == nil && t.overlay == nil && t.live.running == nil)
    }

    @Test func aFileNamingNoApplicationTestsWithoutAsking() throws {
        var s = Self.review(Fixture.ready, key: false)
        let (_, work) = try #require(Self.started(s.press(.char("t"))))
        #expect(work.key == nil)
    }

    @Test func readOnlyTestsButNeverPushes() throws {
        var s = Self.review(readOnly: true)
        #expect(Self.started(s.press(.char("t"))) != nil)
        var r = Self.review(readOnly: true)
        #expect(r.press(.char("p")) == nil && r.status?.text == ConsoleState.readOnlyNotice)
        #expect(!Self.screen(r).contains("Push to Clerk") && !Self.screen(r).contains("p Push"))
    }

    @Test func aClickOnAnActionPressesItsKey() throws {
        var s = Self.review()
        let at = try #require(MouseTests.find("Test with Clerk and Atlassian", in: s, width: 100, height: 30))
        let effect = MouseTests.click(&s, x: at.x, y: at.y, width: 100, height: 30)
        #expect(Self.started(effect)?.1.task == .verify(s.settings))
        var p = Self.review()
        let push = try #require(MouseTests.find("Push to Clerk", in: p, width: 100, height: 30))
        #expect(Self.started(MouseTests.click(&p, x: push.x, y: push.y, width: 100, height: 30))?.1.task == .pushPreview(p.settings))
    }

    // MARK: Push to Clerk

    @Test func pushShowsClerksDryRunAndYWritesIt() throws {
        var s = Self.review()
        let (id, work) = try #require(Self.started(s.press(.char("p"))))
        #expect(work.task == .pushPreview(s.settings))
        #expect(Self.screen(s).contains("pushing"))
        let plan = Self.plan(s.settings, remote: RemoteConnection(enabled: false, authenticatable: true, clientId: nil, hasSecret: false))
        _ = s.handle(.live(.finished(id, .pushPlanned(plan), historyError: nil)))
        let screen = Self.screen(s)
        #expect(screen.contains("Clerk's dry run of pushing acme.json to app_2StandIn/production"))
        #expect(screen.contains("• connection.enabled: false → true"))
        #expect(screen.contains("• connection.clientId: (not set) → \"a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6\""))
        #expect(screen.contains("• connection.clientSecret: will be set"))
        #expect(!TestSecret.isIn(Array(screen.utf8)))
        #expect(screen.contains("y Push") && screen.contains("Esc Close"))
        let (applyID, apply) = try #require(Self.started(s.press(.char("y"))))
        #expect(apply.task == .pushApply(plan) && apply.historyPath == Fixture.path && apply.key == s.live.key)
        #expect(s.overlay == nil && s.live.isCancellable == false)
        #expect(s.press(.escape) == nil, "a write is let finish")
        _ = s.handle(.live(.finished(applyID, .pushed(plan, .applied(version: "v1_2")), historyError: nil)))
        #expect(s.status?.text == "Pushed to app_2StandIn/production (config version v1_2); recorded in the history of acme.json")
    }

    @Test func escInTheDryRunsDialogWritesNothing() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("p"))))
        _ = s.handle(.live(.finished(id, .pushPlanned(Self.plan(s.settings, remote: RemoteConnection())), historyError: nil)))
        #expect(s.press(.char("n")) == nil && s.overlay == nil)
        #expect(s.status?.text == "Not pushed: nothing was written to Clerk")
    }

    @Test func a409ReadsAgainShowsWhatChangedThereAndAsksAgain() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("p"))))
        let first = Self.plan(s.settings, remote: RemoteConnection(enabled: false, authenticatable: true, clientId: "x", hasSecret: true))
        _ = s.handle(.live(.finished(id, .pushPlanned(first), historyError: nil)))
        let (applyID, _) = try #require(Self.started(s.press(.char("y"))))
        // Someone changed the instance between the dry run and the write.
        let (againID, again) = try #require(
            Self.started(s.handle(.live(.finished(applyID, .pushed(first, .conflict), historyError: nil)))))
        #expect(again.task == .pushPreview(first.settings))
        #expect(s.status?.text.contains("(409)") == true)
        let second = Self.plan(
            s.settings, remote: RemoteConnection(enabled: true, authenticatable: true, clientId: "x", hasSecret: true), version: "v1_2")
        _ = s.handle(.live(.finished(againID, .pushPlanned(second), historyError: nil)))
        #expect(Self.dialog(s).contains("changed at Clerk since it was read (409). Changed there meanwhile: connection.enabled."))
        let (secondApply, apply) = try #require(Self.started(s.press(.char("y"))))
        #expect(apply.task == .pushApply(second))
        // A second 409 ends it.
        #expect(s.handle(.live(.finished(secondApply, .pushed(second, .conflict), historyError: nil))) == nil)
        #expect(s.status?.isError == true && s.status?.text.contains("409 twice") == true && s.status?.text.contains("clerk/conflict") == true)
        #expect(s.live.running == nil && s.overlay == nil)
    }

    @Test func a409WhereNoKeyPushedChangedSaysSo() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("p"))))
        let plan = Self.plan(s.settings, remote: RemoteConnection(enabled: true))
        _ = s.handle(.live(.finished(id, .pushPlanned(plan), historyError: nil)))
        let (applyID, _) = try #require(Self.started(s.press(.char("y"))))
        let (againID, _) = try #require(Self.started(s.handle(.live(.finished(applyID, .pushed(plan, .conflict), historyError: nil)))))
        _ = s.handle(.live(.finished(againID, .pushPlanned(plan), historyError: nil)))
        #expect(Self.dialog(s).contains("None of the keys pushed changed there."))
    }

    @Test func aDryRunThatComesBackUnderAnotherDialogNeverTakesItsY() throws {
        var s = Self.review()
        s.visit(.app)
        s.press(typing("!") + [.enter])
        s.visit(.review)
        let (id, _) = try #require(Self.started(s.press(.char("p"))))
        s.press(.ctrl("q"))
        #expect(s.overlay == .quitConfirm)
        _ = s.handle(.live(.finished(id, .pushPlanned(Self.plan(s.settings, remote: RemoteConnection())), historyError: nil)))
        #expect(s.overlay == .quitConfirm && s.status?.text.contains("press p on Review again") == true)
        guard case .save? = s.press(.char("y")) else {
            Issue.record("y in the quit dialog saves, and pushes nothing")
            return
        }
    }

    @Test func pushIsRefusedWithTheCredentialBlockersListed() throws {
        let noSecret = Self.withClerk.replacingOccurrences(of: "\"clientSecret\": \"\(TestSecret.value)\", ", with: "")
        var s = Self.review(noSecret)
        #expect(s.press(.char("p")) == nil)
        let screen = Self.screen(s)
        #expect(screen.contains("Not pushed") && screen.contains("credentials/client-secret-missing"), "\(screen)")
        #expect(s.press(.char("y")) == nil, "nothing to confirm")
        s.press(.escape)
        #expect(s.overlay == nil && s.live.running == nil)
    }

    @Test func pushWithoutAKeyAsksAndWillNotGoOnWithoutOne() throws {
        var s = Self.review(key: false)
        s.press(.char("p"))
        #expect(s.press(.enter) == nil)
        #expect(Self.screen(s).contains("Push to Clerk needs the key"))
        s.press(typing(Self.key))
        #expect(Self.started(s.press(.enter))?.1.task == .pushPreview(s.settings))
    }

    @Test func aNewFileIsSavedBeforeItIsPushed() {
        var s = ConsoleState(EditSession(path: Fixture.path, readOnly: false, base: nil))
        s.live.key = try! PlatformKey.make(Self.key, from: "test").get()
        s.visit(.review)
        #expect(s.press(.char("p")) == nil && s.status?.text.contains("Save acme.json first") == true)
    }

    @Test func aPushWrittenMarksWhatTheTestReadOfTheInstanceStale() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("t"))))
        let verdict = Self.verdict([
            LiveFindings.finding("live/instance-differs", label: "enabled", field: "connection.enabled"),
            LiveFindings.finding("live/credentials-accepted"),
        ])
        _ = s.handle(.live(.finished(id, .verified(verdict), historyError: nil)))
        let (planID, _) = try #require(Self.started(s.press(.char("p"))))
        let plan = Self.plan(s.settings, remote: RemoteConnection(enabled: false))
        _ = s.handle(.live(.finished(planID, .pushPlanned(plan), historyError: nil)))
        let (applyID, _) = try #require(Self.started(s.press(.char("y"))))
        _ = s.handle(.live(.finished(applyID, .pushed(plan, .applied(version: "v1_2")), historyError: "disk full")))
        #expect(s.status?.isError == true && s.status?.text.contains("its history line could not be written: disk full") == true)
        let screen = Self.screen(s)
        #expect(screen.contains("Credentials (live 10:04:05 UTC, stale: pushed since): The"), "\(screen)")
        #expect(screen.contains("(live 10:04:05 UTC): Atlassian accepted"))
    }

    @Test func aFailedActionSaysWhyWithItsCode() throws {
        var s = Self.review()
        let (id, _) = try #require(Self.started(s.press(.char("p"))))
        _ = s.handle(.live(.finished(id, .failed(LiveError("clerk/unauthorized", "Clerk's Platform API refused the key (401)")), historyError: nil)))
        #expect(
            s.status
                == StatusMessage("Not pushed: Clerk's dry run failed: Clerk's Platform API refused the key (401) (clerk/unauthorized)", isError: true)
        )
        #expect(s.overlay == nil)
    }
}
