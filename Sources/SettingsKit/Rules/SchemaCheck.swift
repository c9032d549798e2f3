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

        if let version = root["schemaVersion"] {
            if let problem = versionProblem(version) { return .failure(problem) }
        } else if !root.isEmpty, !root.keys.contains(where: { SettingsSchema.topLevelKeys.containsBytes($0) }) {
            return .failure(
                Problem(
                    code: .schema,
                    message: "not a social-console settings file (none of \(SettingsSchema.topLevelKeys.joined(separator: ", ")))",
                    path: []))
        }

        let settings = Settings(root: root)
        let known = settings.known
        for (i, container) in Fields.containers.enumerated() {
            if let v = known[container: i], v.objectValue == nil {
                return .failure(Problem(code: .schema, message: "\(container): expected an object, found \(v.kindName)", path: components(container)))
            }
        }
        for (i, shape) in shapes.enumerated() {
            guard let v = known[field: i], !shape.fits(v) else { continue }
            if let problem = typeProblem(Fields.all[i], v) { return .failure(problem) }
        }
        return .success(settings)
    }

    /// The JSON type a field's value has, in `Fields.all`'s order: asked of every field of
    /// every file, where copying each field (its texts and choices) was most of the check's
    /// time. A value that does not fit is described by `typeProblem`.
    private enum Shape {
        case string, bool, stringList

        init(_ kind: FieldKind) {
            switch kind {
            case .text, .choice: self = .string
            case .toggle: self = .bool
            case .list: self = .stringList
            }
        }

        func fits(_ v: JSONValue) -> Bool {
            switch (self, v) {
            case (.string, .string), (.bool, .bool): return true
            case (.stringList, .array(let items)): return items.allSatisfy { $0.stringValue != nil }
            default: return false
            }
        }
    }

    private static let shapes = Fields.all.map { Shape($0.kind) }

    /// The version is the number 1, in any notation JSON has for it (1, 1.0, 1e0: what
    /// JSON Schema's `"const": 1` accepts too). A whole number above it is a newer file.
    static func versionProblem(_ version: JSONValue) -> Problem? {
        let known = Settings.schemaVersion
        let path: [JSONPathComponent] = [.key("schemaVersion")]
        guard case .number(let text) = version else {
            return Problem(code: .schema, message: "schemaVersion: expected the number \(known), found \(version.kindName)", path: path)
        }
        // Numbers are quoted only when short: a long run of digits could be anything pasted.
        let shown = text.utf8.count < Secret.minimumSearchLength ? text : nil
        switch wholeNumber(text) {
        case .some(let n) where n == known:
            return nil
        case .some(let n) where n > known:
            return Problem(
                code: .unsupportedVersion,
                message: "schemaVersion\(shown.map { " " + $0 } ?? "") is newer than this program knows (\(known)); use a newer social-console",
                path: path)
        case .some:
            return Problem(code: .schema, message: "schemaVersion: expected \(known), found \(shown ?? "a smaller number")", path: path)
        case .none:
            return Problem(code: .schema, message: "schemaVersion: expected \(known), found \(shown ?? "a number that is not whole")", path: path)
        }
    }

    /// The value of a JSON number when it is a whole number (Int.max standing for any
    /// larger one, Int.min for any smaller), nil when it has a fractional part.
    static func wholeNumber(_ text: String) -> Int? {
        var bytes = Array(text.utf8)[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        let integer = bytes.prefix(while: isDigit)
        bytes = bytes.dropFirst(integer.count)
        var fraction: ArraySlice<UInt8> = []
        if bytes.first == UInt8(ascii: ".") {
            fraction = bytes.dropFirst().prefix(while: isDigit)
            bytes = bytes.dropFirst(1 + fraction.count)
        }
        var exponent = 0
        if let e = bytes.first, e | 0x20 == UInt8(ascii: "e") {
            bytes = bytes.dropFirst()
            let minus = bytes.first == UInt8(ascii: "-")
            if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            for b in bytes.prefix(while: isDigit) { exponent = min(exponent * 10 + Int(b - 0x30), 1 << 40) }
            if minus { exponent = -exponent }
        }
        // value = digits × 10^exponent, with the digits' leading and trailing zeros taken off.
        var digits = Array(integer) + Array(fraction)
        exponent -= fraction.count
        guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }) else { return 0 }
        digits.removeFirst(first)
        while digits.last == UInt8(ascii: "0") { digits.removeLast(); exponent += 1 }
        guard exponent >= 0 else { return nil }
        guard digits.count + exponent <= 18 else { return negative ? Int.min : Int.max }
        var value = 0
        for d in digits { value = value * 10 + Int(d - 0x30) }
        for _ in 0..<exponent { value *= 10 }
        return negative ? -value : value
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
                return Problem(
                    code: .schema, message: "\(field.key)[\(i)]: expected a string, found \(item.kindName)",
                    path: components(field.key) + [.index(i)])
            }
        }
        return nil
    }

    static func components(_ key: String) -> [JSONPathComponent] {
        DottedKey.names(of: key).map { .key($0) }
    }
}
