import Foundation
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet's real job (`FleetJobs`: walk, parallel audit, inotify or the poll) on a real
/// folder, its events taken as the session takes them and given to a fleet list.
final class FleetWatchRun {
    let jobs: Jobs
    let id = Job.ID(1)
    private(set) var state: FleetState
    /// Every event, in order.
    private(set) var events: [FleetEvent] = []

    /// Quick to notice, for tests.
    static let quick = FleetWatcher.Timing(
        batch: .milliseconds(10), quiet: .milliseconds(20), poll: .milliseconds(200), writingIdle: .milliseconds(600), inotify: true,
        now: { MonotonicInstant.now })

    /// `quick`, watching with inotify or by polling.
    static func quick(inotify: Bool) -> FleetWatcher.Timing {
        var timing = quick
        timing.inotify = inotify
        return timing
    }

    init(_ folder: String, timing: FleetWatcher.Timing = quick, work: (any JobWork)? = nil) {
        jobs = Jobs(performer: FleetJobs(timing: timing))
        state = FleetState(folder: folder, readOnly: false)
        _ = state.handle(.resized(width: 100, height: 30))
        jobs.start(Job(id: id, work: work ?? FleetWatch(folder: folder)))
    }

    deinit { stop() }

    func stop() {
        jobs.cancel(id)
        for _ in 0..<400 where jobs.isBusy { usleep(5_000) }
    }

    /// Takes what the job posted, until `condition` holds (true) or `timeout` seconds pass (false).
    @discardableResult
    func wait(timeout: Double = 10, until condition: (FleetState) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            take()
            if condition(state) { return true }
            if Date() > deadline { return false }
            usleep(5_000)
        }
    }

    /// What came in since the last call.
    @discardableResult
    func take() -> [FleetEvent] {
        var news: [FleetEvent] = []
        for event in jobs.takeEvents() {
            if case .fleet(let n) = event { news.append(n) }
            _ = state.handle(event)
        }
        events += news
        return news
    }

    /// Waits `seconds`, taking what comes; returns it.
    func collect(for seconds: Double) -> [FleetEvent] {
        var out: [FleetEvent] = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            out += take()
            usleep(10_000)
        }
        return out
    }

    /// The paths the judged events of `news` name, in order.
    static func judgedPaths(_ news: [FleetEvent]) -> [String] {
        news.flatMap { event -> [String] in
            if case .judged(let rows) = event { return rows.map(\.path) }
            return []
        }
    }

    var loaded: Bool { state.loaded }
}
