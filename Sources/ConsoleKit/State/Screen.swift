import SettingsKit

/// The console's screens in SPEC's order: one per setup step, then Review.
public enum Screen: Int, CaseIterable, Sendable {
    case instance, app, permissions, authorization, credentials, distribution, review

    public init(_ step: Step) {
        switch step {
        case .instance: self = .instance
        case .app: self = .app
        case .permissions: self = .permissions
        case .authorization: self = .authorization
        case .credentials: self = .credentials
        case .distribution: self = .distribution
        }
    }

    /// The setup step the screen edits; Review has none.
    public var step: Step? {
        switch self {
        case .instance: return .instance
        case .app: return .app
        case .permissions: return .permissions
        case .authorization: return .authorization
        case .credentials: return .credentials
        case .distribution: return .distribution
        case .review: return nil
        }
    }

    public var title: String { step?.title ?? "Review" }

    /// The name of its help file under Resources/help/, without the extension.
    public var helpName: String { step?.rawValue ?? "review" }

    public var next: Screen { Screen(rawValue: rawValue + 1) ?? self }
    public var previous: Screen { Screen(rawValue: rawValue - 1) ?? self }
}
