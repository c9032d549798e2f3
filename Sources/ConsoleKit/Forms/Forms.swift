import SettingsKit

/// The rows of each screen, in the guide's focus order. Labels and kinds come from
/// SettingsKit's one field table, so the console and `set` agree on every key.
enum Forms {
    static func items(for screen: Screen) -> [FormItem] { table[screen.index] }

    /// Built once: the renderer asks for the rows on every frame.
    private static let table: [[FormItem]] = Screen.allCases.map(build)

    private static func build(_ screen: Screen) -> [FormItem] {
        guard let step = screen.step else { return [] }
        switch step {
        case .instance:
            return ["instance.name", "instance.environment", "instance.redirectUri", "clerk.applicationId", "clerk.instance"].map(item)
        case .app: return ["atlassianApp.name", "atlassianApp.description", "atlassianApp.logo"].map(item)
        case .permissions: return ScopeCatalogue.appScopes.map(FormItem.scope) + [.customScopes]
        case .authorization: return [item("atlassianApp.callbackUrls"), .useRedirectURI]
        case .credentials:
            return [
                "connection.useCustomCredentials", "connection.clientId", "connection.clientSecret",
                "connection.scopes", "connection.enabled", "connection.signUpAndSignIn",
            ].map(item)
        case .distribution:
            return [
                "atlassianApp.distribution.status", "atlassianApp.distribution.vendorName",
                "atlassianApp.distribution.privacyPolicyUrl", "atlassianApp.distribution.termsUrl",
                "atlassianApp.distribution.contactUrl", "atlassianApp.distribution.storesPersonalData",
            ].map(item)
        }
    }

    /// The rows as plain mode asks them, one question each, in the same order: the scope
    /// checklist and Custom scopes become one list of the app's scopes, as `set` takes it
    /// (one line to answer instead of a checkbox per catalogue scope).
    static func questions(for screen: Screen) -> [FormItem] {
        var out: [FormItem] = []
        for row in items(for: screen) {
            switch row {
            case .scope, .customScopes:
                if !out.contains(where: { $0.key == FormItem.appScopesKey }) { out.append(item(FormItem.appScopesKey)) }
            default:
                out.append(row)
            }
        }
        return out
    }

    static func item(_ key: String) -> FormItem {
        guard let field = Fields.field(key) else { preconditionFailure("no field \(key) in SettingsKit's table") }
        switch field.kind {
        case .text: return .text(key: key, label: field.label, secret: field.isSecret)
        case .list: return .list(key: key, label: field.label)
        case .toggle: return .toggle(key: key, label: field.label)
        case .choice: return .choice(key: key, label: field.label, values: field.choices.map(\.value), names: field.choices.map(\.name))
        }
    }

    /// The row Review's Enter lands on for a key: the first row that edits it.
    static func index(of key: String, on screen: Screen) -> Int? {
        items(for: screen).firstIndex { $0.key == key }
    }
}
