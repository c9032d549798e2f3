/// The setup guide's steps, in order. Each console screen but Review is one step;
/// a step is complete when it has no blocker.
public enum Step: String, CaseIterable, Sendable, Comparable {
    case instance, app, permissions, authorization, credentials, distribution

    /// The console screen title; outside scripts match these exact words.
    public var title: String {
        switch self {
        case .instance: return "Instance"
        case .app: return "App"
        case .permissions: return "Permissions"
        case .authorization: return "Authorization"
        case .credentials: return "Credentials"
        case .distribution: return "Distribution"
        }
    }

    public static func < (a: Step, b: Step) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
