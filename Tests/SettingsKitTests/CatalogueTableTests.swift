import Testing
import SettingsKit

/// The rule tables (rules.json, live.json) and the scope catalogue are Swift values made at
/// build time from their JSON (EmbedResourcesTool), so no start parses it. They must say exactly what the JSON
/// says: each is checked here against the embedded JSON text read by the settings parser,
/// byte for byte, every field of every row, in file order.
@Suite struct CatalogueTableTests {
    private func document(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func texts(_ value: JSONValue?) -> [String: String] {
        var out: [String: String] = [:]
        for (name, text) in value?.objectValue ?? JSONObject() { out[name] = text.stringValue }
        return out
    }

    private func same(_ a: [String: String], _ b: [String: String]) -> Bool {
        a.count == b.count && a.allSatisfy { name, text in b.contains { $0.key.isSameBytes(as: name) && $0.value.isSameBytes(as: text) } }
    }

    @Test func theRuleTableIsRulesJSON() throws { try check(RuleTable.all, is: BundledResources.rules, "rules.json") }

    @Test func theLiveTableIsLiveJSON() throws { try check(RuleTable.live, is: BundledResources.live, "live.json") }

    private func check(_ table: [RuleInfo], is json: String, _ file: String) throws {
        let rows = try #require(try document(json).arrayValue, "\(file)")
        #expect(rows.count == table.count, "\(file)")
        let known: Set<String> = ["code", "severity", "step", "field", "message", "fix", "messages", "fixes", "development"]
        for (row, rule) in zip(rows, table) {
            let o = try #require(row.objectValue)
            func s(_ key: String) -> String { o[key]?.stringValue ?? "" }
            #expect(rule.code.isSameBytes(as: s("code")), "\(file)")
            #expect(rule.severity.rawValue == s("severity"), "\(rule.code)")
            #expect(rule.step.rawValue == s("step"), "\(rule.code)")
            #expect(rule.field.isSameBytes(as: s("field")), "\(rule.code)")
            #expect(rule.message.isSameBytes(as: s("message")), "\(rule.code)")
            #expect(rule.fix.isSameBytes(as: s("fix")), "\(rule.code)")
            #expect(same(rule.messages, texts(o["messages"])), "\(rule.code)")
            #expect(same(rule.fixes, texts(o["fixes"])), "\(rule.code)")
            #expect(rule.countsForDevelopment == (o["development"] == .bool(true)), "\(rule.code)")
            #expect(o.keys.allSatisfy { known.contains($0) }, "\(rule.code)")
        }
    }

    @Test func theScopeCatalogueIsScopesJSON() throws {
        let o = try #require(try document(BundledResources.scopes).objectValue)
        let scopes = try #require(o["scopes"]?.arrayValue)
        #expect(scopes.count == ScopeCatalogue.all.count)
        for (item, scope) in zip(scopes, ScopeCatalogue.all) {
            let s = try #require(item.objectValue)
            #expect(scope.name.isSameBytes(as: s["name"]?.stringValue ?? ""))
            #expect(scope.product.isSameBytes(as: s["product"]?.stringValue ?? ""), "\(scope.name)")
            #expect(scope.description.isSameBytes(as: s["description"]?.stringValue ?? ""), "\(scope.name)")
            #expect(scope.requestedOnly == (s["requestedOnly"]?.boolValue ?? false), "\(scope.name)")
        }
        let granular = o["granular"]?.objectValue
        #expect(ScopeCatalogue.granularActions == granular?["actions"]?.textItems)
        #expect(ScopeCatalogue.granularProducts == granular?["products"]?.textItems)
    }
}
