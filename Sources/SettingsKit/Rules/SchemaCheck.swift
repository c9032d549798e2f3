/// Checks a parsed document against schema version 1: the top level is an object, the
/// version is known, and every known key that is present has the right type. Unknown
/// keys are not checked: they belong to someone else and are kept as they are.
enum SchemaCheck {
    struct Problem: Error {
        let code: FileError.Code
        let message: String
        let path: [JSONPathComponent]
    }

    static func check(_ value: JSONValue) -> Result<Settings, Problem> {
        guard case .object(let root) = value else {
            return .failure(Problem(code: .schema, message: "expected an object at the top level, found \(value.kindName)", path: []))
        }
        let settings = Settings(root: root)

        if let version = root["schemaVersion"] {
            // A whole number too big for Int is still a version, just one from far ahead.
            if case .number(let text) = version, Int(text) == nil, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
                return .failure(Problem(code: .unsupportedVersion,
                                        message: "schemaVersion is newer than this program knows (\(Settings.schemaVersion)); use a newer social-console",
                                        path: [.key("schemaVersion")]))
            }
            guard case .number(let text) = version, let n = Int(text) else {
                return .failure(Problem(code: .schema, message: "schemaVersion: expected a whole number, found \(version.kindName)", path: [.key("schemaVersion")]))
            }
            if n > Settings.schemaVersion {
                return .failure(Problem(code: .unsupportedVersion,
                                        message: "schemaVersion \(n) is newer than this program knows (\(Settings.schemaVersion)); use a newer social-console",
                                        path: [.key("schemaVersion")]))
            }
            if n < 1 {
                return .failure(Problem(code: .schema, message: "schemaVersion: expected 1, found \(n)", path: [.key("schemaVersion")]))
            }
        } else if !root.isEmpty, !root.keys.contains(where: { ["instance", "connection", "atlassianApp"].contains($0) }) {
            return .failure(Problem(code: .schema,
                                    message: "not a social-console settings file (none of schemaVersion, instance, connection, atlassianApp)",
                                    path: []))
        }

        for container in Fields.containers {
            if let v = settings.value(container), v.objectValue == nil {
                return .failure(Problem(code: .schema, message: "\(container): expected an object, found \(v.kindName)", path: components(container)))
            }
        }
        for field in Fields.all {
            guard let v = settings.value(field.key) else { continue }
            if let problem = typeProblem(field, v) { return .failure(problem) }
        }
        return .success(settings)
    }

    static func typeProblem(_ field: Field, _ v: JSONValue) -> Problem? {
        // Choices load as any string: an unexpected value is a readiness finding, not a load error.
        let expected = field.kind == .toggle || field.kind == .list ? field.kind.expected : "a string"
        // A function, not a string: built only for the rare file that fails.
        func found() -> String { "\(field.key): expected \(expected), found \(v.kindName)" }
        switch field.kind {
        case .text, .choice:
            if v.stringValue == nil { return Problem(code: .schema, message: found(), path: components(field.key)) }
        case .toggle:
            if v.boolValue == nil { return Problem(code: .schema, message: found(), path: components(field.key)) }
        case .list:
            guard let items = v.arrayValue else { return Problem(code: .schema, message: found(), path: components(field.key)) }
            for (i, item) in items.enumerated() where item.stringValue == nil {
                return Problem(code: .schema, message: "\(field.key)[\(i)]: expected a string, found \(item.kindName)",
                               path: components(field.key) + [.index(i)])
            }
        }
        return nil
    }

    static func components(_ key: String) -> [JSONPathComponent] {
        key.split(separator: ".").map { .key(String($0)) }
    }
}

