import SettingsKit

/// One focusable row of a form. Each edits one settings key (or, for scopes, one entry
/// of a list key), so Review can jump to the row a finding names.
enum FormItem: Equatable, Sendable {
    /// A one-line text value; `secret` shows it masked.
    case text(key: String, label: String, secret: Bool)
    /// A list typed as space- or comma-separated values.
    case list(key: String, label: String)
    /// A true/false checkbox.
    case toggle(key: String, label: String)
    /// One value out of two or more, shown side by side; Space moves to the next.
    case choice(key: String, label: String, values: [String], names: [String])
    /// One catalogue scope as a checkbox over `atlassianApp.scopes`.
    case scope(Scope)
    /// The app's scopes that are not in the catalogue, typed as a list.
    case customScopes
    /// An action: add the instance's redirect URI to the callback URLs.
    case useRedirectURI

    static let appScopesKey = "atlassianApp.scopes"
    static let callbackKey = "atlassianApp.callbackUrls"

    /// The settings key the row edits; nil for an action.
    var key: String? {
        switch self {
        case .text(let key, _, _), .list(let key, _), .toggle(let key, _), .choice(let key, _, _, _): return key
        case .scope, .customScopes: return FormItem.appScopesKey
        case .useRedirectURI: return nil
        }
    }

    var label: String {
        switch self {
        case .text(_, let label, _), .list(_, let label), .toggle(_, let label), .choice(_, let label, _, _): return label
        case .scope(let scope): return scope.name
        case .customScopes: return "Custom scopes"
        case .useRedirectURI: return "Use the instance's redirect URI"
        }
    }

    /// Rows edited as a line of text (they get a LineEditor while focused).
    var isTextEntry: Bool {
        switch self {
        case .text, .list, .customScopes: return true
        default: return false
        }
    }

    var isChoice: Bool {
        if case .choice = self { return true }
        return false
    }

    var isSecret: Bool {
        if case .text(_, _, true) = self { return true }
        return false
    }
}
