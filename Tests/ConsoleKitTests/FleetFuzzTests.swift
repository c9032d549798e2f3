import Foundation
import TestSupport
import Testing
@testable import ConsoleKit
@testable import SettingsKit

/// The fleet list's reducer and renderer under seeded random keys, clicks, resizes and the
/// job's news (rows judged again, removed, new), a file opened and left now and then: no
/// crash, and the cursor, the view and the panel always point where they may. A second or
/// so, scaled with `SOCIAL_CONSOLE_KEY_FUZZ_SECONDS` like the console's key fuzzer.
@Suite struct FleetFuzzTests {
    static let seconds = (ProcessInfo.processInfo.environment["SOCIAL_CONSOLE_KEY_FUZZ_SECONDS"].flatMap(Double.init) ?? 10) / 8

    static let keys: [Key] = [
        .up, .down, .pageUp, .pageDown, .home, .end, .tab, .backTab, .enter, .escape, .char("/"), .char("s"), .char("?"),
        .char("q"), .char("a"), .char("e"), .char("-"), .char(" "), .backspace, .ctrl("u"), .ctrl("w"), .left, .right, .function(1),
        .ctrl("q"), .ctrl("n"), .ctrl("p"), .paste("prod read\n"), .char("日"),
    ]

    @Test func randomInputNeverBreaksTheList() {
        var random = SplitMix64(seed: 0x466C_6565_74)
        var state = FleetFixture.state()
        let deadline = ContinuousClock.now + .seconds(Self.seconds)
        var steps = 0
        while ContinuousClock.now < deadline && steps < 200_000 {
            steps += 1
            let roll = Int.random(in: 0..<100, using: &random)
            var effect: Effect?
            switch roll {
            case 0..<70:
                effect = state.handle(.key(Self.keys.randomElement(using: &random)!))
            case 70..<75:
                effect = state.handle(.resized(width: Int.random(in: 0...140, using: &random), height: Int.random(in: 0...45, using: &random)))
            case 75..<82:
                let target: Target =
                    Bool.random(using: &random)
                    ? .fleet(.row(Int.random(in: -2...30, using: &random))) : .fleet(.code(Int.random(in: -2...20, using: &random)))
                effect = state.handle(.clicked(target))
            case 82..<85:
                effect = state.handle(.scrolled(Bool.random(using: &random) ? 1 : -1))
            case 85..<93:
                let base = FleetFixture.rows.randomElement(using: &random)!
                let path = Bool.random(using: &random) ? base.path : "new/\(Int.random(in: 0..<50, using: &random)).json"
                let row = FleetRow(
                    path: path, environment: ["production", "development", "", "staging"].randomElement(using: &random)!,
                    ready: Bool.random(using: &random), isError: Int.random(in: 0..<6, using: &random) == 0,
                    blockers: Int.random(in: 0...4, using: &random), first: FleetCodes.all.randomElement(using: &random),
                    codes: Array(FleetCodes.all.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random))))
                effect = state.handle(.fleet(.judged([row])))
            default:
                let victim = state.list.rows.randomElement(using: &random)?.path ?? "none.json"
                effect = state.handle(.fleet(.removed([victim])))
            }
            // Opening: answered as the runner would, with a file in memory.
            if case .openFile(let path, let readOnly)? = effect {
                let session = EditSession(path: path, readOnly: readOnly, base: .fake(Fixture.settings(Fixture.halfDone), path: path))
                _ = state.handle(.opened(path: path, .success(EditSession.Opened(session: session, notice: nil))))
            }
            check(state)
            if steps % 7 == 0 { _ = state.render() }
        }
        #expect(steps > 100)
    }

    func check(_ state: FleetState) {
        let list = state.list
        let inRange = list.shown.isEmpty ? list.cursor == 0 : list.shown.indices.contains(list.cursor)
        #expect(inRange, "cursor \(list.cursor) of \(list.shown.count)")
        #expect(list.top >= 0 && list.top <= list.cursor && (list.shown.isEmpty || list.cursor < list.top + list.viewport))
        #expect(state.codes.isEmpty ? state.codeCursor == 0 : state.codes.indices.contains(state.codeCursor))
        #expect(list.counts.files == list.rows.count && Set(list.sorted).count == list.rows.count)
        #expect(list.shown.allSatisfy { list.query.matches(list.rows[Int($0)]) })
    }
}
