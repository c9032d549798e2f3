/// The JSON Schema (2020-12) of the settings file, built from the field table, so it
/// cannot drift from what the loader (`SchemaCheck`) accepts: a document passes the
/// schema exactly when it loads without a file error. The rules the two share:
/// - the top level is an object, and names at least one of the top-level keys, or is empty;
/// - `schemaVersion`, when present, is the number 1 (1.0 and 1e0 are that number too);
/// - each container is an object, each field has its kind's JSON type;
/// - a choice field takes any string: a value outside its choices is a readiness finding
///   (`audit` says what it should be), not a reason to refuse the file, so the choices
///   are listed as `examples`, not as an `enum`;
/// - unknown keys are allowed anywhere (they are kept on save).
public enum SettingsSchema {
    public static let id = "https://github.com/social-console/social-console/schema/settings-v1.json"

    /// Descriptions of the objects that hold the fields.
    static let containerDescriptions: [String: String] = [
        "instance": "The Clerk instance.",
        "connection": "The instance's Atlassian connection (Clerk Dashboard: SSO connections → Atlassian).",
        "atlassianApp": "The OAuth 2.0 (3LO) integration in the Atlassian developer console.",
        "atlassianApp.distribution": "The app's Distribution tab.",
    ]

    /// The top-level keys a settings file is recognised by.
    public static let topLevelKeys: [String] = {
        var keys = ["schemaVersion"]
        for field in Fields.all where !keys.contains(field.path[0]) { keys.append(field.path[0]) }
        return keys
    }()

    /// The schema as `social-console schema` prints it.
    public static var text: String { JSONWriter.write(document) }

    public static var document: JSONValue {
        var properties = JSONObject()
        properties["schemaVersion"] = .object(
            JSONObject([
                ("description", .string("Format version: \(Settings.schemaVersion). A file with a higher version is refused, never rewritten.")),
                ("type", .string("integer")),
                ("const", .number(String(Settings.schemaVersion))),
            ]))
        for field in Fields.all {
            insert(property(for: field), at: field.path[...], parent: [], into: &properties)
        }
        let recognised: [JSONValue] =
            topLevelKeys.map { .object(JSONObject([("required", .array([.string($0)]))])) }
            + [.object(JSONObject([("maxProperties", .number("0"))]))]
        return .object(
            JSONObject([
                ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                ("$id", .string(id)),
                ("title", .string("social-console settings file")),
                (
                    "description",
                    .string(
                        "One instance's Atlassian social connection (OAuth 2.0 3LO). Missing keys mean not filled in yet; "
                            + "unknown keys are kept as they are. A file names at least one of \(topLevelKeys.joined(separator: ", ")), or is empty.")
                ),
                ("type", .string("object")),
                ("properties", .object(properties)),
                ("anyOf", .array(recognised)),
            ]))
    }

    static func property(for field: Field) -> JSONValue {
        var p = JSONObject()
        switch field.kind {
        case .text:
            p["description"] = .string(field.description)
            p["type"] = .string("string")
        case .toggle:
            p["description"] = .string(field.description)
            p["type"] = .string("boolean")
        case .list:
            p["description"] = .string(field.description)
            p["type"] = .string("array")
            p["items"] = .object(JSONObject([("type", .string("string"))]))
        case .choice(let values):
            p["description"] = .string(field.description + " Another string loads, and audit reports it as not one of the choices.")
            p["type"] = .string("string")
            p["examples"] = .array(values.map(JSONValue.string))
        }
        if field.isSecret { p["writeOnly"] = .bool(true) }
        return .object(p)
    }

    /// Puts a field's property under its containers, creating each container's object.
    static func insert(_ leaf: JSONValue, at path: ArraySlice<String>, parent: [String], into properties: inout JSONObject) {
        guard let name = path.first else { return }
        if path.count == 1 {
            properties[name] = leaf
            return
        }
        let key = (parent + [name]).joined(separator: ".")
        var container =
            properties[name]?.objectValue
            ?? {
                var o = JSONObject()
                if let d = containerDescriptions[key] { o["description"] = .string(d) }
                o["type"] = .string("object")
                o["properties"] = .object(JSONObject())
                return o
            }()
        var inner = container["properties"]?.objectValue ?? JSONObject()
        insert(leaf, at: path.dropFirst(), parent: parent + [name], into: &inner)
        container["properties"] = .object(inner)
        properties[name] = .object(container)
    }
}
