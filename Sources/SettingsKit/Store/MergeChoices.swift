/// Which side wins a conflict.
public enum MergeChoice: Equatable, Sendable {
    case theirs, yours
}

/// The answers to a merge's conflicts, by key or one answer for all of them.
public struct MergeChoices: Equatable, Sendable {
    public var forAll: MergeChoice?
    private var byKey: [(path: [String], choice: MergeChoice)] = []

    public init(forAll: MergeChoice? = nil) { self.forAll = forAll }

    /// No answer yet: every conflict is reported, nothing is chosen.
    public static let none = MergeChoices()

    public mutating func choose(_ choice: MergeChoice, for conflict: MergeConflict) {
        byKey.removeAll { SettingsDiff.samePath($0.path, conflict.path) }
        byKey.append((conflict.path, choice))
    }

    public func choice(for path: [String]) -> MergeChoice? {
        byKey.first { SettingsDiff.samePath($0.path, path) }?.choice ?? forAll
    }

    public static func == (a: MergeChoices, b: MergeChoices) -> Bool {
        a.forAll == b.forAll && a.byKey.count == b.byKey.count
            && zip(a.byKey, b.byKey).allSatisfy { SettingsDiff.samePath($0.path, $1.path) && $0.choice == $1.choice }
    }
}
