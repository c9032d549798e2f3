import TestSupport
import Testing
import SettingsKit
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Lost updates: writers that read, change and write the same file at once. flock locks
/// belong to an open file description, so threads that each open FILE.lock exclude each
/// other just as processes do (the process version runs the real `set` in CLITests).
@Suite struct ParallelWriterTests {
    @Test func twentyWritersAppendingToOneListLoseNothing() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        let writers = 20, rounds = 5
        let failures = Failures()
        let group = DispatchGroup()
        for w in 0..<writers {
            // One thread each, not concurrentPerform: with 2 cores that would run 2 at a time.
            let thread = ThreadStarter {
                for r in 0..<rounds {
                    do {
                        try SettingsStore.update(path, via: "set") { settings in
                            let urls = settings.list("atlassianApp.callbackUrls") ?? []
                            settings.setList("atlassianApp.callbackUrls", urls + ["https://w\(w)-r\(r).example.com/v1/oauth_callback"])
                        }
                    } catch {
                        failures.add("\(error)")
                    }
                }
            }
            thread.start(in: group)
        }
        group.wait()
        #expect(failures.all.isEmpty, "\(failures.all)")
        let final = try SettingsStore.load(path).settings
        let urls = Set(final.list("atlassianApp.callbackUrls") ?? [])
        for w in 0..<writers {
            for r in 0..<rounds {
                #expect(urls.contains("https://w\(w)-r\(r).example.com/v1/oauth_callback"), "writer \(w) round \(r) was lost")
            }
        }
        #expect(urls.count == writers * rounds + 1)
        #expect(final.text(Fields.secretKey) == TestSecret.value)
        #expect(Fixtures.historyLines(path).count == writers * rounds + 1)
    }
}

extension ParallelWriterTests {
    /// A console saving its edits while a `set` changes another key of the same file: the
    /// console either saves first (and the set's re-read keeps both changes) or merges the
    /// set's change into its save; the set's change is never overwritten and no conflict
    /// is raised, as the two changed different keys.
    @Test func aConsoleSaveRacingASetNeverLosesTheSet() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        let path = dir + "/s.json"
        try SettingsStore.create(Fixtures.ready, at: path, via: "init")
        var merges = 0
        for round in 0..<40 {
            let base = try SettingsStore.load(path)
            var edited = base.settings
            edited.setText("atlassianApp.description", "console \(round)")
            let setDone = DispatchGroup()
            let setFailure = Failures()
            ThreadStarter {
                do { try SettingsStore.update(path, via: "set") { $0.setText("instance.name", "set \(round)") } } catch { setFailure.add("\(error)") }
            }.start(in: setDone)
            // Stagger the console's save so that rounds fall on both sides of the set's.
            usleep(UInt32(round % 8) * 1_000)
            var consoleSaved = false
            do {
                let outcome = try SettingsStore.save(edited, to: path, via: "console", base: base)
                consoleSaved = outcome.file != nil
                if case .saved(_, let kept) = outcome, !kept.isEmpty { merges += 1 }
                #expect(consoleSaved, "round \(round): two writers of different keys are no conflict")
            } catch {
                Issue.record("round \(round): \(error)")
            }
            setDone.wait()
            #expect(setFailure.all.isEmpty)
            let final = try SettingsStore.load(path).settings
            #expect(final.text("instance.name") == "set \(round)", "round \(round): the set's change was lost")
            #expect(
                (final.text("atlassianApp.description") == "console \(round)") == consoleSaved,
                "round \(round): the console's save is there exactly when it was reported saved")
        }
        print("console racing set: \(merges) of 40 rounds merged the set's change into the console's save")
    }
}

/// Failure messages collected from many threads.
final class Failures: Sendable {
    private let items = Mutex<[String]>([])
    func add(_ s: String) { items.withLock { $0.append(s) } }
    var all: [String] { items.withLock { $0 } }
}

/// Runs a closure on its own detached pthread and leaves the group when it ends.
final class ThreadStarter: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }

    func start(in group: DispatchGroup) {
        group.enter()
        let box = Unmanaged.passRetained(Box(body: body, group: group)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(
            &thread, nil,
            { raw in
                let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
                box.body()
                box.group.leave()
                return nil
            }, box)
        precondition(started == 0, "pthread_create failed")
        pthread_detach(thread)
    }

    final class Box {
        let body: () -> Void
        let group: DispatchGroup
        init(body: @escaping () -> Void, group: DispatchGroup) { self.body = body; self.group = group }
    }
}
