/// The key legend for whatever has focus, built from `KeyTable`: the rows of the active
/// contexts that have a bar name. When the bar is too narrow, the least important
/// entries go first: moving around before save / quit / help, and those before the keys
/// of the focused row.
enum KeyBar {
    struct Entry: Equatable, Sendable {
        let key: String
        let action: String
        /// Higher stays longer on a narrow bar.
        let priority: Int
        /// What a click on the entry presses.
        let press: Key?
        init(_ key: String, _ action: String, _ priority: Int, press: Key? = nil) {
            self.key = key; self.action = action; self.priority = priority; self.press = press
        }
        init(_ binding: KeyBinding, label: String? = nil) {
            self.init(binding.bar ?? "", label ?? binding.label, binding.priority, press: binding.keys.first)
        }
        var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(action) }
    }

    /// `focusShowsSecret`: the focused field, not the secret's, shows part of the secret
    /// masked (the renderer knows once it has drawn it).
    static func entries(for state: ConsoleState, focusShowsSecret: Bool = false) -> [Entry] {
        entries(
            in: state.keyContexts, isBound: { $0.isBound(in: state) }, shows: { shows($0, state, focusShowsSecret: focusShowsSecret) },
            label: { $0.label(in: state) })
    }

    /// The bar of keys looked up in `contexts`, most specific first (any screen's: the
    /// console's, the fleet list's): the rows bound now that have a bar name and that
    /// `shows`, each action once, each with `label`'s word (the row's own by default).
    static func entries(
        in contexts: [KeyBinding.Context], isBound: (KeyBinding) -> Bool, shows: (KeyBinding) -> Bool,
        label: (KeyBinding) -> String = \.label
    ) -> [Entry] {
        var out: [Entry] = []
        var actions: [Action] = []
        var taken: [Key] = []
        for context in contexts {
            let rows = KeyTable.bindings(in: context).filter(isBound)
            // A row whose every key an earlier context takes does nothing now.
            for binding in rows where binding.bar != nil && !actions.contains(binding.action) && context != .anywhere {
                guard !binding.keys.allSatisfy(taken.contains), shows(binding) else { continue }
                actions.append(binding.action)
                out.append(Entry(binding, label: label(binding)))
            }
            for row in rows { taken += row.keys }
        }
        return out
    }

    /// Whether a bound row's entry is on the bar now: keys that edit are not in read-only,
    /// and the row says when it is worth a place.
    static func shows(_ binding: KeyBinding, _ state: ConsoleState, focusShowsSecret: Bool) -> Bool {
        if binding.edits && state.readOnly { return false }
        // Reveal is offered where the frame shows the secret masked, which only the frame
        // knows: another field the secret was pasted into is masked and reveals the same way.
        if binding.action == .reveal { return state.focusedItem?.isSecret == true || focusShowsSecret || state.revealSecret }
        return binding.shown?(state) ?? true
    }

    /// The entries that fit in `width` columns, dropping the least important first (the
    /// last of equals first); then a dropped one that still fits comes back, the most
    /// important first, so a long entry's going leaves room for a short one after it.
    static func fitting(_ entries: [Entry], width: Int) -> [Entry] {
        var kept = Array(entries.indices)
        func total(_ list: [Int]) -> Int { list.reduce(0) { $0 + entries[$1].width } + max(0, list.count - 1) * 2 }
        var dropped: [Int] = []
        while total(kept) > width, let lowest = kept.map({ entries[$0].priority }).min(),
            let i = kept.lastIndex(where: { entries[$0].priority == lowest })
        {
            dropped.append(kept.remove(at: i))
        }
        for i in dropped.sorted(by: { (entries[$1].priority, $0) < (entries[$0].priority, $1) }) {
            let with = (kept + [i]).sorted()
            if total(with) <= width { kept = with }
        }
        return kept.map { entries[$0] }
    }

    static func draw(_ entries: [Entry], into buffer: inout CellBuffer, row: Int) {
        buffer.fill(x: 0, y: row, width: buffer.width, height: 1, style: .keyBar)
        var x = 0
        for entry in fitting(entries, width: buffer.width) {
            let start = x
            x = buffer.put(entry.key, x: x, y: row, style: .keyName)
            x = buffer.put(" " + entry.action, x: x, y: row, style: .keyBar)
            if let press = entry.press { buffer.mark(Rect(x: start, y: row, width: x - start, height: 1), .key(press)) }
            x += 2
        }
    }
}
