import Foundation
import TestSupport
@testable import ConsoleKit
@testable import SettingsKit

/// Fleets for the fleet list's tests: rows as the audit would post them, states fed the
/// events a session gives, and folders of real files.
enum FleetFixture {
    static let folder = "/srv/fleet"

    /// A dozen files across the cases the list tells apart: ready, blocked, warned, a
    /// development file, one naming no environment, file errors.
    static let rows: [FleetRow] = [
        FleetRow(path: "eu/acme-prod.json", environment: "production", ready: true, codes: ["app/logo-missing"]),
        FleetRow(
            path: "eu/globex-prod.json", environment: "production", blockers: 3, warnings: 1, first: "permissions/read-me-missing",
            codes: ["permissions/read-me-missing", "authorization/callback-mismatch", "distribution/not-sharing", "connection/link-only"]),
        FleetRow(
            path: "eu/initech-dev.json", environment: "development", ready: true, codes: ["credentials/client-id-missing"]),
        FleetRow(
            path: "us/umbrella-prod.json", environment: "production", blockers: 1, first: "permissions/read-me-missing",
            codes: ["permissions/read-me-missing"]),
        FleetRow(path: "us/broken.json", isError: true, first: "file/invalid-json", codes: ["file/invalid-json"]),
        FleetRow(
            path: "us/hooli-prod.json", environment: "production", blockers: 2, warnings: 2, first: "distribution/not-sharing",
            codes: ["distribution/not-sharing", "distribution/vendor-missing", "permissions/unknown-scope", "connection/link-only"]),
        FleetRow(
            path: "us/stark-staging.json", environment: "staging", blockers: 1, first: "instance/environment-missing",
            codes: ["instance/environment-missing"]),
        FleetRow(path: "apac/wayne-prod.json", environment: "production", ready: true, warnings: 1, codes: ["connection/link-only"]),
        FleetRow(path: "apac/newer.json", isError: true, first: "file/unsupported-version", codes: ["file/unsupported-version"]),
        FleetRow(
            path: "apac/cyberdyne-dev.json", environment: "development", blockers: 1, first: "connection/disabled",
            codes: ["connection/disabled", "credentials/client-secret-missing"]),
    ]

    /// The list after the walk, with `rows` judged (in batches of `batch`), every file judged
    /// once when `loaded`.
    static func state(
        _ rows: [FleetRow] = rows, width: Int = 80, height: Int = 24, readOnly: Bool = false, loaded: Bool = true, batch: Int = 4
    ) -> FleetState {
        var state = FleetState(folder: folder, readOnly: readOnly)
        _ = state.handle(.resized(width: width, height: height))
        _ = state.handle(.fleet(.listed(rows.count)))
        for start in stride(from: 0, to: rows.count, by: batch) {
            _ = state.handle(.fleet(.judged(Array(rows[start..<min(rows.count, start + batch)]))))
        }
        if loaded { _ = state.handle(.fleet(.loaded)) }
        return state
    }

    /// The paths the list shows, in order.
    static func shown(_ state: FleetState) -> [String] {
        state.list.shown.indices.map { state.list.row(at: $0).path }
    }

    /// A folder of real settings files: each name with its JSON.
    static func folder(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = TemporaryFolder("fleet")
        for (name, text) in files {
            let path = folder.file(name)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            chmod(path, 0o600)
        }
        return folder
    }
}

extension FleetState {
    func rendered(width: Int? = nil, height: Int? = nil) -> String {
        var copy = self
        if let width, let height { _ = copy.handle(.resized(width: width, height: height)) }
        return copy.render().text
    }

    /// Answers the open effect as the runner would, on the real store.
    mutating func openAsTheRunnerDoes(_ effect: Effect?) -> Effect? {
        guard case .openFile(let path, let readOnly)? = effect else { return nil }
        return handle(.opened(path: path, EditSession.open(path, readOnly: readOnly, files: StoreFiles(via: "console"))))
    }
}
