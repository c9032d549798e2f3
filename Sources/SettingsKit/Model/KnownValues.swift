/// The value of every known key in one document (`KnownKeys`), found in one walk over it.
struct KnownValues: Sendable {
    private var values: [JSONValue?]

    init(_ root: JSONObject) {
        values = [JSONValue?](repeating: nil, count: KnownKeys.entries.count)
        KnownKeys.tree.withUnsafeBufferPointer { collect(root, node: 0, in: $0) }
    }

    private mutating func collect(_ object: JSONObject, node: Int, in tree: UnsafeBufferPointer<KnownKeys.Node>) {
        for i in 0..<object.count {
            // Keys are unique in an object, so each entry is set at most once.
            guard let k = tree[node].index(of: object.keys[i]) else { continue }
            let value = object.values[i]
            if let entry = tree[node].entries[k] { values[entry] = value }
            if let child = tree[node].children[k], case .object(let inner) = value { collect(inner, node: child, in: tree) }
        }
    }

    /// How many known keys the document has.
    var count: Int { values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

    /// The value of `KnownKeys.entries[entry]`.
    subscript(entry entry: Int) -> JSONValue? { values[entry] }

    /// The value of `Fields.all[field]`.
    subscript(field field: Int) -> JSONValue? { values[field] }

    /// The value of `Fields.containers[container]`.
    subscript(container container: Int) -> JSONValue? { values[KnownKeys.fieldCount + container] }
}
