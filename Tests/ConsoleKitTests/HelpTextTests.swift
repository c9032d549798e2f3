import TestSupport
@testable import ConsoleKit
@testable import SettingsKit
import Testing

/// The F1 help, read by a newcomer: it must name what is on the screen as the screen
/// names it, say where to go, and not tell anything the product does not do.
@Suite struct HelpTextTests {
    static func help(_ screen: Screen) -> String { BundledResources.help(for: screen.helpName) ?? "" }

    @Test(arguments: Screen.allCases.filter { $0 != .review })
    func namesEveryFieldAndActionByItsLabel(_ screen: Screen) {
        let text = Self.help(screen)
        for item in Forms.items(for: screen) {
            switch item {
            case .scope(let scope):
                // The checklist is named once, by its first scope; the rest are the catalogue's.
                if scope.name == ScopeCatalogue.identityScope { #expect(text.contains(scope.name)) }
            case .useRedirectURI:
                #expect(text.contains("[ \(item.label) ]"), "the action, as its button reads")
            default:
                #expect(text.contains(item.label), "\(screen.title) help names \(item.label)")
            }
        }
    }

    @Test func saysWhereToGo() {
        #expect(Self.help(.app).contains("https://developer.atlassian.com/console/myapps"))
        #expect(Self.help(.credentials).contains("developer.atlassian.com/console/myapps"))
        let instance = Self.help(.instance)
        for words in ["Clerk Dashboard", "SSO", "connections", "Callback URL", "Authorized redirect URI", "Use custom credentials"] {
            #expect(instance.contains(words), "\(words)")
        }
        #expect(Self.help(.credentials).contains("\"Enable for sign-up and sign-in\""))
    }

    @Test func theLogoFieldSaysWhatItWants() {
        let app = Self.help(.app)
        let logo = app.split(separator: "\n").first { $0.contains("Logo:") }
        #expect(logo != nil && app.contains("nothing is uploaded from here"))
    }

    @Test func noHelpTellsWhatTheProductDoesNotDo() {
        for screen in Screen.allCases {
            let text = Self.help(screen)
            // The distribution URLs may be http; only the redirect URI must be https.
            #expect(!text.contains("full https"), "\(screen.title)")
            #expect(!text.contains("fill in the redirect URI"), "\(screen.title): the action is named as its button")
            #expect(!text.contains("Add offline_access"), "\(screen.title): offline_access is not enabled on the Permissions tab")
        }
        // Scopes in the checklist are ticked, never typed: the help names none but read:me.
        let permissions = Self.help(.permissions)
        for scope in ScopeCatalogue.appScopes where scope.name != ScopeCatalogue.identityScope {
            #expect(!permissions.contains(scope.name), "\(scope.name) has a box; the help must not say to type it")
        }
        #expect(permissions.contains("offline_access is not on the Permissions tab"))
        #expect(Self.help(.distribution).contains("http or https"))
    }

    @Test func reviewSaysHowFindingsAreOrderedAsTheyAre() {
        #expect(Self.help(.review).contains("in step order; within a step,\nblockers come first"))
    }
}
