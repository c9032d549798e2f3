import SettingsKit

/// A change `push` would make, checked by Clerk's dry run: what is sent, what the
/// instance has now, and the config version the write must name (If-Match). A plain
/// value: the console shows its lines in a dialog, `push` prints them.
public struct PushPlan: Equatable, Sendable {
    public let target: ClerkTarget
    /// The config version read before the dry run; the write sends it in If-Match.
    public let version: String
    /// The instance's connection when the plan was made.
    public let remote: RemoteConnection
    /// The file keys sent, in the mapping's order.
    public let keys: [String]
    /// The settings the plan pushes (the history's record masks their secrets).
    public let settings: Settings

    /// Each key `remote → file`, the secret only as "will be replaced" or "will be set".
    public var lines: [String] {
        keys.map { key in
            if key == Fields.secretKey { return "\(key): " + (remote.hasSecret == true ? "will be replaced" : "will be set") }
            let old = PushPlan.remoteValue(remote, key).map(JSONWriter.compact) ?? "(not set)"
            let new = settings.value(key).map(JSONWriter.compact) ?? "(not set)"
            return old == new ? "\(key): \(new) (unchanged)" : "\(key): \(old) → \(new)"
        }
    }

    /// The history's record of the push: each key's instance value and the file's; the
    /// secret only as changed.
    public var changes: [Change] {
        let secrets = Secret.values(in: settings)
        return keys.map { key in
            Change(
                path: DottedKey.names(of: key), old: PushPlan.remoteValue(remote, key), new: settings.value(key), secrets: secrets)
        }
    }

    /// Records the push, once written, in `path`'s history: what was pushed (the secret
    /// only as changed) and where (`remote`), the plan's secrets and the Platform API key
    /// masked (no default: no caller can leave the key out by forgetting it).
    public func recordHistory(in path: String, key: PlatformKey?) throws(FileError) {
        let more = key.map { [$0.textToHide] } ?? []
        try SettingsStore.recordHistory(
            path, via: "push", changes: changes, secrets: Secret.values(in: settings) + more, extra: [("remote", .string(target.description))])
    }

    /// The body of the PATCH: `{"connection_oauth_atlassian": {…}}`, never a null.
    func body() -> SensitiveBytes {
        var connection = JSONObject()
        for key in keys {
            guard let remoteKey = ConnectionMapping.remote(of: key), let value = settings.value(key) else { continue }
            connection[remoteKey] = value
        }
        return SensitiveBytes(JSONWriter.compact(.object(JSONObject([(RemoteConnection.configKey, .object(connection))]))))
    }

    static func remoteValue(_ remote: RemoteConnection, _ key: String) -> JSONValue? {
        switch key {
        case "connection.enabled": return remote.enabled.map(JSONValue.bool)
        case "connection.signUpAndSignIn": return remote.authenticatable.map(JSONValue.bool)
        case "connection.clientId": return remote.clientId.map(JSONValue.string)
        default: return nil
        }
    }

    /// The keys of `keys` whose instance value differs between two readings: what
    /// someone else changed there meanwhile (the secret when it appeared or went).
    public func changedThere(since earlier: PushPlan) -> [String] {
        keys.filter { key in
            if key == Fields.secretKey { return remote.hasSecret != earlier.remote.hasSecret }
            return PushPlan.remoteValue(remote, key) != PushPlan.remoteValue(earlier.remote, key)
        }
    }
}
