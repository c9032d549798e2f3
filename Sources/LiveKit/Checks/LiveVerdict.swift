import SettingsKit

/// What one live check came to.
public struct LiveCheckResult: Equatable, Sendable {
    public enum Outcome: Equatable, Sendable {
        /// It ran; its findings are in the verdict.
        case ran
        /// It did not run, and why (no key, no Client ID, shared credentials, …).
        case skipped(String)
        /// It could not run: an error of the check, not a finding.
        case failed(LiveError)
    }

    public let check: Service
    public let outcome: Outcome

    public var error: LiveError? {
        if case .failed(let e) = outcome { return e }
        return nil
    }

    /// One entry of `verify --format json`'s `live` list.
    public var json: JSONValue {
        var o = JSONObject([("check", .string(check.rawValue))])
        switch outcome {
        case .ran:
            o["ok"] = .bool(true)
        case .skipped(let why):
            o["ok"] = .bool(false)
            o["skipped"] = .string(why)
        case .failed(let error):
            o["ok"] = .bool(false)
            o["error"] = .object(JSONObject([("code", .string(error.code)), ("message", .string(error.message))]))
        }
        return .object(o)
    }
}

/// The live checks' verdict on one file: findings to add to the file's report, and what
/// each check came to. A plain value: the console shows it, `verify` prints it.
public struct LiveVerdict: Equatable, Sendable {
    public var findings: [Finding]
    /// clerk, frontend, atlassian, in that order.
    public var checks: [LiveCheckResult]
    /// When the checks ran (UTC, as the history writes times).
    public var time: String

    public var errors: [LiveError] { checks.compactMap(\.error) }

    /// 2 when a check could not run; else nothing to add to the report's own.
    public var failed: Bool { !errors.isEmpty }

    /// The keys each finding judged: a later edit of one of them makes the finding stale
    /// (the console marks it so).
    public static func judgedKeys(_ code: String) -> [String] {
        switch code {
        case "live/instance-differs": return ["connection.enabled", "connection.signUpAndSignIn", "connection.clientId"]
        case "live/instance-secret-missing": return ["connection.clientSecret"]
        case "live/redirect-uri-differs": return ["instance.redirectUri"]
        case "live/frontend-disabled": return ["instance.redirectUri", "connection.signUpAndSignIn"]
        default: return ["connection.clientId", "connection.clientSecret", "instance.redirectUri"]
        }
    }
}
