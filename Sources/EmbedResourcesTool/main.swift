// Writes one Swift file that holds each input file's text as a string constant with a
// name of its own, so code reads `EmbeddedResources.rules` or `EmbeddedResources.Help.instance`:
// a renamed or missing resource fails the build instead of the first run that needs it.
// Usage: EmbedResourcesTool OUTPUT.swift ROOT FILE...
// A file at ROOT becomes a constant named for it without its extension ("rules.json" →
// `rules`); a file in a folder becomes a constant of a nested enum named for the folder
// ("help/keys.md" → `Help.keys`), and each folder's enum also lists its files in `all`.
// rules.json, live.json and scopes.json are also written as Swift values (CatalogueTables.swift).
import Foundation

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}
let output = args[1]
let root = args[2].hasSuffix("/") ? args[2] : args[2] + "/"

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("EmbedResourcesTool: \(message)\n".utf8))
    exit(1)
}

/// A raw string delimiter longer than any run of `#` that follows a quote in the text,
/// so the text never needs escaping.
func delimiter(for text: String) -> String {
    var longest = 0, run = 0, afterQuote = false
    for c in text.unicodeScalars {
        if c == "\"" { afterQuote = true; run = 0; continue }
        if c == "#" && afterQuote { run += 1; longest = max(longest, run) } else { afterQuote = false; run = 0 }
    }
    return String(repeating: "#", count: longest + 1)
}

/// "acme-prod" → "acmeProd": a Swift identifier from a file or folder name.
func identifier(_ name: String, capitalized: Bool) -> String {
    let parts = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    guard let first = parts.first, first.first?.isLetter == true else { fail("\(name) does not start with a letter") }
    let head = capitalized ? first.prefix(1).uppercased() + first.dropFirst() : first.prefix(1).lowercased() + first.dropFirst()
    return head + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
}

func literal(_ text: String) -> String {
    let d = delimiter(for: text)
    return "\(d)\"\"\"\n\(text)\n\"\"\"\(d)"
}

var topLevel: [(name: String, text: String)] = []
var folders: [String: [(file: String, name: String, text: String)]] = [:]
for path in args.dropFirst(3).sorted() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path) as UTF-8") }
    guard path.hasPrefix(root) else { fail("\(path) is not under \(root)") }
    let parts = path.dropFirst(root.count).split(separator: "/").map(String.init)
    let base = (parts.last! as NSString).deletingPathExtension
    switch parts.count {
    case 1: topLevel.append((identifier(base, capitalized: false), text))
    case 2: folders[parts[0], default: []].append((base, identifier(base, capitalized: false), text))
    default: fail("\(path): only one level of folders is embedded")
    }
}

var out = "// Generated from Resources/ by EmbedResourcesTool. Do not edit.\n"
out += "enum EmbeddedResources {\n"
for (name, text) in topLevel {
    out += "    static let \(name) = \(literal(text))\n"
    switch name {
    case "rules": out += ruleTable(text, file: "rules.json", name: "ruleTable")
    case "live": out += ruleTable(text, file: "live.json", name: "liveTable")
    case "scopes": out += scopeTables(text)
    default: break
    }
}
for folder in folders.keys.sorted() {
    let files = folders[folder]!
    out += "    enum \(identifier(folder, capitalized: true)) {\n"
    for file in files { out += "        static let \(file.name) = \(literal(file.text))\n" }
    out += "        /// Every file of the folder by its name without extension.\n"
    out += "        static let all: [String: String] = [\n"
    for file in files { out += "            \"\(file.file)\": \(file.name),\n" }
    out += "        ]\n    }\n"
}
out += "}\n"
do {
    try out.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(output): \(error)")
}
