import SettingsKit

/// How the instance's `connection_oauth_atlassian` and the settings file name the same
/// things: what `pull` reads into the file, `push` writes from it, `verify` compares.
public enum ConnectionMapping {
    public struct Row: Sendable {
        /// The key inside `connection_oauth_atlassian`.
        public let remote: String
        /// The settings file's dotted key.
        public let file: String
    }

    public static let rows: [Row] = [
        Row(remote: "enabled", file: "connection.enabled"),
        Row(remote: "authenticatable", file: "connection.signUpAndSignIn"),
        Row(remote: "client_id", file: "connection.clientId"),
        Row(remote: "client_secret", file: Fields.secretKey),
    ]

    /// The remote key of a file key.
    public static func remote(of fileKey: String) -> String? { rows.first { $0.file == fileKey }?.remote }
}
