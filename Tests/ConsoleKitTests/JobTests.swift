import Foundation
import Synchronization
import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// Work that takes long runs off the input thread: the effect runner starts it and goes
/// on at once, what it finds comes back as events the loop takes between reads, and a
/// cancelled job delivers nothing more.
@Suite struct JobTests {
    /// A fake slow effect: waits `milliseconds` (looking for cancellation every 5 ms), then
    /// posts `then`.
    struct Wait: JobWork, Equatable {
        let milliseconds: Int
        let then: Event
    }

    struct SlowPerformer: JobPerformer {
        func perform(_ job: Job, _ context: JobContext) {
            guard let wait = job.work as? Wait else { return }
            for _ in 0..<(wait.milliseconds / 5) {
                if context.isCancelled { return }
                usleep(5_000)
            }
            context.post(wait.then)
        }
    }

    static func waitUntilIdle(_ jobs: Jobs) {
        for _ in 0..<400 where jobs.isBusy { usleep(5_000) }
    }

    /// Held until the test lets it go: the runner's return while it is held is what shows
    /// the runner did not wait (a time limit would fail on a busy machine).
    struct Held: JobWork, Equatable {}

    final class HeldPerformer: JobPerformer {
        let released = Mutex(false)
        func perform(_ job: Job, _ context: JobContext) {
            // Never forever: a runner that waited for the job would get `.scrolled(-1)`.
            for _ in 0..<2_000 where !released.withLock({ $0 }) { usleep(5_000) }
            context.post(released.withLock { $0 } ? .scrolled(1) : .scrolled(-1))
        }
    }

    @Test func aSlowJobRunsOffTheInputThreadAndItsResultComesBackAsAnEvent() {
        let performer = HeldPerformer()
        let runner = EffectRunner(files: StoreFiles(via: "test"), jobs: Jobs(performer: performer))
        #expect(runner.run(.start(Job(id: .init(1), work: Held()))) == .done)
        #expect(runner.jobs.isBusy && runner.jobs.takeEvents().isEmpty, "the runner went on while the job is held")
        performer.released.withLock { $0 = true }
        Self.waitUntilIdle(runner.jobs)
        #expect(runner.jobs.takeEvents() == [.scrolled(1)])
        #expect(runner.jobs.takeEvents().isEmpty, "each event is delivered once")
    }

    @Test func aCancelledJobIsToldAndDeliversNothing() {
        let runner = EffectRunner(files: StoreFiles(via: "test"), jobs: Jobs(performer: SlowPerformer()))
        let id = Job.ID(7)
        _ = runner.run(.start(Job(id: id, work: Wait(milliseconds: 2_000, then: .scrolled(1)))))
        #expect(runner.run(.cancel(id)) == .done)
        Self.waitUntilIdle(runner.jobs)
        #expect(!runner.jobs.isBusy, "the job saw the cancellation and stopped")
        #expect(runner.jobs.takeEvents().isEmpty)
    }

    /// Work that stops its own way (a live check's requests) hears of the cancellation.
    @Test func aCancelledJobsOwnCancellationIsCalled() {
        struct Blocking: JobWork, Equatable {}
        struct BlockingPerformer: JobPerformer {
            func perform(_ job: Job, _ context: JobContext) {
                let stopped = Mutex(false)
                context.onCancel { stopped.withLock { $0 = true } }
                for _ in 0..<400 where !stopped.withLock({ $0 }) { usleep(5_000) }
                context.post(.scrolled(1))
            }
        }
        let jobs = Jobs(performer: BlockingPerformer())
        let runner = EffectRunner(files: StoreFiles(via: "test"), jobs: jobs)
        _ = runner.run(.start(Job(id: .init(9), work: Blocking())))
        usleep(20_000)
        _ = runner.run(.cancel(.init(9)))
        Self.waitUntilIdle(jobs)
        #expect(!jobs.isBusy, "the work stopped when told")
        #expect(jobs.takeEvents().isEmpty)
    }

