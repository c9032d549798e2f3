/// The dotted keys this program knows: every field's (`Fields.all`, in its order) and
/// then every container's (`Fields.containers`), each split once.
///
/// A key is found by a cheap hash of its length and last bytes, then compared in full,
/// byte for byte: a Dictionary's SipHash of every key was a twentieth of `audit`'s time.
/// The same keys as a tree of names let `KnownValues` find them all in one walk over a
/// document.
enum KnownKeys {
    struct Entry {
        let key: String
        let parts: [String]
    }

    /// Fields first, so an entry's number below `fieldCount` is its place in `Fields.all`.
    static let entries: [Entry] = (Fields.all.map(\.key) + Fields.containers).map { Entry(key: $0, parts: DottedKey.names(of: $0)) }

    static let fieldCount = Fields.all.count

    /// The entry a key is, if it is a known key.
    static func entry(of key: String) -> Int? {
        var slot = hash(key)
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if entries[entry].key.isSameBytes(as: key) { return entry }
            slot = (slot + 1) % size
        }
    }

    /// The key's place in `Fields.all`, for a field's key.
    static func field(of key: String) -> Int? {
        guard let entry = entry(of: key), entry < fieldCount else { return nil }
        return entry
    }

    // MARK: The hash table

    private static let size = 128

    /// Entry numbers by slot; -1 for an empty slot.
    private static let slots: [Int] = {
        precondition(entries.count < size / 2, "KnownKeys.size is too small for the field table")
        var slots = [Int](repeating: -1, count: size)
        for (n, entry) in entries.enumerated() {
            var slot = hash(entry.key)
            while slots[slot] >= 0 { slot = (slot + 1) % size }
            slots[slot] = n
        }
        return slots
    }()

    private static func hash(_ key: String) -> Int {
        // Straight from the string's bytes where it has them (every key in this program):
        // going through UTF8View's `last` and `index(_:offsetBy:)` was 3% of `audit`.
        func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            guard let last = bytes.last else { return 0 }
            let nextToLast = bytes.count > 1 ? bytes[bytes.count - 2] : 0
            return (bytes.count &* 31 &+ Int(last) &* 7 &+ Int(nextToLast)) % size
        }
        if let direct = key.utf8.withContiguousStorageIfAvailable(hash) { return direct }
        return Array(key.utf8).withUnsafeBufferPointer(hash)
    }

    // MARK: The tree of names

    /// One object's known names: for each, the entry it ends (if any) and the node of the
    /// names below it (if any).
    struct Node {
        var names: [String] = []
        var entries: [Int?] = []
        var children: [Int?] = []

        func index(of name: String) -> Int? { names.firstIndex { $0.isSameBytes(as: name) } }
    }

    /// Node 0 is the top level.
    static let tree: [Node] = {
        var tree = [Node()]
        for (n, entry) in entries.enumerated() {
            var node = 0
            for (depth, name) in entry.parts.enumerated() {
                let i: Int
                if let found = tree[node].index(of: name) {
                    i = found
                } else {
                    tree[node].names.append(name)
                    tree[node].entries.append(nil)
                    tree[node].children.append(nil)
                    i = tree[node].names.count - 1
                }
                if depth == entry.parts.count - 1 {
                    tree[node].entries[i] = n
                } else {
                    if tree[node].children[i] == nil {
                        tree.append(Node())
                        tree[node].children[i] = tree.count - 1
                    }
                    node = tree[node].children[i]!
                }
            }
        }
        return tree
    }()
}
