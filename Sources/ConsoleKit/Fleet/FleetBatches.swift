import SettingsKit

/// Rows on their way from the audit's threads to the list: the first at once (the list
/// shows a file as soon as one is judged), then together, at most every `interval`, so
/// that 100,000 files are a few hundred events and not 100,000.
struct FleetBatches {
    let interval: Duration
    /// A batch this big goes at once, whatever the time.
    let limit: Int
    private var rows: [FleetRow] = []
    private var last: MonotonicInstant?

    init(interval: Duration, limit: Int = 20_000) {
        self.interval = interval
        self.limit = limit
    }

    /// Adds a row; returns the batch that is due, if one is.
    mutating func add(_ row: FleetRow, now: MonotonicInstant) -> [FleetRow]? {
        rows.append(row)
        guard last.map({ now - $0 >= interval }) ?? true || rows.count >= limit else { return nil }
        last = now
        return flush()
    }

    /// What is left, when the files run out.
    mutating func flush() -> [FleetRow]? {
        guard !rows.isEmpty else { return nil }
        defer { rows = [] }
        return rows
    }
}
