import TestSupport
@testable import ConsoleKit
import Foundation
@testable import SettingsKit
import Testing

/// Settings files and key helpers shared by the console tests.
enum Fixture {

    /// A production instance half set up: findings on several screens.
    static let halfDone = """
        {
          "schemaVersion": 1,
          "instance": {"name": "acme-staging", "environment": "production",
                       "redirectUri": "https://clerk.staging.acme.com/v1/oauth_callback"},
          "connection": {"enabled": true, "signUpAndSignIn": false, "useCustomCredentials": true,
                         "clientId": "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "clientSecret": "\(TestSecret.value)",
                         "scopes": ["read:jira-work", "write:jira-work"]},
          "atlassianApp": {"name": "Acme sign-in (staging)", "scopes": ["read:jira-work", "read:jira-wrok"],
                           "callbackUrls": ["http://clerk.staging.acme.com/v1/oauth_callback"],
                           "distribution": {"status": "not_sharing", "privacyPolicyUrl": "acme.com/privacy"}},
          "notes": {"owner": "platform team"}
        }
        """

    /// A production instance with no blocker left.
    static let ready = """
        {
          "schemaVersion": 1,
          "instance": {"name": "acme-prod", "environment": "production", "redirectUri": "https://clerk.acme.com/v1/oauth_callback"},
          "connection": {"enabled": true, "signUpAndSignIn": true, "useCustomCredentials": true,
                         "clientId": "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6", "clientSecret": "\(TestSecret.value)", "scopes": ["read:jira-work"]},
          "atlassianApp": {"name": "Acme sign-in", "description": "Sign in to Acme", "logo": "https://acme.com/logo.png",
                           "scopes": ["read:me", "read:jira-work"], "callbackUrls": ["https://clerk.acme.com/v1/oauth_callback"],
                           "distribution": {"status": "sharing", "vendorName": "Acme Inc.", "privacyPolicyUrl": "https://acme.com/privacy",
                                            "termsUrl": "https://acme.com/terms", "contactUrl": "https://acme.com/support",
                                            "storesPersonalData": true}}
        }
        """

    /// What `init --environment production --redirect-uri … --name acme-prod` writes.
    static let fresh = """
        {"schemaVersion": 1, "instance": {"name": "acme-prod", "environment": "production",
         "redirectUri": "https://clerk.acme.com/v1/oauth_callback"}}
        """

    /// What a save meets when someone else changed `key` to `theirs` on disk and this
    /// console changed it to `yours`: the store's own merge says.
    static func conflicts(on base: Settings, key: String = "instance.name", theirs: String, yours: String) -> [MergeConflict] {
        var onDisk = base, mine = base
        onDisk.setText(key, theirs)
        mine.setText(key, yours)
        return SettingsMerge.merge(base: base, theirs: onDisk, yours: mine).conflicts
    }

    static func settings(_ json: String) -> Settings {
        try! SettingsStore.decode(Array(json.utf8), path: "fixture.json")
    }

    static func state(
        _ json: String = halfDone, readOnly: Bool = false, width: Int = 80, height: Int = 24, notice: StatusMessage? = nil
    ) -> ConsoleState {
        var state = ConsoleState(EditSession(path: path, readOnly: readOnly, base: .fake(settings(json))), notice: notice)
        state.resize(width: width, height: height)
        return state
    }

    /// Where the fixture states' file is (never written: their effects are not run).
    static let path = "/tmp/acme.json"
}

extension LoadedFile {
    /// A file as the session would have it after loading or saving `settings`, without a
    /// disk: for reducer tests, which answer effects with events themselves.
    static func fake(_ settings: Settings, mode: UInt32 = 0o600, path: String = Fixture.path) -> LoadedFile {
        LoadedFile(path: path, settings: settings, bytes: SettingsStore.encode(settings), mode: mode, identity: FileIdentity(stat()))
    }
}

/// The screens by name, for tests that visit them.
extension Screen {
    static let instance = Screen.step(.instance)
    static let app = Screen.step(.app)
    static let permissions = Screen.step(.permissions)
    static let authorization = Screen.step(.authorization)
    static let credentials = Screen.step(.credentials)
    static let distribution = Screen.step(.distribution)
}

extension Effect {
    /// The answers a save asks the store to use; nil for any other effect.
    var saveChoices: MergeChoices? {
        if case .save(let request) = self { return request.choices }
        return nil
    }
}

extension FileError {
    /// A save or reload that failed as `code` says, with `message`.
    static func fake(_ message: String, _ code: Code = .unwritable) -> FileError { FileError(code, path: Fixture.path, message) }
}

/// Keys for typing a text, one character at a time as a terminal delivers it.
func typing(_ text: String) -> [Key] { text.map { Key.char($0) } }

/// A model keys are pressed on in tests: the walkthrough's and the fleet list's.
protocol KeyPressed: EventHandling {
    var width: Int { get }
    var height: Int { get }
}

extension ConsoleState: KeyPressed {}
extension FleetState: KeyPressed {}

extension KeyPressed {
    /// Presses keys in order, as the session turns them into events; returns the last
    /// effect any of them asked for.
    @discardableResult
    mutating func press(_ keys: Key...) -> Effect? { press(keys) }

    @discardableResult
    mutating func press(_ keys: [Key]) -> Effect? {
        var last: Effect?
        for key in keys {
            guard let event = Event(key, frame: nil, size: { (self.width, self.height) }) else { continue }
            if let effect = handle(event) { last = effect }
        }
        return last
    }
}

extension ConsoleState {

    /// Goes to `target`'s row `row` as the operator does: PgDn or PgUp to the screen, then
    /// Tab down to the row.
    mutating func visit(_ target: Screen, row: Int = 0) {
        if target == screen && focus != row { press(.pageDown, .pageUp) }
        for _ in 0..<Screen.allCases.count where screen.index < target.index { press(.pageDown) }
        for _ in 0..<Screen.allCases.count where screen.index > target.index { press(.pageUp) }
        for _ in 0..<max(0, row) where focus != row { press(.tab) }
    }

    mutating func resize(width: Int, height: Int) {
        _ = handle(.resized(width: width, height: height))
    }

    /// The session's answer to a save that worked: the settings as they are, written.
    @discardableResult
    mutating func saveSucceeded(fileMode: UInt32 = 0o600) -> Effect? {
        handle(.saved(.fake(settings, mode: fileMode), keptFromDisk: []))
    }

    func rendered(width: Int = 80, height: Int = 24) -> String {
        Renderer.render(self, width: width, height: height).text
    }
}
