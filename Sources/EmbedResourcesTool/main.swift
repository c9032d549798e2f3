// Writes one Swift file that holds each input file's text as a string constant.
// Usage: EmbedResourcesTool OUTPUT.swift ROOT FILE...
// Keys are paths relative to ROOT ("rules.json", "help/instance.md").
import Foundation

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: EmbedResourcesTool OUTPUT ROOT FILE...\n".utf8))
    exit(2)
}
let output = args[1]
let root = args[2].hasSuffix("/") ? args[2] : args[2] + "/"

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

var out = "// Generated from Resources/ by EmbedResourcesTool. Do not edit.\n"
out += "enum EmbeddedResources {\n    static let files: [String: String] = [\n"
for path in args.dropFirst(3).sorted() {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("EmbedResourcesTool: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    let key = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : (path as NSString).lastPathComponent
    let d = delimiter(for: text)
    out += "        \(d)\"\(key)\"\(d): \(d)\"\"\"\n\(text)\n\"\"\"\(d),\n"
}
out += "    ]\n}\n"
do {
    try out.write(toFile: output, atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("EmbedResourcesTool: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
