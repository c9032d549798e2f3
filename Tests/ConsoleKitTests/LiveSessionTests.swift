import Foundation
import TestSupport
import Testing
@testable import ConsoleKit
@testable import LiveKit
@testable import SettingsKit

/// Review's live actions in a whole session on the fake terminal: the real run loop, the
/// real jobs and `LivePerformer`, with the network stood in for by a closure. The work
/// runs off the input thread (keys, resizes and Ctrl-Z go on, the spinner turns), Esc
/// reaches the requests' `Cancellation`, and a push's history line goes through the store.
@Suite struct LiveSessionTests {
    let folder = TemporaryFolder("live-session")
    var path: String { folder.file("acme.json") }
    static let key = try! PlatformKey.make(LiveActionTests.key, from: "test").get()

    /// What the stand-in network was asked, and whether a cancellation reached it.
    final class Network: @unchecked Sendable {
        let asked = Locked<[(task: LiveTask, key: PlatformKey?)]>([])
        let cancelled = Locked(false)
        let delay: Duration
        let answer: @Sendable (LiveTask) -> LiveResult

        init(delay: Duration, answer: @escaping @Sendable (LiveTask) -> LiveResult) {
            self.delay = delay
            self.answer = answer
        }

        /// Takes `delay`, or less when cancelled, as a request would.
        func run(_ task: LiveTask, _ environment: LiveEnvironment, _ cancel: Cancellation) -> LiveResult {
            asked.with { $0.append((task, environment.key)) }
            let end = ContinuousClock.now + delay
            while ContinuousClock.now < end {
                if cancel.isCancelled {
                    cancelled.with { $0 = true }
                    return .failed(.cancelled())
                }
                usleep(2_000)
            }
            return answer(task)
        }
    }

    func session(_ script: [FakeTerminal.Step], network: Network) throws -> (ConsoleSession<ConsoleState, FakeTerminal, StoreFiles>, FakeTerminal) {
        try SettingsStore.create(Fixture.settings(LiveActionTests.withClerk), at: path, via: "test")
        let files = StoreFiles(via: "console")
        let opened = try EditSession.open(path, readOnly: false, files: files).get()
        let performer = LivePerformer(environment: LiveEnvironment(), tickMilliseconds: 10) { network.run($0, $1, $2) }
        let terminal = FakeTerminal(script)
        let session = ConsoleSession(
            state: ConsoleState(opened.session, platformKey: Self.key), backend: terminal, files: files,
            jobs: Jobs(performer: performer), diskCheckInterval: .seconds(60))
        return (session, terminal)
    }

    /// Turns of the loop that give the job's threads time: `count` times 10 ms.
    static func waiting(_ count: Int) -> [FakeTerminal.Step] {
        Array(repeating: [FakeTerminal.Step.run { usleep(10_000) }, .tick], count: count).flatMap { $0 }
    }

    static var toReview: [FakeTerminal.Step] { Array(repeating: .key(.pageDown), count: 6) }

    @Test func aTestRunsOffTheInputThreadWhileKeysResizesAndCtrlZGoOn() throws {
        let network = Network(delay: .milliseconds(300)) { _ in
            .verified(LiveActionTests.verdict([LiveFindings.finding("live/credentials-accepted")]))
        }
        var script = Self.toReview + [.key(.char("t"))] + Self.waiting(5)
        script += [.key(.pageUp)] + Self.waiting(2) + [.resize(width: 90, height: 28)] + Self.waiting(2)
        script += [.key(.ctrl("z"))] + Self.waiting(2) + [.key(.pageDown)] + Self.waiting(60)
        var (session, terminal) = try session(script, network: network)
        _ = session.run()

        let asked = network.asked.with { $0 }
        #expect(asked.count == 1 && asked.first?.task == .verify(session.state.settings) && asked.first?.key == Self.key)
        let texts = terminal.frames.map(\.text)
        let spinning = Set(texts.compactMap { text in LiveView.spinner.first { text.contains("\($0) Testing with Clerk and Atlassian…") } })
        #expect(spinning.count >= 3, "the spinner turned: \(spinning)")
        let result = try #require(texts.firstIndex { $0.contains("Live check at") })
        let typedMeanwhile = texts.firstIndex { $0.contains("▸✓ Distribution") && $0.contains("testing") }
        let resizedMeanwhile = terminal.frames.firstIndex { $0.width == 90 && $0.text.contains("testing") }
        #expect(typedMeanwhile.map { $0 < result } == true, "keys were handled while the test ran")
        #expect(resizedMeanwhile.map { $0 < result } == true, "a resize was drawn while the test ran")
        #expect(terminal.suspends == 1, "Ctrl-Z suspended during it")
        #expect(terminal.screen.contains("(live 10:04:05 UTC): Atlassian accepted"))
        #expect(!texts.contains { TestSecret.isIn(Array($0.utf8)) || $0.contains(LiveActionTests.key) })
    }

