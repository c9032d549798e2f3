import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Plain mode's walkthrough without a process: lines in, the transcript out.
@Suite struct PlainSessionTests {
    /// A session and everything it printed, prompts included.
    struct Run {
        var session: PlainSession
        var transcript: String

        init(_ json: String? = nil, ascii: Bool = false, echo: Bool = false) {
            let base = json.map { LoadedFile.fake(Fixture.settings($0), path: "acme.json") }
            session = PlainSession(EditSession(path: "acme.json", readOnly: false, base: base), options: .init(ascii: ascii, echoAnswers: echo))
            transcript = session.start()
        }

        /// The result of the effect the session asked for, as the run loop hands it over.
        mutating func result(_ event: Event) {
            _ = session.handle(event)
            transcript += session.takeOutput()
        }

        /// The prompt waiting for an answer, or nil.
        var prompt: String? {
            if case .ask(let p) = session.next { return p.text }
            return nil
        }

        mutating func answer(_ lines: String..., sourceLocation: SourceLocation = #_sourceLocation) {
            for line in lines {
                guard let prompt else {
                    Issue.record("no question is waiting for \"\(line)\"", sourceLocation: sourceLocation)
                    return
                }
                transcript += prompt + session.answer(line)
            }
        }

        /// Keeps every value until no question is left.
        mutating func keepToTheEnd() {
            var guardCount = 0
            while prompt != nil, guardCount < 60 {
                answer("")
                guardCount += 1
            }
        }

        /// Answers until the prompt starts with `label`, keeping every value on the way.
        mutating func keep(until label: String, sourceLocation: SourceLocation = #_sourceLocation) {
            var guardCount = 0
            while let prompt, !prompt.hasPrefix(label), guardCount < 60 {
                answer("")
                guardCount += 1
            }
            #expect(prompt?.hasPrefix(label) == true, "never asked \(label)", sourceLocation: sourceLocation)
        }
    }

