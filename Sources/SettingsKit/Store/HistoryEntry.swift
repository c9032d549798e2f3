#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line of FILE.history.jsonl, as `SettingsStore` appends it on every save:
/// `{"time": …, "user": …, "via": …, "changes": [{"key": …, "old": …, "new": …}]}`, and for
/// a push also `"remote"`.
public struct HistoryEntry: Equatable, Sendable {
    public let time: String
    public let user: String
    public let via: String
    /// Where a push wrote (`"remote": "APP/INSTANCE"`); nil for saves of the file alone.
    public let remote: String?
    /// Values are nil for a secret change: whatever a line holds for it is never passed on.
    public let changes: [Change]
    /// Strings a hand-edited line holds for the secret key, so output can mask them
    /// wherever else they appear.
    public let secretValues: [String]

    /// Reads one line, or says why it is not a history entry.
    public static func parse(_ line: ArraySlice<UInt8>) -> Result<HistoryEntry, HistoryProblem> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(line))
        } catch {
            let column = TextPosition(offset: error.offset, in: Array(line)).column
            return .failure(HistoryProblem(message: "\(error.message) at column \(column)"))
        }
        guard case .object(let o) = value else { return .failure(HistoryProblem(message: "not a JSON object")) }
        guard let time = o["time"]?.stringValue, let user = o["user"]?.stringValue, let via = o["via"]?.stringValue,
            let list = o["changes"]?.arrayValue
        else {
            return .failure(HistoryProblem(message: "missing time, user, via or changes"))
        }
        var items: [Change] = []
        var secrets: [String] = []
        for change in list {
            guard let c = change.objectValue, let key = c["key"]?.stringValue else {
                return .failure(HistoryProblem(message: "a change without a key"))
            }
            // The history writes dotted keys; a line does not say where a key held a dot.
            let path = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if Secret.isSecretKey(key) || c["secret"] != nil {
                secrets += [c["old"], c["new"]].compactMap { $0?.stringValue }
                items.append(Change(path: path, old: nil, new: nil, isSecret: true))
            } else {
                items.append(Change(path: path, old: c["old"], new: c["new"], isSecret: false))
            }
        }
        return .success(
            HistoryEntry(time: time, user: user, via: via, remote: o["remote"]?.stringValue, changes: items, secretValues: secrets))
    }
}
