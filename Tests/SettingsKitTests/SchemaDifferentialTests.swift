import TestSupport
import Testing
import SettingsKit

/// "The schema accepts it" must mean "it loads without a file error", and the other way
/// round: thousands of seeded documents shaped like settings files (and some that are
/// not), each judged by the loader and by an independent validator of the printed schema.
@Suite struct SchemaDifferentialTests {
    static let documents = 4000

    @Test func theSchemaAndTheLoaderAgreeOnGeneratedDocuments() throws {
        let validator = MiniJSONSchema(schema: try JSONParser.parse(Array(SettingsSchema.text.utf8)))
        var rng = SplitMix64(seed: 0x5C4E_3A00_0009)
        var accepted = 0, refused = 0
        for n in 0..<Self.documents {
            let document = DocumentGenerator.document(&rng)
            let text = JSONWriter.write(document)
            let loads: Bool
            do {
                _ = try SettingsStore.decode(Array(text.utf8), path: "generated.json")
                loads = true
            } catch {
                #expect(error.code == .schema || error.code == .unsupportedVersion, "document \(n): \(error.description)\n\(text)")
                loads = false
            }
            let valid = try validator.isValid(document)
            #expect(
                loads == valid,
                "document \(n): the loader \(loads ? "accepts" : "refuses") it, the schema \(valid ? "accepts" : "refuses") it:\n\(text)")
            if loads { accepted += 1 } else { refused += 1 }
        }
        // Both verdicts must be common, or the comparison proves little.
        #expect(accepted > Self.documents / 5 && refused > Self.documents / 5, "\(accepted) accepted, \(refused) refused")
    }

    /// The cases the issue names, by hand.
    @Test(arguments: [
        (#"{"instance": {"environment": "Production"}}"#, true),
        (#"{"atlassianApp": {"distribution": {"status": "Sharing"}}}"#, true),
        (#"{"schemaVersion": 1.0}"#, true),
        (#"{"schemaVersion": 1e0, "instance": {}}"#, true),
        (#"{"schemaVersion": 10E-1}"#, true),
        (#"{"schemaVersion": 1.5}"#, false),
        (#"{"schemaVersion": 2.0}"#, false),
        (#"{"schemaVersion": "1"}"#, false),
        (#"{"name": "my-package", "version": "1.0.0"}"#, false),
        (#"{}"#, true),
        (#"{"notes": {}, "connection": {}}"#, true),
        (#"[]"#, false),
    ])
    func namedCases(_ text: String, _ loads: Bool) throws {
        let document = try JSONParser.parse(Array(text.utf8))
        let validator = MiniJSONSchema(schema: SettingsSchema.document)
        #expect(try validator.isValid(document) == loads)
        #expect(((try? SettingsStore.decode(Array(text.utf8), path: "x.json")) != nil) == loads)
    }

    @Test func aFractionalVersionSaysWhatItFound() {
        do {
            _ = try SettingsStore.decode(Array(#"{"schemaVersion": 1.5}"#.utf8), path: "v.json")
            Issue.record("loaded")
        } catch {
            #expect(error.code == .schema)
            #expect(error.message == "schemaVersion: expected 1, found 1.5")
        }
        do {
            _ = try SettingsStore.decode(Array(#"{"schemaVersion": "1"}"#.utf8), path: "v.json")
            Issue.record("loaded")
        } catch {
            #expect(error.message == "schemaVersion: expected the number 1, found a string")
        }
        do {
            _ = try SettingsStore.decode(Array(#"{"schemaVersion": 2.0}"#.utf8), path: "v.json")
            Issue.record("loaded")
        } catch {
            #expect(error.code == .unsupportedVersion)
            #expect(error.message.hasPrefix("schemaVersion 2.0 is newer than this program knows (1)"))
        }
    }
}

/// Seeded documents near the settings file's shape: the known keys with values of the
/// right kind most of the time, every other kind sometimes, unknown keys, odd versions.
enum DocumentGenerator {
    static func pick<T>(_ items: [T], _ rng: inout SplitMix64) -> T { items[Int(rng.next() % UInt64(items.count))] }
    static func chance(_ percent: UInt64, _ rng: inout SplitMix64) -> Bool { rng.next() % 100 < percent }

    static let versions: [JSONValue] =
        [
            "1", "1", "1", "1.0", "1e0", "10E-1", "0.1e+1", "1.00", "2", "7", "0", "-1", "-0", "1.5", "0.5", "2.0",
            "1.0000000000000000000001", "123456789012345678901234567890", "1e400", "-1e400", "1e-400",
        ].map(JSONValue.number) + [.string("1"), .bool(true), .null, .array([.number("1")]), .object(JSONObject())]

    static let words = [
        "", "x", "Sharing", "sharing", "not_sharing", "Production", "production", "development",
        "https://clerk.acme.com/v1/oauth_callback", "é", "e\u{301}", "read:me",
    ]

    static func document(_ rng: inout SplitMix64) -> JSONValue {
        if chance(4, &rng) { return scalarOrList(&rng) }
        var root = JSONObject()
        if chance(60, &rng) { root["schemaVersion"] = pick(versions, &rng) }
        let containers = ["instance", "connection", "atlassianApp"]
        for name in containers where chance(55, &rng) {
            root[name] = chance(6, &rng) ? scalarOrList(&rng) : .object(container(name, &rng))
        }
        for _ in 0..<Int(rng.next() % 3) { root[pick(["notes", "version", "name", "Instance", "é", "e\u{301}"], &rng)] = any(&rng, depth: 2) }
        return .object(root)
    }

    static func container(_ prefix: String, _ rng: inout SplitMix64) -> JSONObject {
        var object = JSONObject()
        let depth = prefix.split(separator: ".").count
        for field in Fields.all where field.path.count > depth && field.path.prefix(depth).joined(separator: ".") == prefix {
            let name = field.path[depth]
            if field.path.count > depth + 1 {
                let inner = prefix + "." + name
                if object[name] == nil, chance(60, &rng) {
                    object[name] = chance(8, &rng) ? scalarOrList(&rng) : .object(container(inner, &rng))
                }
                continue
            }
            guard chance(50, &rng) else { continue }
            object[name] = chance(7, &rng) ? any(&rng, depth: 1) : value(for: field, &rng)
        }
        if chance(20, &rng) { object[pick(["extra", "clientsecret", "ÉNV"], &rng)] = any(&rng, depth: 1) }
        return object
    }

    static func value(for field: Field, _ rng: inout SplitMix64) -> JSONValue {
        switch field.kind {
        case .text: return .string(pick(words, &rng))
        case .toggle: return .bool(chance(50, &rng))
        case .choice(let values): return .string(chance(60, &rng) ? pick(values, &rng) : pick(words, &rng))
        case .list:
            var items: [JSONValue] = (0..<Int(rng.next() % 4)).map { _ in .string(pick(words, &rng)) }
            if chance(10, &rng) { items.append(scalarOrList(&rng)) }
            return .array(items)
        }
    }

    static func scalarOrList(_ rng: inout SplitMix64) -> JSONValue {
        pick([.null, .bool(true), .number("1"), .number("-2.5e3"), .string("text"), .array([]), .array([.number("1"), .string("a")])], &rng)
    }

    static func any(_ rng: inout SplitMix64, depth: Int) -> JSONValue {
        if depth == 0 || chance(70, &rng) { return scalarOrList(&rng) }
        return .object(JSONObject([("k", any(&rng, depth: depth - 1)), ("é", any(&rng, depth: depth - 1))]))
    }
}
