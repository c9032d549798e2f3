/// A three-way merge of settings, for a save that finds the file changed on disk since it
/// was loaded. Keys changed only on disk keep the disk's value, keys changed only here
/// take ours, keys changed on both sides to the same value are no conflict; only keys
/// changed on both sides to different values are conflicts, and those are decided by
/// `choices` or reported. So a save never reverts a key this process did not change.
///
/// Keys are leaves as `diff` and the history see them (lists are one value), and every
/// comparison is byte for byte (`JSONValue`'s `==`): two spellings of "é" are two values.
public enum SettingsMerge {
    public struct Result: Equatable, Sendable {
        /// The disk's settings with our changes and the chosen sides applied: unknown keys
        /// and key order are the disk's.
        public let merged: Settings
        /// Conflicts `choices` did not decide; when not empty, `merged` must not be saved.
        public let conflicts: [MergeConflict]
        /// Keys someone else changed on disk that the merge kept (for "merged N changes").
        public let keptFromDisk: [String]
    }

    /// Built on the one diff (`SettingsDiff.compare`): what we changed since `base`
    /// against what they changed, key by key, byte for byte.
    public static func merge(base: Settings, theirs: Settings, yours: Settings, choices: MergeChoices = .none) -> Result {
        let secrets = Secret.values(in: base, theirs, yours)
        let ours = SettingsDiff.compare(base, yours), others = SettingsDiff.compare(base, theirs)
        var theirChange: [[UInt8]: Change] = [:]
        for change in others { theirChange[LeafMap.id(change.path)] = change }
        var ourKeys = Set<[UInt8]>()
        var merged = theirs
        var conflicts: [MergeConflict] = []
        var kept: [String] = []
        for change in ours {
            let id = LeafMap.id(change.path)
            ourKeys.insert(id)
            guard let their = theirChange[id], their.new != change.new else {
                merged.setValue(change.new, at: change.path)
                continue
            }
            // Secret when any of the three values, or the key, is (`Secret` decides).
            let isSecret =
                change.isSecret || their.isSecret
                || Change(path: change.path, old: their.new, new: change.new, secrets: secrets).isSecret
                || Change(path: change.path, old: change.old, new: nil, secrets: secrets).isSecret
            let conflict = MergeConflict(path: change.path, base: change.old, theirs: their.new, yours: change.new, isSecret: isSecret)
            switch choices.choice(for: change.path) {
            case .yours?: merged.setValue(change.new, at: change.path)
            case .theirs?: kept.append(conflict.key)
            case nil: conflicts.append(conflict)
            }
        }
        for change in others where !ourKeys.contains(LeafMap.id(change.path)) { kept.append(change.key) }
        return Result(merged: merged, conflicts: conflicts, keptFromDisk: kept)
    }

}
