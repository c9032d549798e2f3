import TestSupport
import Testing
import Synchronization
#if canImport(Glibc)
import Glibc
#endif
@testable import SettingsKit

/// Every rule's trigger and near miss (RuleTests' cases) as files on disk, each in a
/// production and a development file, judged as a fleet by the parallel audit: no near miss
/// brings its rule's code in either environment, and every trigger does (a development
/// Frontend API host is only wrong in a production file).
@Suite struct NearMissFleetTests {
    static let productionOnly: Set<String> = ["instance/redirect-uri-development-host"]

    @Test func noNearMissIsReportedInEitherEnvironment() throws {
        let dir = TemporaryFolder.make()
        defer { TemporaryFolder.remove(dir) }
        var expected: [String: (code: String, reported: Bool)] = [:]
        for (i, rule) in ruleCases.enumerated() {
            for environment in Fields.environments {
                for (kind, change, mode) in [("trigger", rule.trigger, rule.mode), ("near-miss", rule.nearMiss, rule.nearMissMode)] {
                    let s = Fixtures.ready {
                        $0.setText("instance.environment", environment)
                        change(&$0)
                    }
                    let path = dir + "/\(i)-\(kind)-\(environment).json"
                    Fixtures.write(String(decoding: SettingsStore.encode(s), as: UTF8.self), to: path, mode: mode_t(mode ?? 0o600))
                    let reported = kind == "trigger" && (environment == "production" || !Self.productionOnly.contains(rule.code))
                    expected[path] = (rule.code, reported)
                }
            }
        }
        let judged = Mutex<[String: [String]]>([:])
        _ = ParallelAudit.run(
            [dir], workers: 3, order: .asJudged,
            render: { entry in
                guard case .report(let path, let report) = entry else { return entry.path + "\tfile error" }
                return ([path] + report.findings.map(\.code)).joined(separator: "\t")
            },
            emit: { line in
                let parts = line.split(separator: "\t").map(String.init)
                judged.withLock { $0[parts[0]] = Array(parts.dropFirst()) }
            })
        let codes = judged.withLock { $0 }
        #expect(codes.count == expected.count, "every file judged, none an error")
        for (path, want) in expected {
            let found = try #require(codes[path], "\(path)")
            #expect(!found.contains("file error"), "\(path)")
            #expect(found.contains(want.code) == want.reported, "\(path): \(want.code) in \(found)")
        }
    }
}
