import Foundation

/// The `social-console` that `swift test` built, found next to the test bundle in
/// .build/<config>/ (on some platforms the runner sits inside the .xctest bundle).
public enum BuiltBinary {
    public static let path: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("social-console").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("social-console").path
    }()
}