    @Test func questionsAreTheConsoleRowsInScreenAndFocusOrder() {
        var run = Run()
        var asked: [String] = []
        while let prompt = run.prompt, !prompt.hasPrefix("Save?"), asked.count < 40 {
            asked.append(String(prompt.prefix { $0 != "[" && $0 != "(" && $0 != "," }).trimmingWhitespace)
            run.answer(asked.count == 3 ? "https://clerk.acme.com/v1/oauth_callback" : "")
        }
        #expect(
            asked == [
                "Instance › Name", "Instance › Environment", "Instance › Redirect URI",
                "Instance › Clerk application", "Instance › Clerk instance",
                "App › Name", "App › Description", "App › Logo",
                "Permissions › Scopes",
                "Authorization › Callback URLs", "Authorization › Use the instance's redirect URI",
                "Credentials › Use custom credentials", "Credentials › Client ID", "Credentials › Client Secret",
                "Credentials › Additional scopes", "Credentials › Enabled", "Credentials › Sign-up and sign-in",
                "Distribution › Sharing", "Distribution › Vendor name", "Distribution › Privacy policy URL",
                "Distribution › Terms URL", "Distribution › Contact URL", "Distribution › Stores personal data",
            ])
        // Each step is announced once, in order.
        for (n, title) in ["Instance", "App", "Permissions", "Authorization", "Credentials", "Distribution"].enumerated() {
            #expect(run.transcript.contains("Step \(n + 1) of 6. \(title):"))
        }
    }

    @Test func theCurrentValueIsInBrackets() {
        let run = Run(Fixture.halfDone)
        #expect(run.prompt == "Instance › Name [acme-staging]: ")
        var r = run
        r.keep(until: "Credentials › Use custom credentials")
        #expect(r.prompt == "Credentials › Use custom credentials (y/n) [y]: ")
        r.keep(until: "Credentials › Client Secret")
        #expect(r.prompt == "Credentials › Client Secret [set]: ")
        r.keep(until: "Distribution › Sharing")
        #expect(r.prompt == "Distribution › Sharing (1 Not sharing, 2 Sharing) [Not sharing]: ")
        #expect(Run().prompt == "Instance › Name [not set]: ")
    }

    @Test func enterKeepsEveryValueAndNothingIsSaved() {
        var run = Run(Fixture.ready)
        run.keepToTheEnd()
        #expect(run.session.settings == Fixture.settings(Fixture.ready))
        #expect(run.transcript.contains("\nReady for production.\n"))
        #expect(run.transcript.contains("No changes; nothing to save."))
        #expect(run.session.next == .end(code: 0))
    }

    @Test func aDashClearsTheValue() {
        var run = Run(Fixture.ready)
        run.answer("-")
        #expect(run.session.settings.text("instance.name") == nil)
        run.answer("-")  // a choice
        #expect(run.session.settings.text("instance.environment") == nil)
        run.keep(until: "Credentials › Enabled")
        run.answer("-")  // a toggle
        #expect(run.session.settings.flag("connection.enabled") == nil)
        run.answer("<")
        #expect(run.prompt == "Credentials › Enabled, Clerk's Enable connection (y/n) [not set]: ")
    }

    @Test func lessThanGoesBackOneQuestion() {
        var run = Run(Fixture.fresh)
        run.answer("<")
        #expect(run.transcript.contains("This is the first question."))
        #expect(run.prompt == "Instance › Name [acme-prod]: ")
        run.answer("acme-two", "<")
        #expect(run.prompt == "Instance › Name [acme-two]: ")
        run.answer("", "")
        #expect(run.prompt?.hasPrefix("Instance › Redirect URI") == true)
        run.answer("<")
        #expect(run.prompt == "Instance › Environment (1 development, 2 production) [production]: ")
        // Back across a step: the earlier step is announced again.
        run.keep(until: "App › Name")
        run.answer("<")
        #expect(run.prompt?.hasPrefix("Instance › Clerk instance") == true)
        #expect(run.transcript.components(separatedBy: "Step 1 of 6.").count == 3)
    }

    @Test func questionMarkPrintsTheStepsHelpAndAsksAgain() throws {
        var run = Run(Fixture.fresh)
        run.answer("?")
        let firstHelpLine = try #require(BundledResources.help(for: "instance")?.split(separator: "\n").dropFirst(2).first)
        #expect(run.transcript.contains(String(firstHelpLine)))
        #expect(run.prompt == "Instance › Name [acme-prod]: ")
        #expect(run.session.settings == Fixture.settings(Fixture.fresh))
        // On Permissions the catalogue comes with it, each scope once.
        run.keep(until: "Permissions › Scopes")
        let before = run.transcript.count
        run.answer("?")
        let help = String(run.transcript.dropFirst(before))
        for scope in ScopeCatalogue.appScopes {
            #expect(help.components(separatedBy: "  \(scope.name) (").count == 2, "\(scope.name) listed once")
        }
        #expect(!help.contains("  offline_access ("), "not a Permissions-tab scope")
        #expect(run.prompt?.hasPrefix("Permissions › Scopes") == true)
    }

    @Test func aBadAnswerIsAskedAgainWithTheReason() {
        var run = Run(Fixture.fresh)
        run.answer("")
        run.answer("staging")
        #expect(run.transcript.contains("Not taken: answer 1 or 2, or one of: development, production (its first letters are enough)."))
        #expect(run.prompt?.hasPrefix("Instance › Environment") == true)
        run.answer("3")
        #expect(run.prompt?.hasPrefix("Instance › Environment") == true)
        run.answer("")
        run.answer("https://clerk.acme.com/v1/oauth_\u{1B}[2Jcallback")
        #expect(run.transcript.contains("control character"))
        #expect(run.prompt?.hasPrefix("Instance › Redirect URI") == true)
        run.transcript += run.session.answer(bytes: [0x61, 0xFF, 0x62])
        #expect(run.transcript.contains("not UTF-8"))
        #expect(run.prompt?.hasPrefix("Instance › Redirect URI") == true)
        run.keep(until: "Credentials › Use custom credentials")
        run.answer("maybe")
        #expect(run.transcript.contains("Not taken: answer y or n."))
        #expect(run.prompt?.hasPrefix("Credentials › Use custom credentials") == true)
        #expect(run.session.settings == Fixture.settings(Fixture.fresh))
    }

    @Test func choicesByNumberOrNameTogglesByYesOrNo() {
        var run = Run(Fixture.fresh)
        run.answer("", "1")
        #expect(run.session.settings.text("instance.environment") == "development")
        run.answer("<", "Production")
        #expect(run.session.settings.text("instance.environment") == "production")
        run.keep(until: "Credentials › Use custom credentials")
        run.answer("yes")
        #expect(run.session.settings.flag("connection.useCustomCredentials") == true)
        run.answer("<", "N")
        #expect(run.session.settings.flag("connection.useCustomCredentials") == false)
        run.keep(until: "Distribution › Sharing")
        run.answer("SHARING")
        #expect(run.session.settings.text("atlassianApp.distribution.status") == "sharing")
        run.answer("<", "not sharing")
        #expect(run.session.settings.text("atlassianApp.distribution.status") == "not_sharing")
        run.answer("<", "2")
        #expect(run.session.settings.text("atlassianApp.distribution.status") == "sharing")
    }

    @Test func listsTakeSpacesOrCommasAndScopesAreOneList() {
        var run = Run(Fixture.fresh)
        run.keep(until: "Permissions › Scopes")
        run.answer("read:me, read:jira-work write:jira-work,read:issue:jira")
        #expect(run.session.settings.list("atlassianApp.scopes") == ["read:me", "read:jira-work", "write:jira-work", "read:issue:jira"])
        #expect(run.prompt?.hasPrefix("Authorization › Callback URLs") == true)
        run.answer("<")
        #expect(run.prompt == "Permissions › Scopes [read:me, read:jira-work, write:jira-work, read:issue:jira]: ")
        run.answer("-")
        #expect(run.session.settings.list("atlassianApp.scopes") == [])
    }

    @Test func eachAnswerIsJudgedAtOnceWithTheFix() throws {
        var run = Run(Fixture.ready)
        run.answer("", "")
        let before = run.transcript.count
        run.answer("https://clerk.acme.com/oauth_callback")
        let verdict = String(run.transcript.dropFirst(before))
        #expect(verdict.contains("✗ blocker: ") && verdict.contains("[instance/redirect-uri-invalid]"))
        let rule = try #require(RuleTable.rule("instance/redirect-uri-invalid"))
        #expect(verdict.contains("    fix: " + rule.fix))
        // What it broke elsewhere is said too, with its place.
        #expect(verdict.contains("(Authorization › Callback URLs)") && verdict.contains("[authorization/callback-mismatch]"))
        // Putting it back says what that fixed.
        run.answer("<")
        let mark = run.transcript.count
        run.answer("https://clerk.acme.com/v1/oauth_callback")
        #expect(String(run.transcript.dropFirst(mark)).contains("✓ fixed: "))
        // A kept value with a finding is judged too.
        var half = Run(Fixture.halfDone)
        half.keep(until: "Authorization › Callback URLs")
        let at = half.transcript.count
        half.answer("")
        #expect(String(half.transcript.dropFirst(at)).contains("[authorization/callback-not-https]"))
    }

    @Test func theRedirectURIActionIsAskedOnlyWhenItAddsSomething() {
        var run = Run(Fixture.fresh)
        run.keep(until: "Authorization › Callback URLs")
        run.answer("")
        #expect(run.prompt == "Authorization › Use the instance's redirect URI, https://clerk.acme.com/v1/oauth_callback (y/n) [n]: ")
        run.answer("y")
        #expect(run.session.settings.list("atlassianApp.callbackUrls") == ["https://clerk.acme.com/v1/oauth_callback"])
        #expect(run.prompt?.hasPrefix("Credentials › Use custom credentials") == true)
        #expect(run.transcript.contains("  Added https://clerk.acme.com/v1/oauth_callback to the callback URLs\n"))
        // Back from Credentials skips it now: it would add nothing.
        run.answer("<")
        #expect(run.prompt?.hasPrefix("Authorization › Callback URLs") == true)
        // A near miss is replaced where it stands, as the console's Enter does.
        var near = Run(Fixture.fresh)
        near.keep(until: "Authorization › Callback URLs")
        near.answer("http://clerk.acme.com/v1/oauth_callback/", "y")
        #expect(near.session.settings.list("atlassianApp.callbackUrls") == ["https://clerk.acme.com/v1/oauth_callback"])
        #expect(near.transcript.contains("Replaced http://clerk.acme.com/v1/oauth_callback/ with the redirect URI"))
    }

    @Test func theSecretIsNeverPrintedNotEvenItsLength() {
        for echo in [false, true] {
            var run = Run(Fixture.fresh, echo: echo)
            run.keep(until: "Credentials › Client Secret")
            guard case .ask(let prompt) = run.session.next else { Issue.record("no prompt"); return }
            #expect(prompt.hidden)
            #expect(prompt.text == "Credentials › Client Secret [not set]: ")
            run.answer(TestSecret.value)
            run.answer("<")
            #expect(run.prompt == "Credentials › Client Secret [set]: ")
            // Pasted into another field by mistake: masked there too, echo included.
            run.answer("", TestSecret.value)
            run.answer("q")
            #expect(run.transcript.contains("connection.clientSecret: changed"))
            #expect(!TestSecret.isIn(run.transcript.utf8), "echo \(echo)")
            #expect(run.session.settings.text(Fields.secretKey) == TestSecret.value)
        }
    }

    @Test func inputEndingEarlyAsksNothingMoreAndSavesNothing() {
        var run = Run(Fixture.fresh)
        run.answer("changed-name")
        let line = run.session.endOfInput()
        #expect(line.contains("input ended before the walkthrough did; nothing was saved"))
        #expect(run.session.next == .end(code: 2))
        // Also at Save?.
        var atSave = Run(Fixture.fresh)
        atSave.answer("changed-name", "q")
        #expect(atSave.prompt == "Save? [y/n]: ")
        _ = atSave.session.endOfInput()
        #expect(atSave.session.next == .end(code: 2))
    }

    @Test func quittingWithChangesShowsThemAndTheBlockersThenAsks() {
        var run = Run(Fixture.fresh)
        run.answer("acme-two", "q")
        #expect(run.transcript.contains("Changes (1):\n  instance.name: \"acme-prod\" → \"acme-two\"\n"))
        #expect(run.transcript.contains("Blockers left ("))
        #expect(run.transcript.contains("  ✗ App: ") && run.transcript.contains("[app/name-missing]"))
        #expect(run.prompt == "Save? [y/n]: ")
        run.answer("maybe")
        #expect(run.transcript.contains("Not taken: answer y or n."))
        run.answer("y")
        guard case .perform(.save(let request)) = run.session.next else { Issue.record("no save asked"); return }
        let settings = request.settings
        #expect(settings.text("instance.name") == "acme-two" && request.choices == .none)
        run.result(.saved(.fake(settings, path: "acme.json"), keptFromDisk: ["atlassianApp.name"]))
        #expect(run.transcript.hasSuffix("Saved acme.json.\nKept 1 change made on disk meanwhile: atlassianApp.name\n"))
        #expect(run.session.next == .end(code: 0))
    }

    @Test func noAtSaveEndsWithoutSavingAndLessThanGoesBackToTheLastQuestion() {
        var run = Run(Fixture.fresh)
        run.answer("acme-two")
        run.keep(until: "Save?")
        run.answer("<")
        #expect(run.prompt?.hasPrefix("Distribution › Stores personal data") == true)
        run.answer("", "n")
        #expect(run.transcript.hasSuffix("Not saved.\n"))
        #expect(run.session.next == .end(code: 0))
    }

    @Test func aFailedSaveKeepsTheEditsAndAsksAgain() {
        var run = Run(Fixture.fresh)
        run.answer("acme-two", "q", "y")
        run.result(.saveFailed(FileError(.unwritable, path: "acme.json", "no space left on the device")))
        #expect(run.prompt == "Save? [y/n]: ")
        #expect(run.session.settings.text("instance.name") == "acme-two")
        #expect(run.session.endOfInput().contains("the last save failed: acme.json: no space left"))
    }

    @Test func aFileThatCanNoLongerBeReadIsReplacedOnlyWhenAsked() {
        var run = Run(Fixture.fresh)
        run.answer("acme-two", "q", "y")
        run.result(.saveFailed(FileError(.unreadableOnDisk, path: "acme.json", "the file on disk can no longer be read")))
        #expect(run.prompt == "Overwrite it with yours? [y/n]: ")
        run.answer("y")
        guard case .perform(.save(let request)) = run.session.next else { Issue.record("no save asked"); return }
        #expect(request.choices == MergeChoices(forAll: .yours))
        var no = Run(Fixture.fresh)
        no.answer("acme-two", "q", "y")
        no.result(.saveFailed(FileError(.unreadableOnDisk, path: "acme.json", "unreadable")))
        no.answer("n")
        #expect(no.session.next == .end(code: 0))
    }

    @Test func conflictsAreAskedKeyByKey() {
        let base = Fixture.settings(Fixture.ready)
        var theirs = base, yours = base
        theirs.setText("instance.name", "theirs-name")
        theirs.setText(Fields.secretKey, "THEIRS-secret-value-000000000000")
        var run = Run(Fixture.ready)
        run.answer("yours-name", "q", "y")
        yours = run.session.settings
        yours.setText(Fields.secretKey, "YOURS-secret-value-1111111111111")
        let merge = SettingsMerge.merge(base: base, theirs: theirs, yours: yours)
        #expect(merge.conflicts.count == 2)
        run.result(.saveConflicted(merge.conflicts))
        #expect(run.transcript.contains("instance.name: was \"acme-prod\", on disk now \"theirs-name\", yours \"yours-name\""))
        #expect(run.prompt == "Conflict › instance.name (t theirs, y yours): ")
        run.answer("x")
        #expect(run.transcript.contains("Not taken: answer t (theirs) or y (yours)."))
        run.answer("t")
        #expect(run.transcript.contains("connection.clientSecret: changed both on disk and here (values not shown)"))
        #expect(run.prompt == "Conflict › connection.clientSecret (t theirs, y yours): ")
        run.answer("<")
        #expect(run.prompt == "Conflict › instance.name (t theirs, y yours): ")
        run.answer("y", "t")
        guard case .perform(.save(let request)) = run.session.next else { Issue.record("no save asked"); return }
        let choices = request.choices
        #expect(choices.choice(for: ["instance", "name"]) == .yours)
        #expect(choices.choice(for: ["connection", "clientSecret"]) == .theirs)
        #expect(!run.transcript.contains("THEIRS-secret") && !run.transcript.contains("YOURS-secret"))
    }

    @Test func aDevelopmentInstanceIsReadyForDevelopmentNotBlocked() {
        var run = Run(#"{"schemaVersion": 1, "instance": {"name": "dev", "environment": "development"}, "connection": {"enabled": true}}"#)
        run.answer("q")
        #expect(run.transcript.contains("Ready for development; not ready for production: "))
        #expect(run.transcript.contains("What production would need ("))
        #expect(!run.transcript.contains("Blockers left"))
    }

    @Test func outputIsPrintableTextWithoutEscapesAndASCIIOutsideUTF8() {
        let hostile = #"{"schemaVersion": 1, "instance": {"name": "acme\u001b[8m-hidden\u202e\u0007", "environment": "production"}}"#
        for ascii in [false, true] {
            var run = Run(hostile, ascii: ascii)
            run.answer("renamed")
            run.keep(until: "Permissions")
            run.answer("?", "q", "<", "q", "n")
            let bytes = Array(run.transcript.utf8)
            #expect(bytes.allSatisfy { $0 == 0x0A || $0 >= 0x20 && $0 != 0x7F }, "only printable text and line breaks")
            #expect(run.transcript.contains(#"acme\u001b[8m-hidden\u202e\u0007"#))
            if ascii {
                #expect(bytes.allSatisfy { $0 < 0x80 }, "ASCII only")
                #expect(run.transcript.contains("Instance > Name") && run.transcript.contains(" -> ") && run.transcript.contains("  x "))
            }
        }
    }
}
