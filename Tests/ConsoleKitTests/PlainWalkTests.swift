import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// Plain mode asks a development instance on shared credentials only what it uses, with
/// what production would need one `+` away; choices are taken by their beginning.
@Suite struct PlainWalkTests {
    typealias Run = PlainSessionTests.Run

    /// The questions asked until Save?, keeping every value.
    static func asked(_ run: inout Run) -> [String] {
        var asked: [String] = []
        while let prompt = run.prompt, !prompt.hasPrefix("Save?"), asked.count < 40 {
            asked.append(String(prompt.prefix { $0 != "[" && $0 != "(" && $0 != "," }).trimmingWhitespace)
            run.answer("")
        }
        return asked
    }

    @Test func aSharedCredentialsDevelopmentInstanceIsAskedOnlyWhatItUses() {
        var run = Run(MovingOnTests.sharedDevelopment)
        run.answer("", "", "", "", "", "")  // Instance, then Use custom credentials kept (no)
        #expect(run.prompt?.hasPrefix("Credentials › Enabled") == true, "\(run.prompt ?? "")")
        #expect(run.transcript.contains("those questions are passed over (+ asks them too)"))
        #expect(!run.transcript.contains("App › Name"))
        run.answer("y", "y")
        #expect(run.prompt == "Save? [y/n]: ")
        #expect(run.transcript.contains("What production would need was not asked: + asks it before saving."))
        #expect(run.transcript.components(separatedBy: "passed over").count == 2, "said once")
        // What production would need, one key away.
        run.answer("+")
        #expect(run.transcript.contains("Asking what production would need too."))
        #expect(run.prompt?.hasPrefix("App › Name") == true)
        let rest = Self.asked(&run)
        #expect(rest.first == "App › Name" && rest.contains("Credentials › Client Secret") && rest.last == "Distribution › Stores personal data")
    }

    @Test func plusAtAQuestionAsksTheRestToo() {
        var run = Run(MovingOnTests.sharedDevelopment)
        run.answer("+")
        #expect(run.prompt?.hasPrefix("App › Name") == true)
        var production = Run(Fixture.halfDone)
        production.answer("+")
        #expect(production.session.settings.text("instance.name") == "+", "elsewhere + is just an answer")
    }

    @Test func customCredentialsOrProductionAreAskedEverything() {
        var run = Run(MovingOnTests.sharedDevelopment)
        run.keep(until: "Credentials › Use custom credentials")
        run.answer("y")
        #expect(run.prompt?.hasPrefix("Credentials › Client ID") == true)
        var production = Run(Fixture.fresh)
        #expect(Self.asked(&production).count == 23)
    }

    @Test func choicesByAnyUnambiguousBeginning() {
        var run = Run(Fixture.fresh)
        run.answer("", "dev")
        #expect(run.session.settings.text("instance.environment") == "development")
        run.answer("<", "prod")
        #expect(run.session.settings.text("instance.environment") == "production")
        run.keep(until: "Distribution › Sharing")
        run.answer("shar")
        #expect(run.session.settings.text("atlassianApp.distribution.status") == "sharing")
        run.answer("<", "not")
        #expect(run.session.settings.text("atlassianApp.distribution.status") == "not_sharing")
    }

    @Test func theFirstLineSaysWhyPlainModeRuns() {
        let session = PlainSession(
            EditSession(path: "acme.json", readOnly: false, base: nil), options: .init(reason: "ACCESSIBLE is set"))
        var copy = session
        #expect(copy.start().hasPrefix("social-console plain mode (ACCESSIBLE is set): acme.json"))
    }
}

extension PlainWalkTests {
    /// Plain mode offers FILE.recovered.json as the console does, listing what it would
    /// restore (the secret only as changed).
    @Test func theRecoveryOfferListsWhatItWouldRestore() {
        let onDisk = Fixture.settings(Fixture.halfDone)
        var kept = onDisk
        kept.setText("instance.name", "acme-staging-edited")
        kept.setText(Fields.secretKey, "a-rotated-secret-0000111122223333")
        let offer = RecoveryFile.Pending(path: "acme.json.recovered.json", edits: kept, base: onDisk)
        var session = PlainSession(EditSession(path: "acme.json", readOnly: false, base: .fake(onDisk, path: "acme.json"), recovery: offer))
        let start = session.start()
        #expect(start.contains("restoring them makes:\n  instance.name: \"acme-staging\" → \"acme-staging-edited\"\n"), "\(start)")
        #expect(start.contains("  connection.clientSecret: changed\n"))
        #expect(!start.contains("0000111122223333") && !start.contains(TestSecret.value))
    }
}