    @Test func escStopsTheTestsRequests() throws {
        let network = Network(delay: .seconds(5)) { _ in .verified(LiveActionTests.verdict([])) }
        let script = Self.toReview + [.key(.char("t"))] + Self.waiting(3) + [.key(.escape)] + Self.waiting(20)
        let began = ContinuousClock.now
        var (session, terminal) = try session(script, network: network)
        _ = session.run()
        #expect(ContinuousClock.now - began < .seconds(3), "the session did not wait for the request")
        #expect(network.cancelled.with { $0 }, "Esc reached the request's Cancellation")
        #expect(terminal.screen.contains("Stopped the test with Clerk and Atlassian"))
        #expect(!terminal.screen.contains("Live check at") && session.state.live.running == nil)
    }

    /// Clerk as a push meets it: the dry run plans to enable the connection, the write applies it.
    static func pushNetwork(delay: Duration) -> Network {
        Network(delay: delay) { task in
            switch task {
            case .pushPreview(let settings):
                return .pushPlanned(LiveActionTests.plan(settings, remote: RemoteConnection(enabled: false, hasSecret: true)))
            case .pushApply(let plan):
                return .pushed(plan, .applied(version: "v1_2"))
            default:
                return .failed(LiveError("test/unexpected", "not asked for"))
            }
        }
    }

    @Test func aPushIsDryRunThenWrittenOnYAndRecordedInTheHistory() throws {
        let network = Self.pushNetwork(delay: .milliseconds(30))
        let script = Self.toReview + [.key(.char("p"))] + Self.waiting(15) + [.key(.char("y"))] + Self.waiting(25)
        var (session, terminal) = try session(script, network: network)
        _ = session.run()
        let asked = network.asked.with { $0 }
        #expect(asked.count == 2 && asked.allSatisfy { $0.key == Self.key })
        #expect(terminal.frames.contains { $0.text.contains("• connection.enabled: false → true") })
        #expect(terminal.screen.contains("Pushed to app_2StandIn/production (config version v1_2)"))
        let history = try String(contentsOfFile: path + ".history.jsonl", encoding: .utf8)
        let last = try #require(history.split(separator: "\n").last)
        #expect(last.contains("\"via\": \"push\"") && last.contains("\"remote\": \"app_2StandIn/production\""), "\(last)")
        #expect(last.contains("{\"key\": \"connection.clientSecret\", \"secret\": \"changed\"}"))
        #expect(!TestSecret.isIn(Array(history.utf8)) && !history.contains(LiveActionTests.key))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(LiveActionTests.key) == false)
    }

    /// A "y" typed while the dry run was still on its way is not taken for the answer to a
    /// dialog the operator had not seen: keys waiting when a job opens a dialog are dropped.
    @Test func aYTypedAheadOfThePushDialogDoesNotConfirmIt() throws {
        let network = Self.pushNetwork(delay: .milliseconds(20))
        // The dry run ends while the loop waits for a key; the "y" is waiting when its result comes.
        var script = Self.toReview + [.key(.char("p")), .run { usleep(200_000) }, .tick, .key(.char("y"))] + Self.waiting(5)
        script += [.key(.char("y"))] + Self.waiting(25)
        var (session, terminal) = try session(script, network: network)
        _ = session.run()
        let asked = network.asked.with { $0.map(\.task) }
        #expect(asked.count == 2, "the typed-ahead y was dropped, the second one pushed: \(asked)")
        let shown = terminal.frames.firstIndex { $0.text.contains("• connection.enabled: false → true") }
        let pushed = terminal.frames.firstIndex { $0.text.contains("Pushed to") }
        #expect(shown != nil && pushed != nil && shown! < pushed!)
    }
}
