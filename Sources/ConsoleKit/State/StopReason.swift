import SettingsKit

/// Why the console is asked to end from outside.
public enum StopReason: Equatable, Sendable {
    /// The terminal went away (SIGHUP, or reads failing with EIO).
    case hangUp
    /// SIGTERM: shutdown or kill.
    case terminate
    /// SIGINT: the operator's own "leave now".
    case interrupt

    /// The shell's status for death by that signal (128 + its number on Linux).
    public var exitCode: Int32 {
        switch self {
        case .hangUp: return 129
        case .interrupt: return 130
        case .terminate: return 143
        }
    }
}
