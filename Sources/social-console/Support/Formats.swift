import ArgumentsKit

/// What `audit --format` accepts. Each command has its own format type, so its help, man
/// page and completions offer exactly the values it takes.
enum AuditFormat: String, ArgumentChoice {
    case text, json, jsonl, table, sarif, junit
}

/// What `audit --for` accepts: the environment to judge every file for instead of its own.
enum AuditTarget: String, ArgumentChoice {
    case production
}

/// What `--format` accepts for commands that print one document: show, diff, history, explain.
enum TextOrJSON: String, ArgumentChoice {
    case text, json
}
