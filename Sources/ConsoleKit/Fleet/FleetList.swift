/// The fleet's rows and the list made of them: every row in the sort order (`sorted`), the
/// rows the filter keeps (`shown`), the totals, and the row the operator is on. Rows come
/// in batches as the audit judges them; a batch is sorted by itself and merged into the
/// order, so filling a list of 100,000 rows never sorts it whole, and a key that moves the
/// cursor touches nothing but the cursor.
struct FleetList: Equatable, Sendable {
    private(set) var rows: [FleetRow] = []
    /// Each row's place in `rows`, by path.
    private var slots: [String: Int32] = [:]
    /// The rows' paths as shown, as bytes, for sorting and filtering.
    private var paths = FleetPaths()
    /// Every row, in the sort order.
    private(set) var sorted: [Int32] = []
    /// The rows the filter keeps, in the sort order: what the list shows.
    private(set) var shown: [Int32] = []
    private(set) var sort = FleetSort.blockers
    private(set) var query = FleetQuery("")
    private(set) var counts = FleetCounts()
    /// The widest path a row has had, in columns: the path column's need.
    private(set) var widestPath = 0
    /// The file the operator moved to: the cursor stays on it as rows come, go and move.
    /// Nil until the operator moves: the cursor stays at the top while the list fills.
    private(set) var chosen: String?
    /// The cursor's place in `shown`.
    private(set) var cursor = 0
    /// The first row in view, kept so that the cursor is in view.
    private(set) var top = 0
    /// Rows the view has room for (the reducer sets it from the terminal's size).
    private(set) var viewport = 1

    /// The row under the cursor.
    var selected: FleetRow? { shown.indices.contains(cursor) ? rows[Int(shown[cursor])] : nil }

    /// The row at `position` in the list as shown.
    func row(at position: Int) -> FleetRow { rows[Int(shown[position])] }

    /// The row of the file at `path` below the folder, if the list has it.
    func row(path: String) -> FleetRow? { slots[path].map { rows[Int($0)] } }

    // MARK: Rows

    /// Room for `count` rows at once: a list that grows by doubling holds the old copy and
    /// the new while it moves, which is most of its peak at 100,000 rows.
    mutating func expect(_ count: Int) {
        rows.reserveCapacity(count)
        slots.reserveCapacity(count)
        paths.reserveCapacity(count)
    }

    /// Judged rows, new or again: each replaces the row of its path.
    mutating func apply(_ judged: [FleetRow]) {
        guard !judged.isEmpty else { return }
        var fresh: [Int32] = []
        var replaced = Set<Int32>()
        for row in judged {
            if let slot = slots[row.path] {
                counts.remove(rows[Int(slot)])
                rows[Int(slot)] = row
                paths.replace(Int(slot), with: row.shownPath)
                replaced.insert(slot)
            } else {
                let slot = Int32(rows.count)
                rows.append(row)
                paths.append(row.shownPath)
                slots[row.path] = slot
                fresh.append(slot)
            }
            counts.add(row)
            widestPath = max(widestPath, Int(row.pathWidth))
        }
        if !replaced.isEmpty {
            // Their place in the order may have changed: found again with the new ones.
            sorted.removeAll { replaced.contains($0) }
            shown.removeAll { replaced.contains($0) }
            fresh = fresh.filter { !replaced.contains($0) } + replaced
        }
        if fresh.count > sorted.count {
            rebuild()
        } else {
            inOrder(&fresh)
            sorted = merge(sorted, fresh)
            shown = merge(shown, query.isEmpty ? fresh : matching(fresh))
        }
        followChosen()
    }

    /// Files gone from the folder.
    mutating func remove(_ gonePaths: [String]) {
        let gone = Set(gonePaths.compactMap { slots[$0] })
        guard !gone.isEmpty else { return }
        var place = [Int32](repeating: -1, count: rows.count)
        var kept: [FleetRow] = []
        kept.reserveCapacity(rows.count - gone.count)
        for (i, row) in rows.enumerated() {
            if gone.contains(Int32(i)) {
                counts.remove(row)
            } else {
                place[i] = Int32(kept.count)
                kept.append(row)
            }
        }
        rows = kept
        slots = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1.path, Int32($0)) })
        paths = FleetPaths(rows.map(\.shownPath))
        sorted = sorted.compactMap { place[Int($0)] >= 0 ? place[Int($0)] : nil }
        shown = shown.compactMap { place[Int($0)] >= 0 ? place[Int($0)] : nil }
        followChosen()
    }

    // MARK: Order and filter

    mutating func setSort(_ new: FleetSort) {
        sort = new
        rebuild()
        followChosen()
    }

    mutating func setQuery(_ new: FleetQuery) {
        // Typing on narrows: only the rows still shown need a look.
        let from = query.keepsAll(of: new) ? shown : sorted
        query = new
        shown = new.isEmpty ? sorted : matching(from)
        followChosen()
    }

    // MARK: The cursor

    mutating func setViewport(_ rows: Int) {
        viewport = max(1, rows)
        keepInView()
    }

    /// Moves the cursor to `position` (a page is `viewport` rows), stopping at the ends.
    mutating func move(to position: Int) {
        guard !shown.isEmpty else { return }
        cursor = max(0, min(shown.count - 1, position))
        chosen = rows[Int(shown[cursor])].path
        keepInView()
    }

    /// After the rows or their order changed: the cursor goes back to the chosen file. One
    /// the filter hides stays chosen (the cursor is on it again once the filter lets it
    /// be); one that is gone leaves the cursor where it was, on whatever is there now.
    private mutating func followChosen() {
        if let chosen, let slot = slots[chosen], let at = shown.firstIndex(of: slot) {
            cursor = at
        } else {
            cursor = max(0, min(cursor, shown.count - 1))
            if let chosen, slots[chosen] == nil { self.chosen = selected?.path }
        }
        keepInView()
    }

    private mutating func keepInView() {
        if cursor < top { top = cursor }
        if cursor >= top + viewport { top = cursor - viewport + 1 }
        top = max(0, min(top, shown.count - viewport))
    }

    private mutating func rebuild() {
        var all = Array(0..<Int32(rows.count))
        inOrder(&all)
        sorted = all
        shown = query.isEmpty ? sorted : matching(sorted)
    }

    /// Rows are read in place here and below (`FleetSort.less`).
    private func inOrder(_ slots: inout [Int32]) {
        let order = sort
        rows.withUnsafeBufferPointer { rows in
            paths.withView { paths in
                guard let base = rows.baseAddress else { return }
                slots.sort { order.less(Int($0), Int($1), base, paths) }
            }
        }
    }

    /// Those of `slots` the filter keeps.
    private func matching(_ slots: [Int32]) -> [Int32] {
        let query = self.query
        return rows.withUnsafeBufferPointer { rows in
            paths.withView { paths in
                guard let base = rows.baseAddress else { return [] }
                return slots.filter { query.matches(base + Int($0), path: paths.path(Int($0))) }
            }
        }
    }

    /// Two lists in the sort order as one.
    private func merge(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        guard !b.isEmpty else { return a }
        guard !a.isEmpty else { return b }
        var out: [Int32] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        let order = sort
        rows.withUnsafeBufferPointer { rows in
            paths.withView { paths in
                guard let base = rows.baseAddress else { return }
                while i < a.count && j < b.count {
                    if order.less(Int(b[j]), Int(a[i]), base, paths) {
                        out.append(b[j])
                        j += 1
                    } else {
                        out.append(a[i])
                        i += 1
                    }
                }
            }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }
}
