/// The value of every known key in one document (`KnownKeys`), found in one walk over
/// it: the load's type check and the rules read these some seventy times per file, and
/// looking each up from the top was a sixth of `audit`'s time.
struct KnownValues {
    private var values: [JSONValue?]

    init(_ root: JSONObject) {
        values = [JSONValue?](repeating: nil, count: KnownKeys.entries.count)
        collect(root, node: 0)
    }

    private mutating func collect(_ object: JSONObject, node: Int) {
        let known = KnownKeys.tree[node]
        for i in 0..<object.count {
            // Keys are unique in an object, so each entry is set at most once.
            guard let k = known.index(of: object.keys[i]) else { continue }
            let value = object.values[i]
            if let entry = known.entries[k] { values[entry] = value }
            if let child = known.children[k], case .object(let inner) = value { collect(inner, node: child) }
        }
    }

    /// The value of `Fields.all[field]`.
    subscript(field field: Int) -> JSONValue? { values[field] }

    /// The value of `Fields.containers[container]`.
    subscript(container container: Int) -> JSONValue? { values[KnownKeys.fieldCount + container] }
}
