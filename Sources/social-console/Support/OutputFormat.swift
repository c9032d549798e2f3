import ArgumentParser

/// `--format` of the commands that print reports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl
}
