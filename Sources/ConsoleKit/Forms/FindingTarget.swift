import SettingsKit

/// The row that fixes a finding: where Review's Enter lands, where the finding's message
/// is drawn inline, and whose fix the status line shows while that row has focus.
///
/// Mostly the first row that edits the finding's field, on its step's screen. Scopes are
/// the exception, since one key (`atlassianApp.scopes`) is edited by a checkbox per
/// catalogue scope plus Custom scopes, and the connection's scopes live on Credentials:
/// - read:me missing: the read:me checkbox;
/// - a requested scope the app has not enabled: that scope's checkbox, or Custom scopes
///   when it is not in the catalogue (enabling it on the app is the fix);
/// - an unknown or invalid scope: the list that holds it, Custom scopes (Permissions) or
///   Additional scopes (Credentials), whatever step the finding belongs to.
struct FindingTarget: Equatable, Sendable {
    let screen: Screen
    let row: Int

    init(_ finding: Finding) {
        let permissions = Forms.items(for: .step(.permissions))
        let customScopes = permissions.firstIndex(of: .customScopes) ?? 0
        func checkbox(_ name: String) -> Int? {
            permissions.firstIndex {
                if case .scope(let scope) = $0 { return scope.name == name }; return false
            }
        }
        switch (finding.code, finding.field) {
        case ("permissions/read-me-missing", _):
            (screen, row) = (.step(.permissions), checkbox(ScopeCatalogue.identityScope) ?? customScopes)
        case ("permissions/scope-not-enabled", _):
            (screen, row) = (.step(.permissions), finding.entry.flatMap(checkbox) ?? customScopes)
        case (_, FormItem.appScopesKey):
            (screen, row) = (.step(.permissions), customScopes)
        default:
            let own = Screen(finding.step)
            if let row = Forms.index(of: finding.field, on: own) {
                (screen, self.row) = (own, row)
            } else if let other = Screen.allCases.first(where: { Forms.index(of: finding.field, on: $0) != nil }) {
                (screen, row) = (other, Forms.index(of: finding.field, on: other) ?? 0)
            } else {
                (screen, row) = (own, 0)
            }
        }
    }
}
