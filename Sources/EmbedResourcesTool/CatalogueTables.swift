// The rule tables and the scope catalogue as Swift values, written beside their JSON text:
// the console's first frame and every `audit` need them, and parsing their JSON at each
// start was a sixth of the console's start (Benchmarks/README.md, "Start-up, first frame and fleet
// speed"). The JSON files stay what people edit; a key this does not know fails the build,
// so nothing in them is dropped unnoticed.
import Foundation

/// `text` as a Swift string literal: printable ASCII as it is, everything else escaped by
/// its Unicode scalar, so the generated file holds exactly the scalars of the JSON string.
func swiftString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case " "..."~": out.unicodeScalars.append(scalar)
        default: out += "\\u{\(String(scalar.value, radix: 16))}"
        }
    }
    return out + "\""
}

private func jsonValue(_ text: String, _ file: String) -> Any {
    guard let value = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { fail("\(file) is not JSON") }
    return value
}

private func object(_ value: Any?, _ what: String, keys allowed: Set<String>) -> [String: Any] {
    guard let object = value as? [String: Any] else { fail("\(what) is not a JSON object") }
    if let unknown = Set(object.keys).subtracting(allowed).sorted().first {
        fail("\(what) has the key \"\(unknown)\", which EmbedResourcesTool's tables do not know: add it there and to the type")
    }
    return object
}

private func string(_ value: Any?, _ what: String) -> String {
    guard let value else { return "" }
    guard let text = value as? String else { fail("\(what) is not a string") }
    return text
}

/// A flag: false when the key is not there.
private func flag(_ value: Any?, _ what: String) -> Bool {
    guard let value else { return false }
    guard let on = value as? Bool else { fail("\(what) is not true or false") }
    return on
}

private func strings(_ value: Any?, _ what: String) -> [String] {
    guard let list = value as? [Any] else { fail("\(what) is not a list") }
    return list.enumerated().map { string($1, "\(what)[\($0)]") }
}

/// A `[String: String]` literal of a JSON object of texts, in key order.
private func textsByName(_ value: Any?, _ what: String) -> String {
    guard let value else { return "[:]" }
    guard let texts = value as? [String: Any] else { fail("\(what) is not a JSON object") }
    if texts.isEmpty { return "[:]" }
    return "[" + texts.keys.sorted().map { "\(swiftString($0)): \(swiftString(string(texts[$0], "\(what).\($0)")))" }.joined(separator: ", ") + "]"
}

/// rules.json (and live.json, rows of the same shape): `name`, its rows as `RuleInfo`
/// values in file order. Severity and step are written as the cases of the same name: a
/// row naming no case fails the build.
func ruleTable(_ text: String, file: String, name: String) -> String {
    guard let rows = jsonValue(text, file) as? [Any] else { fail("\(file) is not a JSON list") }
    var out = "    static let \(name): [RuleInfo] = [\n"
    for (i, row) in rows.enumerated() {
        let what = "\(file)[\(i)]"
        let o = object(row, what, keys: ["code", "severity", "step", "field", "message", "fix", "messages", "fixes", "development"])
        let severity = string(o["severity"], "\(what).severity"), step = string(o["step"], "\(what).step")
        for word in [severity, step] where !word.allSatisfy({ $0.isASCII && $0.isLetter }) {
            fail("\(what): \"\(word)\" is not a severity or step")
        }
        let development = flag(o["development"], "\(what).development")
        out += "        RuleInfo(\n"
        out += "            code: \(swiftString(string(o["code"], "\(what).code"))), severity: .\(severity), step: .\(step),\n"
        out += "            field: \(swiftString(string(o["field"], "\(what).field"))),\n"
        out += "            message: \(swiftString(string(o["message"], "\(what).message"))),\n"
        out += "            fix: \(swiftString(string(o["fix"], "\(what).fix"))),\n"
        out += "            messages: \(textsByName(o["messages"], "\(what).messages")),\n"
        out += "            fixes: \(textsByName(o["fixes"], "\(what).fixes")),\n"
        out += "            countsForDevelopment: \(development)),\n"
    }
    return out + "    ]\n"
}

/// scopes.json: `scopeTable` (its scopes as `Scope` values in file order), and the
/// granular scopes' `granularActions` and `granularProducts`.
func scopeTables(_ text: String) -> String {
    let document = object(jsonValue(text, "scopes.json"), "scopes.json", keys: ["granular", "scopes"])
    let granular = object(document["granular"], "scopes.json granular", keys: ["actions", "products"])
    guard let scopes = document["scopes"] as? [Any] else { fail("scopes.json scopes is not a list") }
    var out = "    static let scopeTable: [Scope] = [\n"
    for (i, item) in scopes.enumerated() {
        let what = "scopes.json scopes[\(i)]"
        let o = object(item, what, keys: ["name", "product", "description", "requestedOnly"])
        let requestedOnly = flag(o["requestedOnly"], "\(what).requestedOnly")
        out += "        Scope(\n"
        out +=
            "            name: \(swiftString(string(o["name"], "\(what).name"))), product: \(swiftString(string(o["product"], "\(what).product"))),\n"
        out += "            description: \(swiftString(string(o["description"], "\(what).description"))), requestedOnly: \(requestedOnly)),\n"
    }
    out += "    ]\n"
    for (name, key) in [("granularActions", "actions"), ("granularProducts", "products")] {
        let items = strings(granular[key], "scopes.json granular.\(key)")
        out += "    static let \(name): [String] = [" + items.map(swiftString).joined(separator: ", ") + "]\n"
    }
    return out
}
