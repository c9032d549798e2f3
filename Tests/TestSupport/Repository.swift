import Foundation

/// Files of this repository, for tests that read the example settings files and other
/// data the binary does not embed.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The text of a file under the repository, e.g. "Resources/examples/acme-prod.json".
    public static func text(_ relative: String) -> String {
        guard let text = try? String(contentsOfFile: path(relative), encoding: .utf8) else {
            fatalError("cannot read \(relative) under \(root.path)")
        }
        return text
    }

    /// The example settings files under Resources/examples/, by name without ".json".
    public static var examples: [String: String] {
        let folder = path("Resources/examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Dictionary(
            uniqueKeysWithValues: names.filter { $0.hasSuffix(".json") }.map {
                (String($0.dropLast(5)), text("Resources/examples/" + $0))
            })
    }
}
