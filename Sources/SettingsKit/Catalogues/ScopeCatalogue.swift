/// The bundled scope catalogue, `read:me` first, and the shape of granular scopes. A
/// scope outside both is likely a typo (a warning, not a blocker: Atlassian adds scopes
/// faster than we ship).
public enum ScopeCatalogue {
    /// Made at build time from Resources/scopes.json (EmbedResourcesTool): no start parses it.
    public static let all: [Scope] = EmbeddedResources.scopeTable

    /// The verbs granular scopes start with (`read`, `write`, …).
    public static let granularActions = EmbeddedResources.granularActions
    /// The products granular scopes end with (`jira`, `confluence`, …).
    public static let granularProducts = EmbeddedResources.granularProducts

    public enum GranularShape: Equatable, Sendable {
        /// `action:resource[.sub]:product` of a product Atlassian's scopes name.
        case known
        /// Well formed, but its last part is no product Atlassian's scopes name.
        case unknownProduct(String)
    }

    /// The shape of a granular scope, `action:resource[.sub]:product` (`read:issue:jira`,
    /// `read:board-scope:jira-software`): lower-case words joined by `-`, the resource's
    /// parts by `.`; nil when the name does not have it.
    public static func granularShape(_ name: String) -> GranularShape? {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, granularActions.contains(String(parts[0])) else { return nil }
        func words(_ s: Substring, joinedBy joiners: String) -> Bool {
            var last: Character? = nil
            for c in s {
                if joiners.contains(c) {
                    if last == nil || joiners.contains(last!) { return false }
                } else if !(("a"..."z").contains(c) || ("0"..."9").contains(c)) {
                    return false
                }
                last = c
            }
            return last.map { !joiners.contains($0) } ?? false
        }
        guard words(parts[1], joinedBy: "-."), words(parts[2], joinedBy: "-") else { return nil }
        return granularProducts.contains(String(parts[2])) ? .known : .unknownProduct(String(parts[2]))
    }

    /// The scopes of the app's Permissions tab: the console's checklist.
    public static let appScopes: [Scope] = all.filter { !$0.requestedOnly }

    private static let names = Set(all.map(\.name))
    private static let requestedOnlyNames = Set(all.filter(\.requestedOnly).map(\.name))

    public static func contains(_ name: String) -> Bool { names.contains(name) }
    public static func scope(named name: String) -> Scope? { all.first { $0.name == name } }

    /// Whether the scope is only ever asked for in the consent URL, never enabled on the app.
    public static func isRequestedOnly(_ name: String) -> Bool { requestedOnlyNames.contains(name) }

    /// Whether the scope has a box in the app's Permissions checklist.
    public static func isAppScope(_ name: String) -> Bool { names.contains(name) && !requestedOnlyNames.contains(name) }

    /// The scope the instance needs to read the user's profile.
    public static let identityScope = "read:me"

    /// Scope names are words joined by ':', '.', '-' and '_' ("read:jira-work",
    /// "read:confluence-content.all", "read:issue:jira"). Anything else — empty, a space,
    /// a comma, a quote — no scope has.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { s in
                (s.value >= 0x61 && s.value <= 0x7A) || (s.value >= 0x41 && s.value <= 0x5A)
                    || (s.value >= 0x30 && s.value <= 0x39) || s == ":" || s == "." || s == "-" || s == "_"
            }
    }
}
