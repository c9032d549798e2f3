/// The console's keys for what documents them outside the console (the man page): the key
/// table's rows under their contexts' headings, in F1's order, read from `KeyTable`.
public enum KeyReference {
    public struct Row: Equatable, Sendable {
        /// The keys as F1 names them ("Tab, Down").
        public let keys: String
        public let action: String
    }

    public struct Section: Equatable, Sendable {
        public let heading: String
        public let rows: [Row]
    }

    public static var sections: [Section] {
        KeyBinding.Context.allCases.compactMap { context in
            let rows = KeyTable.bindings(in: context)
            return rows.isEmpty ? nil : Section(heading: context.heading, rows: rows.map { Row(keys: $0.names, action: $0.help) })
        }
    }
}
