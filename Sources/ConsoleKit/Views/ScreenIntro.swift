import SettingsKit

/// The line under each step screen's title: what the screen is about, in the words of
/// the page it mirrors. A new screen gets its line here.
enum ScreenIntro {
    /// `width`: the body's, so a redirect URI pasted with a whole file after it is read only
    /// as far as two lines show, not wrapped whole on every frame.
    static func lines(_ state: ConsoleState, mask: SecretMask, width: Int) -> [String] {
        switch state.screen {
        case .step(.instance):
            return ["Which instance this file describes; its redirect URI is the Callback URL the Clerk Dashboard shows. F1 explains each step."]
        case .step(.app): return ["The Settings tab of the app in Atlassian's developer console."]
        case .step(.permissions): return ["Scopes enabled on the app's Permissions tab; read:me is a must."]
        case .step(.authorization):
            let room = max(1, 2 * (width - 2))
            let uri =
                state.settings.filled("instance.redirectUri").map { TextWrap.truncate(mask.masked($0, columns: room), width: room) }
                ?? "(not set yet: see Instance)"
            return ["The app's callback URL must equal the instance's redirect URI:", "  " + uri]
        case .step(.credentials): return ["The instance's Atlassian connection: the app's ID and Secret."]
        case .step(.distribution): return ["The app's Distribution tab: sharing lets others than you in."]
        case .review: return []
        }
    }
}
