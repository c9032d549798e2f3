/// One known key of the settings file.
public struct Field: Equatable, Sendable {
    /// Dotted path, e.g. "instance.redirectUri".
    public let key: String
    /// The label on the console screen.
    public let label: String
    public let kind: FieldKind
    public let step: Step
    public let isSecret: Bool
    /// One line, for the JSON Schema (`social-console schema`).
    public let description: String
    /// The words of Clerk's Dashboard for it where they are not the label: a toggle's own
    /// text there ("Enable connection"), shown beside its box so the operator finds it.
    public let dashboardLabel: String?

    public init(
        _ key: String, _ label: String, _ kind: FieldKind, _ step: Step, secret: Bool = false, dashboard: String? = nil,
        _ description: String
    ) {
        self.key = key
        self.label = label
        self.kind = kind
        self.step = step
        self.isSecret = secret
        self.dashboardLabel = dashboard
        self.description = description
    }

    public var path: [String] { key.split(separator: ".").map(String.init) }

    /// For a value that is not one of a choice field's values: the choice it was most
    /// likely meant as, quoted ("Sharing", " sharing " and "SHARING" all mean "sharing";
    /// "Not sharing" and "not-sharing" mean "not_sharing"), else every choice.
    public func suggestion(for value: String) -> String {
        guard case .choice(let choices) = kind else { return "" }
        let folded = String(
            decoding: value.trimmingWhitespace.utf8.map { b -> UInt8 in
                if (0x41...0x5A).contains(b) { return b + 0x20 }
                return b == 0x20 || b == 0x2D ? 0x5F : b  // space and "-" as "_"
            }, as: UTF8.self)
        if let meant = choices.first(where: { $0.isSameBytes(as: folded) }) { return "\"\(meant)\"" }
        return kind.expected
    }
}
