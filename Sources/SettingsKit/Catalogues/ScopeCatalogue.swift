/// The bundled scope catalogue, `read:me` first. A scope outside it is likely a typo
/// (a warning, not a blocker: Atlassian adds scopes faster than we ship).
public enum ScopeCatalogue {
    public static let all: [Scope] = {
        guard case .array(let items)? = try? JSONParser.parse(Array(BundledResources.scopes.utf8)) else {
            fatalError("Resources/scopes.json is not a JSON list")
        }
        return items.map { item in
            let o = item.objectValue ?? JSONObject()
            return Scope(
                name: o["name"]?.stringValue ?? "", product: o["product"]?.stringValue ?? "",
                description: o["description"]?.stringValue ?? "",
                requestedOnly: o["requestedOnly"]?.boolValue ?? false)
        }
    }()

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
