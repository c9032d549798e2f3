/// One known key of the settings file.
public struct Field: Equatable, Sendable {
    /// Dotted path, e.g. "instance.redirectUri".
    public let key: String
    /// The label on the console screen.
    public let label: String
    public let kind: FieldKind
    public let step: Step
    public let isSecret: Bool
    /// A choice's values as the console and plain mode name them ("Not sharing" for
    /// "not_sharing"); a value not named here is shown as it is stored.
    let names: [String: String]
    /// What a choice means while the file has no value: a new Atlassian app is not
    /// shared. Nil: nothing until one is chosen (an instance's environment).
    public let defaultValue: String?
    /// One line, for the JSON Schema (`social-console schema`).
    public let description: String
    /// The words of Clerk's Dashboard for it where they are not the label: a toggle's own
    /// text there ("Enable connection"), shown beside its box so the operator finds it.
    public let dashboardLabel: String?

    public init(
        _ key: String, _ label: String, _ kind: FieldKind, _ step: Step, secret: Bool = false, dashboard: String? = nil,
        names: [String: String] = [:], default defaultValue: String? = nil, _ description: String
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.step = step
        self.isSecret = secret
        self.dashboardLabel = dashboard
        self.names = names
        self.defaultValue = defaultValue
        self.description = description
    }

    public var path: [String] { DottedKey.names(of: key) }

    /// A choice field's values with the names they are shown by, in the table's order.
    public var choices: [(value: String, name: String)] {
        guard case .choice(let values) = kind else { return [] }
        return values.map { ($0, names[$0] ?? $0) }
    }

    /// For a value that is not one of a choice field's values: the choice it was most
    /// likely meant as, quoted ("Sharing", " sharing " and "SHARING" all mean "sharing";
    /// "Not sharing" and "not-sharing" mean "not_sharing"), else every choice.
    public func suggestion(for value: String) -> String {
        guard case .choice(let choices) = kind else { return "" }
        let folded = FieldInput.folded(value)
        if let meant = choices.first(where: { FieldInput.folded($0).isSameBytes(as: folded) }) { return "\"\(meant)\"" }
        return kind.expected
    }
}
