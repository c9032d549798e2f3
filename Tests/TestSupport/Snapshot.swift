import Foundation
import Testing

/// Plain-text snapshots in a Snapshots/ folder beside the test file that checks them. A
/// missing file is written and the test fails once, so a new snapshot is always looked
/// at; set UPDATE_SNAPSHOTS=1 to rewrite them all after an intended change.
public enum Snapshot {
    public static func check(
        _ text: String, named name: String, filePath: StaticString = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let folder = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Snapshots")
        let url = folder.appendingPathComponent(name + ".txt")
        let actual = text + "\n"
        let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
        guard !update, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("snapshot \(name) was recorded; check it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("snapshot \(name) differs.\nexpected:\n\(expected)\nactual:\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}
