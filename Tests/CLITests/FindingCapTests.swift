import TestSupport
import Foundation
import Testing

/// One rule lists at most `Readiness.findingsPerRule` findings per file and says how many
/// it left out: 400,000 unknown scopes made 106 MB of JSON and 346 MB of memory.
@Suite struct FindingCapTests {
    @Test func repeatedFindingsAreCappedAndCounted() throws {
        let ws = try Workspace()
        var text = try String(contentsOf: Workspace.repository.appendingPathComponent("Resources/examples/acme-prod.json"), encoding: .utf8)
        let scopes = (0..<400_000).map { "\"read:x\($0)\"" }.joined(separator: ",")
        text = text.replacingOccurrences(of: "\"read:me\", ", with: "\"read:me\", \(scopes), ")
        let file = try ws.write("big.json", text)
        chmod(file, 0o600)
        let json = try CLI.run(["audit", file, "--format", "json"])
        #expect(json.out.utf8.count < 1_000_000, "\(json.out.utf8.count) bytes")
        let top = try #require(try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
        let entry = try #require((top["files"] as? [[String: Any]])?.first)
        let findings = try #require(entry["findings"] as? [[String: Any]])
        #expect(findings.filter { $0["code"] as? String == "permissions/unknown-scope" }.count == 100)
        let left = try #require(entry["findingsLeftOut"] as? [[String: Any]])
        #expect(left.contains { $0["code"] as? String == "permissions/unknown-scope" && $0["count"] as? Int == 399_900 }, "\(left)")
        let plain = try CLI.run(["audit", file])
        #expect(plain.out.contains("(399900 more permissions/unknown-scope findings left out)"), "\(plain.out.suffix(500))")
    }
}