    /// Several effects from one event: done in order, each one's result given to the
    /// session before the next is done (leaving a file from the fleet list: stop its live
    /// check, judge it again).
    @Test func severalEffectsAreDoneInOrderAndEachResultIsGivenBack() {
        struct Recorder: EventHandling {
            var events: [Event] = []
            mutating func handle(_ event: Event) -> Effect? {
                events.append(event)
                return nil
            }
        }
        let folder = TemporaryFolder("all-effects")
        let runner = EffectRunner(files: StoreFiles(via: "test"), jobs: Jobs(performer: SlowPerformer()))
        let id = Job.ID(11)
        _ = runner.run(.start(Job(id: id, work: Wait(milliseconds: 2_000, then: .scrolled(1)))))
        var session = Recorder()
        var seen: [Effect] = []
        let missing = folder.file("gone.json")
        let code = runner.perform(
            .all([.cancel(id), .discardRecovery(path: missing), .start(Job(id: .init(12), work: Wait(milliseconds: 5, then: .scrolled(2))))]),
            for: &session, seeing: { seen.append($0) })
        #expect(code == nil)
        #expect(seen.count == 3 && seen.first == .cancel(id), "each effect, in order: \(seen)")
        #expect(session.events.count == 1, "the result of the one that has one: \(session.events)")
        Self.waitUntilIdle(runner.jobs)
        #expect(runner.jobs.takeEvents() == [.scrolled(2)], "the first job was stopped before it answered; the second ran")
        #expect(runner.perform(.all([.quit(3), .redraw]), for: &session) == 3, "an end ends it there")
    }

    @Test func jobsAreComparedByIdAndWork() {
        let a = Job(id: .init(1), work: Wait(milliseconds: 5, then: .scrolled(1)))
        #expect(a == Job(id: .init(1), work: Wait(milliseconds: 5, then: .scrolled(1))))
        #expect(a != Job(id: .init(2), work: Wait(milliseconds: 5, then: .scrolled(1))))
        #expect(a != Job(id: .init(1), work: Wait(milliseconds: 6, then: .scrolled(1))))
    }

    /// The console keeps reading keys while a job runs; its result arrives between reads
    /// like any event and takes the real path (here a click on the App step).
    @Test func theConsoleTypesOnWhileAJobRunsAndThenTakesItsEvent() throws {
        let folder = TemporaryFolder("jobs")
        let path = folder.file("acme.json")
        try SettingsStore.create(Fixture.settings(Fixture.halfDone), at: path, via: "test")
        let jobs = Jobs(performer: SlowPerformer())
        let files = StoreFiles(via: "console")
        let opened = try EditSession.open(path, readOnly: false, files: files).get()
        let job = Job(id: .init(3), work: Wait(milliseconds: 150, then: .clicked(.screen(.step(.app)))))
        var script: [FakeTerminal.Step] = [.run { _ = EffectRunner(files: files, jobs: jobs).run(.start(job)) }]
        script += FakeTerminal.typing("-typed") + Array(repeating: .tick, count: 3)
        script += Array(repeating: .run { usleep(10_000) }, count: 40).flatMap { [$0, .tick] }
        let terminal = FakeTerminal(script)
        var session = ConsoleSession(
            state: ConsoleState(opened.session), backend: terminal, files: files, jobs: jobs, diskCheckInterval: .seconds(60))
        _ = session.run()
        let typedBeforeTheJob = terminal.frames.firstIndex { $0.text.contains("acme-staging-typed") }
        let onApp = terminal.frames.firstIndex { $0.text.contains("▸✓ App") || $0.text.contains("▸✗ App") }
        #expect(typedBeforeTheJob != nil && onApp != nil && typedBeforeTheJob! < onApp!, "keys were handled while the job ran, its event after")
        #expect(session.state.screen == .step(.app))
    }
}
